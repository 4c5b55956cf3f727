package dev.cutover.sim.momentum.conf;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns written option values into typed ones, failing with the file and line of the value.
 *
 * <p>Value forms, from support.sparkpost.com/momentum/4/conf-overview and the option pages under
 * support.sparkpost.com/momentum/4/config/: numbers bare or quoted ({@code 1200}, {@code "1200"});
 * booleans {@code true/false}, {@code on/off}, {@code yes/no}, {@code enabled/disabled}, quoted or
 * not; throttles {@code "N"} (per second) or {@code "N/S"} (per S seconds).
 */
final class OptionValues {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,18}");
    private static final Pattern THROTTLE = Pattern.compile("(\\d{1,18})\\s*(?:/\\s*(\\d{1,18}))?");
    private static final Map<String, Boolean> BOOLEANS = Map.of(
        "true", true, "on", true, "yes", true, "enabled", true,
        "false", false, "off", false, "no", false, "disabled", false);

    private OptionValues() {
    }

    static String scalar(ResolvedOption resolved) {
        if (resolved.value() instanceof ConfValue.Scalar scalar) {
            return scalar.text().trim();
        }
        throw new ConfException(resolved.source(), "expected a single value for " + resolved.option()
            + " but found a list or dictionary");
    }

    static long wholeNumber(ResolvedOption resolved, String meaning) {
        final String text = scalar(resolved);

        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw malformed(resolved, meaning, text);
        }
        return Long.parseLong(text);
    }

    /**
     * The longest duration an option may give: 10^10 seconds, about 317 years; longer ones are mistakes, and would
     * overflow when counted in microseconds.
     */
    static final long MAX_SECONDS = 10_000_000_000L;

    static long seconds(ResolvedOption resolved) {
        final long value = wholeNumber(resolved, "a whole number of seconds");
        if (value > MAX_SECONDS) {
            throw malformed(resolved, "a whole number of seconds up to " + MAX_SECONDS, scalar(resolved));
        }
        return value;
    }

    static int smallWholeNumber(ResolvedOption resolved, String meaning) {
        final long value = wholeNumber(resolved, meaning);

        if (value > Integer.MAX_VALUE) {
            throw malformed(resolved, meaning, scalar(resolved));
        }
        return (int) value;
    }

    static boolean bool(ResolvedOption resolved) {
        final String text = scalar(resolved);
        final Boolean value = BOOLEANS.get(text.toLowerCase(Locale.ROOT));

        if (value == null) {
            throw malformed(resolved, "true or false (also on/off, yes/no, enabled/disabled)", text);
        }
        return value;
    }

    static MaxRetries maxRetries(ResolvedOption resolved) {
        final String text = scalar(resolved).toLowerCase(Locale.ROOT);

        if (text.equals("auto")) {
            return MaxRetries.AUTO;
        }
        if (text.equals("none")) {
            return MaxRetries.NONE;
        }
        return MaxRetries.of(smallWholeNumber(resolved, "auto, none or a whole number of retries"));
    }

    static ConnectionAllocationAggressiveness aggressiveness(ResolvedOption resolved) {
        final String text = scalar(resolved);

        try {
            return ConnectionAllocationAggressiveness.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw malformed(resolved, "normal or high", text);
        }
    }

    /**
     * @return the throttle, or null when the value is 0 (unlimited)
     */
    static MomentumThrottle throttle(ResolvedOption resolved) {
        final String text = scalar(resolved);
        final Matcher matcher = THROTTLE.matcher(text);

        if (!matcher.matches() || "0".equals(stripZeros(matcher.group(2)))) {
            throw malformed(resolved, "\"N\" or \"N/S\" with whole numbers and S at least 1", text);
        }
        final long count = Long.parseLong(matcher.group(1));
        final long period = matcher.group(2) == null ? 1 : Long.parseLong(matcher.group(2));
        return count == 0 ? null : new MomentumThrottle(count, period, resolved.definingStanza(), resolved.location());
    }

    /** @return the two whole numbers of an {@code ( low high )} list, low first */
    static Range range(ResolvedOption resolved) {
        final String meaning = "two whole numbers in parentheses, low then high, as ( 10 100 )";
        if (!(resolved.value() instanceof ConfValue.ListValue list) || list.items().size() != 2
                || !(list.items().get(0) instanceof ConfValue.Scalar low)
                || !(list.items().get(1) instanceof ConfValue.Scalar high)
                || !WHOLE_NUMBER.matcher(low.text().trim()).matches()
                || !WHOLE_NUMBER.matcher(high.text().trim()).matches()) {
            throw new ConfException(resolved.source(), "expected " + meaning + " for " + resolved.option()
                + " but found " + resolved.value());
        }
        final Range range = new Range(Long.parseLong(low.text().trim()), Long.parseLong(high.text().trim()));
        if (range.low() > range.high()) {
            throw malformed(resolved, meaning, "( " + range.low() + " " + range.high() + " )");
        }
        return range;
    }

    private static String stripZeros(String digits) {
        return digits == null ? null : digits.replaceFirst("^0+(?=.)", "");
    }

    private static ConfException malformed(ResolvedOption resolved, String meaning, String text) {
        return new ConfException(resolved.source(), "expected " + meaning + " for " + resolved.option()
            + " but found \"" + text + "\"");
    }
}
