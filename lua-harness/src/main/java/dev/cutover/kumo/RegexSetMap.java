package dev.cutover.kumo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * {@code kumo.regex_set_map.new{ [pattern] = value, ... }} (docs.kumomta.com reference/kumo.regex_set_map;
 * {@code crates/regex-set-map/src/lib.rs}): a map that, indexed with a text, answers the value of a pattern found
 * in it, or nil. Policies use it to sort responses or headers into classes.
 *
 * <p>kumod answers the value of the first pattern, in the order it took them from the Lua table, that matches; that
 * order is a hash map's and changes from run to run, so when a text matches patterns of different values kumod's
 * answer is not fixed. Here the patterns are taken in sorted order, so a rerun answers the same, and such a text is
 * named in the run's notes, once for each set of patterns. Patterns are Rust regex syntax read through
 * {@link ForeignRegex}; a bad one fails naming it, as kumod's does when the set is built.
 */
final class RegexSetMap {

    private RegexSetMap() {
    }

    /** @return the {@code kumo.regex_set_map} table */
    static LuaTable module(HarnessLog log) {
        final LuaTable module = new LuaTable();
        final Set<List<String>> noted = new HashSet<>();
        module.set("new", LuaFunctions.of("kumo.regex_set_map.new", a -> make(a.arg1(), log, noted)));
        return module;
    }

    private static LuaValue make(LuaValue given, HarnessLog log, Set<List<String>> noted) {
        final List<String> keys = new ArrayList<>();
        final List<Pattern> patterns = new ArrayList<>();
        final List<LuaValue> values = new ArrayList<>();
        if (!given.isnil()) {
            for (Map.Entry<String, LuaValue> e : LuaData.entries(given.checktable()).entrySet()) {
                try {
                    patterns.add(ForeignRegex.compile(e.getKey()));
                } catch (PatternSyntaxException bad) {
                    throw new LuaError("kumo.regex_set_map.new: compiling rules: " + e.getKey() + ": "
                            + bad.getDescription());
                }
                keys.add(e.getKey());
                values.add(e.getValue());
            }
        }
        final LuaTable map = new LuaTable();
        final LuaTable meta = new LuaTable();
        meta.set(LuaValue.INDEX, LuaFunctions.of("RegexSetMap.__index", a -> {
            final String text = a.checkjstring(2);
            int first = -1;
            final List<String> matched = new ArrayList<>();
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).matcher(text).find()) {
                    first = first < 0 ? i : first;
                    if (!values.get(i).raweq(values.get(first))) {
                        matched.add(keys.get(i));
                    }
                }
            }
            if (!matched.isEmpty()) {
                matched.add(0, keys.get(first));
                if (noted.add(matched)) {
                    log.message("note: kumo.regex_set_map: '" + text + "' matches patterns of different values ("
                            + String.join(", ", matched) + "); kumod may answer any of them, cutover answers the "
                            + "first in sorted order");
                }
            }
            return first < 0 ? LuaValue.NIL : values.get(first);
        }));
        map.setmetatable(meta);
        return map;
    }
}
