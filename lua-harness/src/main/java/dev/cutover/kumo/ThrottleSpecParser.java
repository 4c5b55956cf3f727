package dev.cutover.kumo;

/**
 * Parses KumoMTA throttle specs with kumod's grammar ({@code crates/throttle/src/lib.rs},
 * {@code TryFrom<&str> for ThrottleSpec}).
 *
 * <p>Worked example: {@code "local:1,000/5min,max_burst=50"} is 1000 per 300 s, burst 50, kept local.
 * The steps run in kumod's order: strip {@code local:}, split off {@code ,max_burst=}, split at the first
 * {@code /}, read the optional period multiplier and the unit, then the limit. So {@code "0/hours"} fails on
 * the unit before the limit is looked at. Units are {@code s|sec|second}, {@code m|min|minute},
 * {@code h|hr|hour} and {@code d|day}; plurals and whitespace are errors, and so is a limit of 0. A period of 0
 * (such as {@code 1/0s}) is refused here too: it can only be a mistake, and it would mean no limit at all.
 */
public final class ThrottleSpecParser {

    private static final String LOCAL_PREFIX = "local:";
    private static final String BURST_MARKER = ",max_burst=";

    private ThrottleSpecParser() {
    }

    /**
     * @param text a spec such as {@code 100/s}, {@code 10/5min} or {@code 1,000/h,max_burst=50}
     * @return the parsed spec
     * @throws SpecException with kumod's message when the text is not a valid spec
     */
    public static ThrottleSpec parse(String text) {
        final boolean local = text.startsWith(LOCAL_PREFIX);
        String rest = local ? text.substring(LOCAL_PREFIX.length()) : text;
        long maxBurst = -1;
        final int burstAt = rest.indexOf(BURST_MARKER);
        if (burstAt >= 0) {
            maxBurst = parseSeparated(rest.substring(burstAt + BURST_MARKER.length()));
            rest = rest.substring(0, burstAt);
        }

        final int slash = rest.indexOf('/');
        if (slash < 0) {
            throw new SpecException("expected 'limit/period', got " + rest);
        }
        final long periodSeconds = periodSeconds(rest.substring(slash + 1));
        final long limit = parseSeparated(rest.substring(0, slash));
        if (limit == 0) {
            throw new SpecException("invalid ThrottleSpec `" + rest + "`: limit must be greater than 0!");
        }
        if (periodSeconds == 0) {
            throw new SpecException("invalid ThrottleSpec `" + rest + "`: period must be greater than 0");
        }
        return new ThrottleSpec(limit, periodMicros(periodSeconds), maxBurst, local);
    }

    private static long periodMicros(long periodSeconds) {
        try {
            return Math.multiplyExact(periodSeconds, 1_000_000L);
        } catch (ArithmeticException e) {
            throw new SpecException("number too big");
        }
    }

    private static long parseSeparated(String text) {
        try {
            return Numbers.parseUnsigned(Numbers.stripSeparators(text));
        } catch (SpecException e) {
            throw new SpecException("invalid limit '" + text + "': " + e.getMessage());
        }
    }

    private static long periodSeconds(String period) {
        int digits = 0;
        while (digits < period.length() && Character.isDigit(period.charAt(digits)) && period.charAt(digits) < 128) {
            digits++;
        }
        if (digits == period.length()) {
            throw new SpecException("invalid period quantity " + period);
        }
        final long scale = digits == 0 ? 1 : multiplier(period.substring(0, digits));
        final long unitSeconds = unitSeconds(period.substring(digits));
        try {
            return Math.multiplyExact(unitSeconds, scale);
        } catch (ArithmeticException e) {
            throw new SpecException("number too big");
        }
    }

    private static long multiplier(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new SpecException("number too big");
        }
    }

    private static long unitSeconds(String unit) {
        switch (unit) {
            case "s": case "sec": case "second":
                return 1;
            case "m": case "min": case "minute":
                return 60;
            case "h": case "hr": case "hour":
                return 3600;
            case "d": case "day":
                return 86_400;
            default:
                throw new SpecException("unknown period quantity " + unit);
        }
    }
}
