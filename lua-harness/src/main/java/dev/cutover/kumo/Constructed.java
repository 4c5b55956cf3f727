package dev.cutover.kumo;

import java.util.Map;

/**
 * A value built by one of the {@code kumo.make_*} constructors: its schema, parsed fields (defaults filled
 * in) and, per field, where the value was set.
 *
 * @param schema  the constructor's schema
 * @param values  field name to parsed value (see {@link FieldType}); null for absent optional fields
 * @param origins field name to origin; fields left to kumod's default are absent
 */
record Constructed(ConfigSchema schema, Map<String, Object> values, Map<String, String> origins) {

    /** @return the parsed value of {@code field}, or null. */
    Object get(String field) {
        return values.get(field);
    }
}
