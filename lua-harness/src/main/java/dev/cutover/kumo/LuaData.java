package dev.cutover.kumo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Conversions between Lua values and plain Java data ({@code String}, {@code Long}, {@code Double},
 * {@code Boolean}, {@code List}, {@code Map}), following how mlua maps Lua to serde in kumod
 * ({@code crates/config/src/lib.rs}): a table whose keys are exactly {@code 1..n} is a list, any other
 * non-empty table a map, and an empty table a map. Java null becomes nil (an absent key).
 */
final class LuaData {

    private LuaData() {
    }

    /** @return {@code value} as a Lua value; maps keep their iteration order. */
    static LuaValue toLua(Object value) {
        if (value == null) {
            return LuaValue.NIL;
        }
        if (value instanceof LuaValue) {
            return (LuaValue) value;
        }
        if (value instanceof String) {
            return LuaValue.valueOf((String) value);
        }
        if (value instanceof Boolean) {
            return LuaValue.valueOf((Boolean) value);
        }
        if (value instanceof Long || value instanceof Integer) {
            return LuaValue.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof Number) {
            return LuaValue.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof List) {
            return listToLua((List<?>) value);
        }
        if (value instanceof Map) {
            return mapToLua((Map<?, ?>) value);
        }
        return LuaValue.valueOf(value.toString());
    }

    private static LuaTable listToLua(List<?> list) {
        final LuaTable table = new LuaTable();
        for (int i = 0; i < list.size(); i++) {
            table.set(i + 1, toLua(list.get(i)));
        }
        return table;
    }

    private static LuaTable mapToLua(Map<?, ?> map) {
        final LuaTable table = new LuaTable();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            table.set(LuaValue.valueOf(String.valueOf(e.getKey())), toLua(e.getValue()));
        }
        return table;
    }

    /** @return {@code value} as plain Java data: sequences become lists, other tables maps. */
    static Object toJava(LuaValue value) {
        switch (value.type()) {
            case LuaValue.TNIL:
                return null;
            case LuaValue.TBOOLEAN:
                return value.toboolean();
            case LuaValue.TNUMBER:
                return isIntegral(value) ? (Object) (long) value.todouble() : (Object) value.todouble();
            case LuaValue.TTABLE:
                return tableToJava((LuaTable) value);
            default:
                return value.tojstring();
        }
    }

    private static Object tableToJava(LuaTable table) {
        if (isSequence(table)) {
            final List<Object> out = new ArrayList<>();
            sequence(table).forEach(v -> out.add(toJava(v)));
            return out;
        }
        final Map<String, Object> out = new java.util.LinkedHashMap<>();
        entries(table).forEach((k, v) -> out.put(k, toJava(v)));
        return out;
    }

    /** @return true when {@code table}'s keys are exactly the integers {@code 1..n} with n at least 1. */
    static boolean isSequence(LuaTable table) {
        final int length = table.rawlen();
        return length > 0 && keyCount(table) == length;
    }

    /** @return the number of keys in {@code table}. */
    static int keyCount(LuaTable table) {
        int count = 0;
        LuaValue key = LuaValue.NIL;
        while (true) {
            final Varargs next = table.next(key);
            if ((key = next.arg1()).isnil()) {
                return count;
            }
            count++;
        }
    }

    /** @return the table's entries keyed by their string form, sorted for a stable order. */
    static Map<String, LuaValue> entries(LuaTable table) {
        final Map<String, LuaValue> out = new TreeMap<>();
        LuaValue key = LuaValue.NIL;
        while (true) {
            final Varargs next = table.next(key);
            if ((key = next.arg1()).isnil()) {
                return out;
            }
            out.put(key.tojstring(), next.arg(2));
        }
    }

    /** @return the sequence part {@code t[1..n]} of a table. */
    static List<LuaValue> sequence(LuaTable table) {
        final List<LuaValue> out = new ArrayList<>();
        for (int i = 1; i <= table.rawlen(); i++) {
            out.add(table.get(i));
        }
        return out;
    }

    /** @return true when {@code value} is a number with no fractional part (LuaJ cannot tell 5 from 5.0). */
    static boolean isIntegral(LuaValue value) {
        final double d = value.todouble();
        return value.type() == LuaValue.TNUMBER && d == Math.rint(d) && !Double.isInfinite(d);
    }
}
