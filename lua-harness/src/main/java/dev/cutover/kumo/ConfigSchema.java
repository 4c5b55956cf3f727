package dev.cutover.kumo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * The fields, types and defaults of one kumod constructor, and the check a Lua table must pass to become
 * that struct. Unknown keys are refused as serde's {@code deny_unknown_fields} refuses them.
 *
 * <p>Note: kumod's {@code EgressPathConfig} flattens its SMTP timeouts into the struct, and serde then reports
 * an unknown key as just {@code unknown field `x`} without the list of accepted fields; the schema reproduces
 * that through {@code flattened}.
 */
final class ConfigSchema {

    /** One field: its name, type, parsed default (null for none) and whether it must be given. */
    record Field(String name, FieldType type, Object defaultValue, boolean required) {
    }

    private final String structName;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final boolean flattened;

    private ConfigSchema(String structName, boolean flattened, List<Field> fields) {
        this.structName = structName;
        this.flattened = flattened;
        fields.forEach(f -> this.fields.put(f.name(), f));
    }

    static ConfigSchema of(String structName, boolean flattened, List<Field> fields) {
        return new ConfigSchema(structName, flattened, fields);
    }

    /** @return the Rust struct name, e.g. {@code EgressPathConfig}. */
    String structName() {
        return structName;
    }

    /** @return the field called {@code name}, or null. */
    Field field(String name) {
        return fields.get(name);
    }

    /**
     * @param table the table given to the constructor
     * @return every field's parsed value, defaults filled in, null for absent optional fields
     * @throws SerdeError for an unknown key, a missing required key or a refused value
     */
    Map<String, Object> parse(LuaTable table) {
        final Map<String, LuaValue> given = LuaData.entries(table);
        for (String key : given.keySet()) {
            if (!fields.containsKey(key)) {
                throw flattened ? new SerdeError("unknown field `" + key + "`")
                        : SerdeError.unknownField(key, new ArrayList<>(fields.keySet()));
            }
        }
        final Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : fields.values()) {
            values.put(f.name(), parseField(f, given.get(f.name())));
        }
        return values;
    }

    private static Object parseField(Field f, LuaValue value) {
        if (value == null || value.isnil()) {
            if (f.required()) {
                throw new SerdeError("missing field `" + f.name() + "`");
            }
            return f.defaultValue();
        }
        return f.type().parse(value);
    }

    /** @return the parsed values as a table the policy can read, absent optional fields left out. */
    LuaTable readBack(Map<String, Object> values) {
        final LuaTable table = new LuaTable();
        values.forEach((name, value) -> {
            if (value != null) {
                table.set(name, fields.get(name).type().readBack(value));
            }
        });
        return table;
    }
}
