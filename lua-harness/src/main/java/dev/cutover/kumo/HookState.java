package dev.cutover.kumo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.UpValue;

/**
 * What a run of the reception hook could depend on besides the message: how often the policy had read the clock,
 * drawn random numbers, read a message id or read state no walk can see (a coroutine's; a table's printed number),
 * and the values it can keep between messages. Those are found by a
 * walk from the handlers and the globals through upvalues of functions and fields of tables (so a counter kept by
 * a helper function, or in a required module's table, counts), bounded in depth and size so a snapshot stays
 * cheap; the library tables are left out. Taken before a run and compared after it: a difference means the hook's
 * answer may change from one message to the next.
 */
final class HookState {
    /** How deep the walk goes from a handler or a global, and how many values it records at most. */
    private static final int MAX_DEPTH = 4;
    private static final int MAX_VALUES = 20_000;
    private static final java.util.Set<String> LIBRARIES = java.util.Set.of("string", "math", "table", "os", "io",
            "coroutine", "bit32", "utf8", "_G", "kumo");

    private final long clockReads;
    private final long randomDraws;
    private final long idReads;
    private final long hiddenStateReads;
    private final List<LuaValue> values;

    private HookState(long clockReads, long randomDraws, long idReads, long hiddenStateReads, List<LuaValue> values) {
        this.clockReads = clockReads;
        this.randomDraws = randomDraws;
        this.idReads = idReads;
        this.hiddenStateReads = hiddenStateReads;
        this.values = values;
    }

    /** @return the state now, for the hook's {@code handlers} */
    static HookState of(LuaSandbox sandbox, List<LuaFunction> handlers, long idReads) {
        final List<LuaValue> values = new ArrayList<>();
        final Set<LuaValue> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        final LuaTable globals = sandbox.globals();
        seen.add(globals);
        for (LuaValue name : LIBRARIES.stream().map(LuaValue::valueOf).toList()) {
            final LuaValue library = globals.rawget(name);
            if (library.istable()) {
                seen.add(library);
            }
        }
        handlers.forEach(handler -> walk(handler, 0, seen, values));
        for (LuaValue key : globals.keys()) {
            final LuaValue value = globals.rawget(key);
            values.add(key);
            values.add(value);
            walk(value, 1, seen, values);
        }
        return new HookState(sandbox.clock().reads(), sandbox.randomDraws(), idReads, sandbox.hiddenStateReads(),
                values);
    }

    private static void walk(LuaValue value, int depth, Set<LuaValue> seen, List<LuaValue> values) {
        if (depth > MAX_DEPTH || values.size() >= MAX_VALUES || !(value.istable() || value instanceof LuaClosure)
                || !seen.add(value)) {
            return;
        }
        if (value instanceof LuaClosure) {
            for (UpValue upValue : ((LuaClosure) value).upValues) {
                final LuaValue held = upValue == null ? LuaValue.NIL : upValue.getValue();
                values.add(held);
                walk(held, depth + 1, seen, values);
            }
            return;
        }
        final LuaTable table = (LuaTable) value;
        for (LuaValue key : table.keys()) {
            if (values.size() >= MAX_VALUES) {
                return;
            }
            final LuaValue field = table.rawget(key);
            values.add(key);
            values.add(field);
            walk(field, depth + 1, seen, values);
        }
    }

    /** @return why the hook may answer differently for the same message, or null when nothing changed */
    String changesSince(HookState before) {
        if (clockReads != before.clockReads) {
            return "reads the clock";
        }
        if (randomDraws != before.randomDraws) {
            return "draws random numbers";
        }
        if (idReads != before.idReads) {
            return "reads msg:id()";
        }
        if (hiddenStateReads != before.hiddenStateReads) {
            return "keeps state in a coroutine or writes a table's address";
        }
        if (!values.equals(before.values)) {
            return "keeps state between messages";
        }
        return null;
    }
}
