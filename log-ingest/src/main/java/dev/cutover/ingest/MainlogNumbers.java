package dev.cutover.ingest;

/**
 * Strict readers for the numeric mainlog fields. They accept plain ASCII digits only (no sign, no
 * exponent) and report failure with a sentinel instead of throwing, so a parser built on them never
 * throws on any input.
 */
final class MainlogNumbers {
    static final long MICROS_PER_SECOND = 1_000_000L;
    private static final int SECONDS_DIGITS = 10;
    private static final int MICROS_DIGITS = 16;
    private static final int MAX_COUNT_DIGITS = 18;

    private MainlogNumbers() {
    }

    /** @return microseconds since the epoch for a 10- or 16-digit stamp, or -1 for anything else */
    static long epochMicros(String field) {
        final int length = field.length();
        if (length != SECONDS_DIGITS && length != MICROS_DIGITS) {
            return -1;
        }
        final long value = count(field);
        return value < 0 || length == MICROS_DIGITS ? value : value * MICROS_PER_SECOND;
    }

    /** @return the value of a non-empty string of at most 18 digits, or -1 */
    static long count(String field) {
        final int length = field.length();
        if (length == 0 || length > MAX_COUNT_DIGITS || !allDigits(field, 0, length)) {
            return -1;
        }
        return Long.parseLong(field);
    }

    /** @return the value of a count that fits an int, or -1 */
    static int smallCount(String field) {
        final long value = count(field);
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }

    /** @return seconds written as digits with at most one decimal point, or NaN */
    static double seconds(String field) {
        final int dot = field.indexOf('.');
        final int length = field.length();
        final boolean wellFormed = dot < 0
                ? length > 0 && allDigits(field, 0, length)
                : dot > 0 && allDigits(field, 0, dot) && allDigits(field, dot + 1, length);
        return wellFormed && length <= MAX_COUNT_DIGITS ? Double.parseDouble(field) : Double.NaN;
    }

    /** @return the 3-digit reply code that opens an SMTP response text, or 0 when there is none */
    static int responseCode(String text) {
        final boolean hasCode = text.length() >= 3 && allDigits(text, 0, 3)
                && (text.length() == 3 || !isDigit(text.charAt(3)));
        return hasCode ? Integer.parseInt(text.substring(0, 3)) : 0;
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
