package dev.cutover.ingest;

/**
 * Strict readers for the numeric mainlog fields. They accept plain ASCII digits only (no sign, no
 * exponent) and report failure with a sentinel instead of throwing, so a parser built on them never
 * throws on any input.
 */
public final class MainlogNumbers {
    /** Microseconds in one second. */
    public static final long MICROS_PER_SECOND = 1_000_000L;
    private static final int SECONDS_DIGITS = 10;
    private static final int MICROS_DIGITS = 16;
    private static final int MAX_COUNT_DIGITS = 18;
    private static final long EXACT_DOUBLE_LIMIT = 1L << 53;
    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
        10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L,
        1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L};

    private MainlogNumbers() {
    }

    /** @return microseconds since the epoch for a 10- or 16-digit stamp, or -1 for anything else */
    public static long epochMicros(String field) {
        return epochMicros(field, 0, field.length());
    }

    /** @return as {@link #epochMicros(String)}, for the characters {@code [from, to)} of {@code text} */
    public static long epochMicros(String text, int from, int to) {
        final int length = to - from;
        if (length != SECONDS_DIGITS && length != MICROS_DIGITS) {
            return -1;
        }
        final long value = count(text, from, to);
        return value < 0 || length == MICROS_DIGITS ? value : value * MICROS_PER_SECOND;
    }

    /** @return the value of a non-empty string of at most 18 digits, or -1 */
    public static long count(String field) {
        return count(field, 0, field.length());
    }

    /** @return as {@link #count(String)}, for the characters {@code [from, to)} of {@code text} */
    public static long count(String text, int from, int to) {
        final int length = to - from;
        if (length == 0 || length > MAX_COUNT_DIGITS || !allDigits(text, from, to)) {
            return -1;
        }
        return digitsValue(text, from, to);
    }

    /** @return the value of a count that fits an int, or -1 */
    public static int smallCount(String field) {
        return smallCount(field, 0, field.length());
    }

    /** @return as {@link #smallCount(String)}, for the characters {@code [from, to)} of {@code text} */
    public static int smallCount(String text, int from, int to) {
        final long value = count(text, from, to);
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }

    /** @return seconds written as digits with at most one decimal point, or NaN */
    public static double seconds(String field) {
        return seconds(field, 0, field.length());
    }

    /**
     * As {@link #seconds(String)}, for the characters {@code [from, to)} of {@code text}. The value equals
     * {@link Double#parseDouble}'s: digits below 2<sup>53</sup> over a power of ten up to 10<sup>17</sup> are
     * both exact doubles, so their quotient is the correctly rounded decimal; anything longer is parsed.
     */
    static double seconds(String text, int from, int to) {
        final int dot = indexOf(text, '.', from, to);
        final int length = to - from;
        final boolean wellFormed = dot < 0
                ? length > 0 && allDigits(text, from, to)
                : dot > from && allDigits(text, from, dot) && allDigits(text, dot + 1, to);
        if (!wellFormed || length > MAX_COUNT_DIGITS) {
            return Double.NaN;
        }
        return dot < 0 ? digitsValue(text, from, to) : decimalValue(text, from, dot, to);
    }

    private static double decimalValue(String text, int from, int dot, int to) {
        final long scaled = digitsValue(text, from, dot) * POWERS_OF_TEN[to - dot - 1] + digitsValue(text, dot + 1, to);
        return scaled < EXACT_DOUBLE_LIMIT ? scaled / (double) POWERS_OF_TEN[to - dot - 1]
                : Double.parseDouble(text.substring(from, to));
    }

    /** @return the 3-digit reply code that opens an SMTP response text, or 0 when there is none */
    public static int responseCode(String text) {
        final boolean hasCode = text.length() >= 3 && allDigits(text, 0, 3)
                && (text.length() == 3 || !isDigit(text.charAt(3)));
        return hasCode ? (int) digitsValue(text, 0, 3) : 0;
    }

    /** @return the value of the digits {@code [from, to)}, at most 18 of them, 0 when there are none */
    private static long digitsValue(String text, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static int indexOf(String text, char c, int from, int to) {
        final int found = text.indexOf(c, from);
        return found < to ? found : -1;
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
