package dev.cutover.kumo;

/**
 * Parses and formats durations the way kumod does: strings go through the {@code humantime} crate's
 * grammar and numbers are seconds ({@code crates/duration-serde/src/lib.rs}).
 *
 * <p>Worked example: {@code "5m 30s"} is 330 000 000 µs, {@code "3 days"} is 259 200 000 000 µs. The string
 * is a sequence of {@code <digits><unit>} items; whitespace may appear anywhere between items and between a
 * number and its unit. Units (case matters): {@code ns nsec nanos}, {@code us usec micros}, {@code ms msec
 * millis}, {@code s sec secs second seconds}, {@code m min mins minute minutes}, {@code h hr hrs hour hours},
 * {@code d day days}, {@code w week weeks}, {@code M month months} (30.44 days), {@code y year years}
 * (365.25 days). Decimals are not allowed in strings.
 */
public final class Durations {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private Durations() {
    }

    /**
     * @param text a humantime string such as {@code "60s"}, {@code "90m"}, {@code "1 minute"}
     * @return the duration in microseconds (nanoseconds are truncated)
     * @throws SpecException with humantime's wording when the text is not a duration
     */
    public static long parseMicros(String text) {
        final Cursor cursor = new Cursor(text);
        cursor.skipWhitespace();
        if (cursor.atEnd()) {
            throw new SpecException("value was empty");
        }

        long totalNanos = 0;
        while (!cursor.atEnd()) {
            final long number = cursor.readNumber();
            final String unit = cursor.readUnit();
            totalNanos = addExact(totalNanos, multiplyExact(number, nanosPerUnit(unit)));
            cursor.skipWhitespace();
        }
        return totalNanos / 1000;
    }

    /**
     * @param seconds a number of seconds from a policy (integers and fractions are both accepted)
     * @return the duration in microseconds
     */
    public static long secondsToMicros(double seconds) {
        return Math.round(seconds * MICROS_PER_SECOND);
    }

    /**
     * @param micros a duration in microseconds
     * @return the text humantime writes for it, e.g. {@code "1m 30s"} or {@code "7days"}
     */
    public static String format(long micros) {
        if (micros == 0) {
            return "0s";
        }
        final StringBuilder out = new StringBuilder();
        long seconds = micros / MICROS_PER_SECOND;
        final long subMicros = micros % MICROS_PER_SECOND;
        final long[] sizes = {31_557_600, 2_630_016, 86_400, 3600, 60, 1};
        final String[] names = {"year", "month", "day", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            appendItem(out, seconds / sizes[i], names[i], i < 3);
            seconds %= sizes[i];
        }
        appendItem(out, subMicros / 1000, "ms", false);
        appendItem(out, subMicros % 1000, "us", false);
        return out.toString();
    }

    private static void appendItem(StringBuilder out, long count, String name, boolean pluralises) {
        if (count == 0) {
            return;
        }
        if (out.length() > 0) {
            out.append(' ');
        }
        out.append(count).append(name).append(pluralises && count > 1 ? "s" : "");
    }

    private static long nanosPerUnit(String unit) {
        switch (unit) {
            case "nanos": case "nsec": case "ns":
                return 1L;
            case "usec": case "us": case "micros": case "µs":
                return 1_000L;
            case "millis": case "msec": case "ms":
                return 1_000_000L;
            case "seconds": case "second": case "secs": case "sec": case "s":
                return 1_000_000_000L;
            case "minutes": case "minute": case "min": case "mins": case "m":
                return 60_000_000_000L;
            case "hours": case "hour": case "hr": case "hrs": case "h":
                return 3_600_000_000_000L;
            case "days": case "day": case "d":
                return 86_400_000_000_000L;
            case "weeks": case "week": case "w":
                return 604_800_000_000_000L;
            case "months": case "month": case "M":
                return 2_630_016_000_000_000L;
            case "years": case "year": case "y":
                return 31_557_600_000_000_000L;
            default:
                throw new SpecException("unknown time unit \"" + unit + "\", supported units: "
                        + "ns, us, ms, sec, min, hours, days, weeks, months, years (and few variations)");
        }
    }

    private static long multiplyExact(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new SpecException("number is too large");
        }
    }

    private static long addExact(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new SpecException("number is too large");
        }
    }

    /** Reads a humantime string item by item. */
    private static final class Cursor {
        private final String text;
        private int offset;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return offset >= text.length();
        }

        void skipWhitespace() {
            while (!atEnd() && Character.isWhitespace(text.charAt(offset))) {
                offset++;
            }
        }

        long readNumber() {
            if (!isDigit(text.charAt(offset))) {
                throw new SpecException("expected number at " + offset);
            }
            long number = 0;
            while (!atEnd() && (isDigit(text.charAt(offset)) || Character.isWhitespace(text.charAt(offset)))) {
                final char c = text.charAt(offset++);
                if (isDigit(c)) {
                    number = addExact(multiplyExact(number, 10), c - '0');
                }
            }
            return number;
        }

        String readUnit() {
            final int start = offset;
            while (!atEnd() && isUnitChar(text.charAt(offset))) {
                offset++;
            }
            if (!atEnd() && !isDigit(text.charAt(offset)) && !Character.isWhitespace(text.charAt(offset))) {
                throw new SpecException("invalid character at " + offset);
            }
            if (start == offset) {
                throw new SpecException("time unit needed, for example " + text.trim() + "sec or "
                        + text.trim() + "ms");
            }
            return text.substring(start, offset);
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isUnitChar(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == 'µ';
        }
    }
}
