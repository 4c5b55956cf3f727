package dev.cutover.sim.momentum;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One Adaptive Delivery response rule: a pattern matched against the SMTP response, a trigger, and the actions it
 * takes (support.sparkpost.com/momentum/3/3-ad/ad-custom-rules, ad-appendix-adaptive-rules).
 *
 * <p>The trigger {@code "1"} fires on every match; {@code "C/S"} fires on the C-th match within S seconds, and
 * counting starts again after it fires (the appendix's reading; ad-custom-rules words it as "more than").
 *
 * @param code          the pattern as written (PCRE; Java's regular expressions read the common forms the same)
 * @param pattern       the compiled pattern, searched anywhere in the response text
 * @param count         matches that fire the rule
 * @param windowSeconds the window they must fall in; 0 for the trigger {@code "1"}
 * @param actions       what the rule does, in order
 * @param origin        the file and domain entry the rule came from, for explanations
 */
public record ResponseRule(String code, Pattern pattern, int count, long windowSeconds,
                           List<AdaptiveAction> actions, String origin) {

    public ResponseRule {
        actions = List.copyOf(actions);
    }

    /** @return the rule as a report names it: its pattern and where it was written */
    public String label() {
        return "\"" + code + "\" [" + origin + "]";
    }
}
