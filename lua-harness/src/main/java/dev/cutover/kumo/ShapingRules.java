package dev.cutover.kumo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/** Parses the {@code automation} and {@code sources} keys shared by domain and provider blocks. */
final class ShapingRules {

    private ShapingRules() {
    }

    /** @return the rules of an {@code automation} array (absent means none). */
    @SuppressWarnings("unchecked")
    static List<AutomationRule> automation(Object value, String origin) {
        final List<AutomationRule> rules = new ArrayList<>();
        if (value == null) {
            return rules;
        }
        if (!(value instanceof List)) {
            throw new IllegalArgumentException(origin + ": automation must be an array of tables");
        }
        for (Object item : (List<?>) value) {
            if (!(item instanceof Map)) {
                throw new IllegalArgumentException(origin + ": automation entries must be tables");
            }
            rules.add(AutomationRule.parse((Map<String, Object>) item, origin + " automation[" + rules.size() + "]"));
        }
        return rules;
    }

    /** @return the per-source parameter tables of a {@code sources} key (absent means none). */
    @SuppressWarnings("unchecked")
    static Map<String, ShapingParams> sources(Object value, String origin) {
        final Map<String, ShapingParams> sources = new LinkedHashMap<>();
        if (value == null) {
            return sources;
        }
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(origin + ": sources must be a table of tables");
        }
        for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
            if (!(e.getValue() instanceof Map)) {
                throw new IllegalArgumentException(origin + ": sources.\"" + e.getKey() + "\" must be a table");
            }
            final String sourceOrigin = origin.replaceFirst("\\]((?: \\(site .*\\))?)$",
                    Matcher.quoteReplacement(".sources.\"" + e.getKey() + "\"]") + "$1");
            sources.put(e.getKey(), ShapingParams.of((Map<String, Object>) e.getValue(), sourceOrigin));
        }
        return sources;
    }
}
