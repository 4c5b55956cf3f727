package dev.cutover.kumo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One TSA automation rule from a shaping file ({@code crates/kumo-api-types/src/shaping.rs}, {@code Rule}):
 * regexes (one string or a list), actions (one or a list), a trigger ({@code Immediate} by default, or
 * {@code {Threshold="N/period"}}), a required duration and {@code match_internal} (default false). Kept for
 * the model and for reports; cutover does not run TSA itself.
 *
 * @param regexes        the patterns, compiled with {@code java.util.regex} (fancy-regex syntax mostly agrees)
 * @param actions        each action: a variant name, or a map such as {@code {SetConfig={name, value}}}
 * @param threshold      the Threshold spec, or null for Immediate
 * @param durationMicros how long the action lasts
 * @param matchInternal  whether the rule also sees {@code KumoMTA internal: } responses
 * @param origin         where the rule was written
 */
public record AutomationRule(List<Pattern> regexes, List<Object> actions, ThrottleSpec threshold,
        long durationMicros, boolean matchInternal, String origin) {

    /** The prefix of kumod's own responses, which a rule sees only with {@code match_internal = true}. */
    private static final String INTERNAL = "KumoMTA internal: ";
    private static final Pattern CODES = Pattern.compile("^\\d{3}[ -](\\d\\.\\d{1,3}\\.\\d{1,3} )?");

    /**
     * A rule as TSA gathers it for one (domain, site): with whether it came from a rolled-up block
     * ({@code default} or a site), which decides how its SetConfig overrides are keyed.
     *
     * @param rule   the rule
     * @param rollup true for rules from {@code default} or a rolled-up (site) block
     */
    public record Scoped(AutomationRule rule, boolean rollup) {
    }

    /**
     * @param response a response in its one-line form, {@code "<code> <enhanced code> <text>"}
     * @return whether any of the rule's patterns finds a match in it ({@code fancy_regex::Regex::is_match})
     */
    public boolean matches(String response) {
        if (!matchInternal && CODES.matcher(response).replaceFirst("").startsWith(INTERNAL)) {
            return false;
        }
        for (Pattern pattern : regexes) {
            if (pattern.matcher(response).find()) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> UNIT_ACTIONS = Set.of("Suspend", "SuspendTenant", "SuspendCampaign",
            "Bounce", "BounceTenant", "BounceCampaign");
    private static final Set<String> CONFIG_ACTIONS = Set.of("SetConfig", "SetDomainConfig");

    /**
     * @param raw    the rule table from TOML or JSON
     * @param origin where it was written
     * @return the rule
     * @throws IllegalArgumentException describing the first problem
     */
    static AutomationRule parse(Map<String, Object> raw, String origin) {
        for (String field : List.of("regex", "action", "duration")) {
            if (!raw.containsKey(field)) {
                throw new IllegalArgumentException(origin + ": automation rule: missing field `" + field + "`");
            }
        }
        return new AutomationRule(regexes(raw.get("regex"), origin), actions(raw.get("action"), origin),
                threshold(raw.get("trigger"), origin), duration(raw.get("duration"), origin),
                Boolean.TRUE.equals(raw.get("match_internal")), origin);
    }

    private static List<Pattern> regexes(Object value, String origin) {
        final List<Pattern> out = new ArrayList<>();
        for (Object item : value instanceof List ? (List<?>) value : List.of(String.valueOf(value))) {
            try {
                out.add(ForeignRegex.compile(String.valueOf(item)));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(origin + ": automation regex: " + e.getDescription());
            }
        }
        return List.copyOf(out);
    }

    private static List<Object> actions(Object value, String origin) {
        final List<?> items = value instanceof List ? (List<?>) value : List.of(value == null ? "" : value);
        for (Object item : items) {
            checkAction(item, origin);
        }
        return List.copyOf(items);
    }

    private static void checkAction(Object action, String origin) {
        if (action instanceof String && UNIT_ACTIONS.contains(action)) {
            return;
        }
        if (action instanceof Map && ((Map<?, ?>) action).size() == 1) {
            final Map.Entry<?, ?> only = ((Map<?, ?>) action).entrySet().iterator().next();
            if (CONFIG_ACTIONS.contains(only.getKey()) && only.getValue() instanceof Map) {
                checkConfigValue((Map<?, ?>) only.getValue(), origin);
                return;
            }
        }
        throw new IllegalArgumentException(origin + ": \"action\" field expected either a single Action or an "
                + "array of Actions; got " + action);
    }

    private static void checkConfigValue(Map<?, ?> setConfig, String origin) {
        final Object name = setConfig.get("name");
        final ConfigSchema.Field field = KumoSchemas.EGRESS_PATH.field(String.valueOf(name));
        if (field == null) {
            throw new IllegalArgumentException(origin + ": SetConfig: unknown field `" + name + "`");
        }
        try {
            field.type().parse(LuaData.toLua(setConfig.get("value")));
        } catch (SerdeError e) {
            throw new IllegalArgumentException(origin + ": SetConfig " + name + ": " + e.getMessage());
        }
    }

    private static ThrottleSpec threshold(Object trigger, String origin) {
        if (trigger == null || "Immediate".equals(trigger)) {
            return null;
        }
        if (trigger instanceof Map && ((Map<?, ?>) trigger).get("Threshold") instanceof String) {
            return ThrottleSpecParser.parse((String) ((Map<?, ?>) trigger).get("Threshold"));
        }
        throw new IllegalArgumentException(origin + ": trigger must be \"Immediate\" or {Threshold=\"N/period\"}");
    }

    private static long duration(Object value, String origin) {
        try {
            return (Long) FieldType.DURATION.parse(LuaData.toLua(value));
        } catch (SerdeError e) {
            throw new IllegalArgumentException(origin + ": automation duration: " + e.getMessage());
        }
    }
}
