package dev.cutover.kumo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * The {@code entries} field of {@code make_egress_pool}: a sequence of {@code {name=..., weight=N}}
 * ({@code crates/kumod/src/egress_source.rs}, {@code EgressPoolEntry}; weight defaults to 1).
 */
final class PoolEntries {

    static final FieldType TYPE = new FieldType() {
        @Override
        public Object parse(LuaValue v) {
            if (v.type() != LuaValue.TTABLE) {
                throw SerdeError.invalidType(v, "a sequence");
            }
            final LuaTable table = (LuaTable) v;
            if (!LuaData.isSequence(table) && LuaData.keyCount(table) > 0) {
                throw SerdeError.invalidType(v, "a sequence");
            }
            final List<Map<String, Object>> out = new ArrayList<>();
            for (LuaValue item : LuaData.sequence(table)) {
                out.add(parseEntry(item));
            }
            return out;
        }

        @Override
        public LuaValue readBack(Object parsed) {
            final LuaTable t = new LuaTable();
            for (Object entry : (List<?>) parsed) {
                @SuppressWarnings("unchecked")
                final Map<String, Object> values = (Map<String, Object>) entry;
                t.set(t.rawlen() + 1, KumoSchemas.POOL_ENTRY.readBack(values));
            }
            return t;
        }
    };

    private PoolEntries() {
    }

    private static Map<String, Object> parseEntry(LuaValue item) {
        if (item.type() != LuaValue.TTABLE) {
            throw SerdeError.invalidType(item, "struct EgressPoolEntry");
        }
        return KumoSchemas.POOL_ENTRY.parse((LuaTable) item);
    }
}
