package dev.cutover.kumo;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * {@code kumo.domain_map.new(tbl)}: a table keyed by domain where {@code "*.example.com"} matches every
 * sub-domain of example.com but not example.com itself, and an exact key wins over a wildcard
 * (docs: {@code reference/kumo.domain_map/new}). Read with {@code map[domain]} or {@code map:get(domain)};
 * write with {@code map[domain] = value}. Keys are case-insensitive.
 */
final class DomainMap {

    private final Map<String, LuaValue> entries = new HashMap<>();

    private DomainMap() {
    }

    /** @return the {@code kumo.domain_map} table. */
    static LuaTable module() {
        final LuaTable module = new LuaTable();
        module.set("new", LuaFunctions.of("kumo.domain_map.new", args -> create(args.arg1())));
        return module;
    }

    private static LuaValue create(LuaValue initial) {
        final DomainMap map = new DomainMap();
        if (initial.istable()) {
            LuaData.entries((LuaTable) initial).forEach(map::put);
        }
        final LuaTable object = new LuaTable();
        final LuaTable meta = new LuaTable();
        meta.set("__index", LuaFunctions.of("domain_map.__index", a -> a.arg(2).tojstring().equals("get")
                ? LuaFunctions.of("get", g -> map.get(g.checkjstring(2))) : map.get(a.checkjstring(2))));
        meta.set("__newindex", LuaFunctions.of("domain_map.__newindex", a -> {
            map.put(a.checkjstring(2), a.arg(3));
            return LuaValue.NONE;
        }));
        object.setmetatable(meta);
        return object;
    }

    private void put(String key, LuaValue value) {
        entries.put(key.toLowerCase(Locale.ROOT), value);
    }

    private LuaValue get(String domain) {
        final String name = domain.toLowerCase(Locale.ROOT);
        final LuaValue exact = entries.get(name);
        if (exact != null) {
            return exact;
        }
        for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
            final LuaValue wild = entries.get("*" + name.substring(dot));
            if (wild != null) {
                return wild;
            }
        }
        return LuaValue.NIL;
    }
}
