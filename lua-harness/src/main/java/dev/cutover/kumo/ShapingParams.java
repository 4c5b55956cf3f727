package dev.cutover.kumo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A table of {@code make_egress_path} parameters from shaping files, with where each value came from.
 *
 * <p>Merging follows kumod's {@code toml_table_merge_from} ({@code crates/kumo-api-types/src/shaping.rs}):
 * a later value replaces an earlier one, except that the three {@code additional_*} maps merge by key.
 * Origins are kept per field and, for those maps, per key as {@code field[key]}.
 */
final class ShapingParams {

    private static final Set<String> MERGED_BY_KEY = Set.of("additional_connection_limits",
            "additional_message_rate_throttles", "additional_source_selection_rates");

    final Map<String, Object> values = new LinkedHashMap<>();
    final Map<String, String> origins = new LinkedHashMap<>();

    /** @return params holding {@code values}, all from {@code origin}. */
    static ShapingParams of(Map<String, Object> values, String origin) {
        final ShapingParams params = new ShapingParams();
        values.forEach((k, v) -> params.put(k, v, origin));
        return params;
    }

    /** Sets {@code key} (and each key of a map value) with its origin. */
    void put(String key, Object value, String origin) {
        values.put(key, value);
        origins.put(key, origin);
        if (value instanceof Map && MERGED_BY_KEY.contains(key)) {
            ((Map<?, ?>) value).keySet().forEach(k -> origins.put(key + "[" + k + "]", origin));
        }
    }

    /** Merges {@code other} over this table. */
    void mergeFrom(ShapingParams other) {
        other.values.forEach((key, value) -> mergeKey(key, value, other));
    }

    @SuppressWarnings("unchecked")
    private void mergeKey(String key, Object value, ShapingParams other) {
        final Object existing = values.get(key);
        if (MERGED_BY_KEY.contains(key) && existing instanceof Map && value instanceof Map) {
            final Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) existing);
            merged.putAll((Map<String, Object>) value);
            values.put(key, merged);
            origins.put(key, other.origins.get(key));
            ((Map<String, Object>) value).keySet().forEach(k -> origins.put(key + "[" + k + "]",
                    other.origins.getOrDefault(key + "[" + k + "]", other.origins.get(key))));
            return;
        }
        values.put(key, value);
        other.origins.forEach((k, origin) -> {
            if (k.equals(key) || k.startsWith(key + "[")) {
                origins.put(k, origin);
            }
        });
    }

    /** @return a deep-enough copy (maps are copied when merged, so sharing values is safe). */
    ShapingParams copy() {
        final ShapingParams copy = new ShapingParams();
        copy.values.putAll(values);
        copy.origins.putAll(origins);
        return copy;
    }

    /** Replaces everything with a copy of {@code other}. */
    void replaceWith(ShapingParams other) {
        values.clear();
        origins.clear();
        values.putAll(other.values);
        origins.putAll(other.origins);
    }
}
