package dev.cutover.kumo;

import static dev.cutover.kumo.KumoTime.Unparsable;
import static dev.cutover.kumo.KumoTime.BILLION;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** humantime's {@code parse_duration} (2.3 and 2.4), to the nanosecond. */
final class Humantime {
    private static final String OVERFLOWS = "number is too large or cannot be represented without a lack of "
            + "precision (values below 1ns are not supported)";
    /** Each unit's size: {seconds, nanoseconds}, one of them zero. */
    private static final Map<String, long[]> UNITS = units();

    private final int[] chars;
    /** The UTF-8 byte offset of each character, and the text's length in bytes after the last. */
    private final int[] offsets;
    private int at;
    private long seconds;
    private long nanos;

    private Humantime(String text) {
        chars = text.codePoints().toArray();
        offsets = new int[chars.length + 1];
        for (int i = 0; i < chars.length; i++) {
            offsets[i + 1] = offsets[i] + new String(chars, i, 1).getBytes(StandardCharsets.UTF_8).length;
        }
    }

    private static Map<String, long[]> units() {
        final Map<String, long[]> units = new HashMap<>();
        final Object[][] table = {
            {new long[] {0, 1}, "nanos", "nsec", "ns"},
            {new long[] {0, 1000}, "usec", "us", "\u00b5s"},
            {new long[] {0, 1_000_000}, "millis", "msec", "ms"},
            {new long[] {1, 0}, "seconds", "second", "secs", "sec", "s"},
            {new long[] {60, 0}, "minutes", "minute", "min", "mins", "m"},
            {new long[] {3600, 0}, "hours", "hour", "hr", "hrs", "h"},
            {new long[] {86_400, 0}, "days", "day", "d"},
            {new long[] {604_800, 0}, "weeks", "week", "wk", "wks", "w"},
            {new long[] {2_630_016, 0}, "months", "month", "M"},
            {new long[] {31_557_600, 0}, "years", "year", "yr", "yrs", "y"},
        };
        for (Object[] row : table) {
            for (int i = 1; i < row.length; i++) {
                units.put((String) row[i], (long[]) row[0]);
            }
        }
        return Map.copyOf(units);
    }

    /**
     * @return {seconds (unsigned), nanoseconds} of humantime text such as {@code 1h 30m} or {@code 1.5h}
     * @throws Unparsable with humantime's words when it is not one
     */
    static long[] parse(String text) {
        final Humantime parser = new Humantime(text);
        if (!text.equals("0")) {
            parser.run();
        }
        return new long[] {parser.seconds, parser.nanos};
    }

    private void run() {
        long n = firstDigit();
        if (n < 0) {
            throw new Unparsable("value was empty");
        }
        while (true) {
            long[] fraction = null;
            int off = at;
            while (at < chars.length) {
                final int c = chars[at++];
                if (isDigit(c)) {
                    n = add(multiply(n, 10), c - '0');
                } else if (unitChar(c)) {
                    break;
                } else if (c == '.') {
                    long numerator = 0;
                    long denominator = 1;
                    while (at < chars.length) {
                        final int d = chars[at++];
                        if (isDigit(d)) {
                            denominator = multiply(denominator, 10);
                            numerator = add(multiply(numerator, 10), d - '0');
                        } else if (unitChar(d)) {
                            break;
                        } else if (!KumoStrings.whiteSpace(d)) {
                            throw invalid(off);
                        }
                        off = at;
                    }
                    if (denominator == 1) {
                        throw invalid(off);
                    }
                    fraction = new long[] {numerator, denominator};
                    break;
                } else if (!KumoStrings.whiteSpace(c)) {
                    throw invalid(off);
                }
                off = at;
            }
            final int start = off;
            int end = at;
            boolean digitFollows = false;
            while (!digitFollows && at < chars.length) {
                final int c = chars[at++];
                if (isDigit(c)) {
                    unit(n, fraction, start, end);
                    n = c - '0';
                    digitFollows = true;
                } else if (KumoStrings.whiteSpace(c)) {
                    break;
                } else if (!unitChar(c)) {
                    throw invalid(end);
                } else {
                    end = at;
                }
            }
            if (!digitFollows) {
                unit(n, fraction, start, end);
                n = firstDigit();
                if (n < 0) {
                    return;
                }
            }
        }
    }

    /** @return the first digit after whitespace, or -1 at the end of the text */
    private long firstDigit() {
        final int off = at;
        while (at < chars.length) {
            final int c = chars[at++];
            if (isDigit(c)) {
                return c - '0';
            }
            if (!KumoStrings.whiteSpace(c)) {
                throw new Unparsable("expected number at " + offsets[off]);
            }
        }
        return -1;
    }

    /** Adds {@code n} (and its fraction) of the unit spelt from {@code start} to {@code end}. */
    private void unit(long n, long[] fraction, int start, int end) {
        final String name = new String(chars, start, end - start);
        final long[] size = UNITS.get(name);
        if (size == null) {
            final String value = Long.toUnsignedString(n);
            throw new Unparsable(name.isEmpty() ? "time unit needed, for example " + value + "sec or " + value
                    + "ms" : "unknown time unit \"" + name + "\", supported units: ns, us/\u00b5s, ms, sec, min, "
                    + "hours, days, weeks, months, years (and few variations)");
        }
        accumulate(multiply(n, size[0]), multiply(n, size[1]));
        if (fraction == null) {
            return;
        }
        if (size[1] == 1) {
            throw new Unparsable(OVERFLOWS);
        }
        if (size[1] > 0 || size[0] == 1 || size[0] == 60) {
            final long perUnit = size[1] > 0 ? size[1] : size[0] * BILLION;
            accumulate(0, exactly(multiply(fraction[0], perUnit), fraction[1]));
        } else {
            accumulate(exactly(multiply(fraction[0], size[0]), fraction[1]), 0);
        }
    }

    private void accumulate(long moreSeconds, long moreNanos) {
        long total = add(nanos, moreNanos);
        long carried = moreSeconds;
        if (Long.compareUnsigned(total, BILLION) >= 0) {
            carried = add(carried, Long.divideUnsigned(total, BILLION));
            total = Long.remainderUnsigned(total, BILLION);
        }
        seconds = add(seconds, carried);
        nanos = total;
    }

    private Unparsable invalid(int index) {
        return new Unparsable("invalid character at " + offsets[index]);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean unitChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '\u00b5';
    }

    /** Unsigned 64-bit arithmetic that fails as humantime's does on overflow. */
    private static long add(long a, long b) {
        final long sum = a + b;
        if (Long.compareUnsigned(sum, a) < 0) {
            throw new Unparsable(OVERFLOWS);
        }
        return sum;
    }

    private static long multiply(long a, long b) {
        final BigInteger product = new BigInteger(Long.toUnsignedString(a)).multiply(
                new BigInteger(Long.toUnsignedString(b)));
        if (product.bitLength() > 64) {
            throw new Unparsable(OVERFLOWS);
        }
        return product.longValue();
    }

    private static long exactly(long a, long b) {
        if (Long.remainderUnsigned(a, b) != 0) {
            throw new Unparsable(OVERFLOWS);
        }
        return Long.divideUnsigned(a, b);
    }
}
