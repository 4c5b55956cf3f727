package dev.cutover.kumo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * What a run of the reception hook could depend on besides the message: how often the policy had read the clock,
 * drawn random numbers or read a message id, and the values it can keep between messages (the globals, the
 * handlers' upvalues and, one level down, the fields of tables held in those upvalues). Taken before a run and
 * compared after it: a difference means the hook's answer may change from one message to the next.
 */
final class HookState {
    /** Tables larger than this are compared by identity only, so a snapshot stays cheap. */
    private static final int MAX_FIELDS = 1000;

    private final long clockReads;
    private final long randomDraws;
    private final long idReads;
    private final Map<String, LuaValue> values;

    private HookState(long clockReads, long randomDraws, long idReads, Map<String, LuaValue> values) {
        this.clockReads = clockReads;
        this.randomDraws = randomDraws;
        this.idReads = idReads;
        this.values = values;
    }

    /** @return the state now, for the hook's {@code handlers} */
    static HookState of(LuaSandbox sandbox, List<LuaFunction> handlers, long idReads) {
        final Map<String, LuaValue> values = new HashMap<>();
        final LuaTable globals = sandbox.globals();
        for (LuaValue key : globals.keys()) {
            values.put("global " + key.tojstring(), globals.rawget(key));
        }
        for (int h = 0; h < handlers.size(); h++) {
            if (handlers.get(h) instanceof LuaClosure) {
                final LuaClosure closure = (LuaClosure) handlers.get(h);
                for (int i = 0; i < closure.upValues.length; i++) {
                    final LuaValue value = closure.upValues[i].getValue();
                    final String name = "upvalue " + h + "." + i;
                    values.put(name, value);
                    if (value.istable() && ((LuaTable) value).keyCount() <= MAX_FIELDS) {
                        for (LuaValue key : ((LuaTable) value).keys()) {
                            values.put(name + "." + key.tojstring(), value.rawget(key));
                        }
                    }
                }
            }
        }
        return new HookState(sandbox.clock().reads(), sandbox.randomDraws(), idReads, values);
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
        if (!values.equals(before.values)) {
            return "keeps state between messages";
        }
        return null;
    }
}
