package dev.cutover.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * Shares one instance of each often-repeated field value (domains, binding names, MX IPs) among the
 * messages held open by the join, so a million open messages do not hold a million copies of
 * {@code gmail.com}. Outbound connection ids are pooled too: Momentum logs many attempts per connection.
 * Holds at most {@value #MAX_ENTRIES} values and starts afresh when full.
 */
final class StringPool {
    private static final int MAX_ENTRIES = 1 << 16;

    private final Map<String, String> values = new HashMap<>();

    String canonical(String value) {
        final String known = values.get(value);
        if (known != null) {
            return known;
        }
        if (values.size() >= MAX_ENTRIES) {
            values.clear();
        }
        values.put(value, value);
        return value;
    }
}
