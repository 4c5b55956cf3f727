package dev.cutover.kumo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * The {@code kumo.make_*} constructors: each checks its table against a {@link ConfigSchema}, fails with
 * kumod's {@code deserialize error: ..., while processing {json}} text ({@code crates/config/src/lib.rs},
 * {@code from_lua_value}) and returns a table the policy can read back.
 *
 * <p>Provenance: a table returned by a shaping lookup is remembered with the origin of each key; when it
 * reaches {@code make_egress_path}, keys whose value is unchanged keep that origin, and keys the Lua code set
 * itself get the {@code file:line} of the constructor call.
 */
final class KumoConstructors {

    /** The origins of a shaping lookup's table, and the values they describe. */
    private record Provenance(Map<String, LuaValue> values, Map<String, String> origins) {
    }

    private final LuaSandbox sandbox;
    private final Map<LuaTable, Constructed> built = new WeakHashMap<>();
    private final Map<LuaTable, Provenance> provenance = new WeakHashMap<>();

    KumoConstructors(LuaSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Installs the constructors into the {@code kumo} table. */
    void install(LuaTable kumo) {
        kumo.set("make_egress_path", constructor("make_egress_path", KumoSchemas.EGRESS_PATH));
        kumo.set("make_queue_config", constructor("make_queue_config", KumoSchemas.QUEUE_CONFIG));
        kumo.set("make_egress_source", constructor("make_egress_source", KumoSchemas.EGRESS_SOURCE));
        kumo.set("make_egress_pool", constructor("make_egress_pool", KumoSchemas.EGRESS_POOL));
        kumo.set("make_listener_domain", constructor("make_listener_domain", KumoSchemas.LISTENER_DOMAIN));
    }

    private LuaValue constructor(String name, ConfigSchema schema) {
        return LuaFunctions.of("kumo." + name, args -> {
            final String location = sandbox.currentLocation();
            final Constructed c = build(schema, args.arg1(), location == null ? name : location);
            return register(c);
        });
    }

    /** Remembers where the keys of a shaping lookup's table came from. */
    void rememberShaping(LuaTable table, Map<String, String> origins) {
        provenance.put(table, new Provenance(LuaData.entries(table), Map.copyOf(origins)));
    }

    /**
     * Remembers where the keys of a table read from a data file came from, and of every table inside it, as
     * {@code queues.toml [queue.'gmail.com']}.
     *
     * @param label how the file is named in messages
     */
    void rememberFile(LuaValue value, String label) {
        rememberFile(value, label, "");
    }

    private void rememberFile(LuaValue value, String label, String path) {
        if (!value.istable()) {
            return;
        }
        final Map<String, String> origins = new LinkedHashMap<>();
        LuaData.entries((LuaTable) value).forEach((key, item) -> {
            if (item.istable()) {
                rememberFile(item, label, path.isEmpty() ? tableKey(key) : path + "." + tableKey(key));
            } else {
                origins.put(key, path.isEmpty() ? label : label + " [" + path + "]");
            }
        });
        rememberShaping((LuaTable) value, origins);
    }

    private static String tableKey(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : "'" + key + "'";
    }

    /**
     * {@code kumo.cutover.merged(a, b, ...)} for cutover's own policy-extras modules: a new table with the entries
     * of each table in turn, a later one overriding an earlier one, keeping where each value came from; and
     * {@code kumo.cutover.without(t, keys)}, the same table less some keys.
     */
    LuaTable helperFunctions() {
        final LuaTable functions = new LuaTable();
        functions.set("merged", LuaFunctions.of("kumo.cutover.merged", args -> {
            final LuaTable out = new LuaTable();
            final Map<String, String> origins = new LinkedHashMap<>();
            for (int i = 1; i <= args.narg(); i++) {
                if (args.arg(i).istable()) {
                    copyInto(out, origins, (LuaTable) args.arg(i), Map.of());
                }
            }
            rememberShaping(out, origins);
            return out;
        }));
        functions.set("without", LuaFunctions.of("kumo.cutover.without", args -> {
            final LuaTable out = new LuaTable();
            final Map<String, String> origins = new LinkedHashMap<>();
            copyInto(out, origins, args.checktable(1), LuaData.entries(args.checktable(2)));
            rememberShaping(out, origins);
            return out;
        }));
        return functions;
    }

    private void copyInto(LuaTable out, Map<String, String> origins, LuaTable from, Map<String, LuaValue> dropped) {
        final Provenance known = provenance.get(from);
        LuaData.entries(from).forEach((key, value) -> {
            if (dropped.containsKey(key)) {
                return;
            }
            out.set(key, value);
            origins.keySet().removeIf(k -> k.equals(key) || k.startsWith(key + "["));
            if (known != null && known.values().get(key) != null && known.values().get(key).raweq(value)) {
                known.origins().forEach((k, origin) -> {
                    if (k.equals(key) || k.startsWith(key + "[")) {
                        origins.put(k, origin);
                    }
                });
            }
        });
    }

    /**
     * @param schema   what to build
     * @param value    a table from a constructor call or a handler's return value
     * @param location origin for keys the Lua code set itself
     * @return the built value
     * @throws LuaError with kumod's deserialize error text
     */
    Constructed build(ConfigSchema schema, LuaValue value, String location) {
        final Constructed existing = value.istable() ? built.get((LuaTable) value) : null;
        if (existing != null && existing.schema() == schema) {
            return existing;
        }
        if (!value.istable()) {
            throw deserializeError(SerdeError.invalidType(value, "struct " + schema.structName()), value);
        }
        try {
            final Map<String, Object> values = schema.parse((LuaTable) value);
            return new Constructed(schema, values, origins((LuaTable) value, location));
        } catch (SerdeError e) {
            throw deserializeError(e, value);
        }
    }

    private Map<String, String> origins(LuaTable table, String location) {
        final Provenance known = provenance.get(table);
        final Map<String, String> origins = new LinkedHashMap<>();
        LuaData.entries(table).forEach((key, value) -> {
            final LuaValue before = known == null ? null : known.values().get(key);
            if (before != null && before.raweq(value) && known.origins().containsKey(key)) {
                known.origins().forEach((k, origin) -> {
                    if (k.equals(key) || k.startsWith(key + "[")) {
                        origins.put(k, origin);
                    }
                });
            } else {
                origins.put(key, location);
            }
        });
        return origins;
    }

    private static LuaError deserializeError(SerdeError e, LuaValue value) {
        return new LuaError("deserialize error: " + e.getMessage() + ", while processing "
                + LuaJson.encode(value, false));
    }

    private LuaTable register(Constructed c) {
        final LuaTable table = c.schema().readBack(c.values());
        built.put(table, c);
        return table;
    }
}
