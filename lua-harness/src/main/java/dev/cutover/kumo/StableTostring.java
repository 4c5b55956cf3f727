package dev.cutover.kumo;

import java.util.Map;
import java.util.WeakHashMap;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The sandbox's {@code tostring} (and so {@code print}'s): a table, function, coroutine or userdata without a
 * {@code __tostring} metamethod is written as Lua writes it, {@code table: 0x0000002a}, but numbered in the order the
 * policy first wrote each one rather than by its address. LuaJ writes its Java identity hash, which changes from run
 * to run, and a policy that logged or keyed on the text would make the report differ between two runs of the same
 * scenario. A fresh number is counted as a read of state the hook cache cannot see
 * ({@link LuaSandbox#hiddenStateReads}), since a reception hook that writes one answers differently each time, as
 * kumod's would with an address.
 */
final class StableTostring extends VarArgFunction {
    private final LuaValue original;
    private final Runnable hiddenState;
    private final Map<LuaValue, Long> numbers = new WeakHashMap<>();
    private long next;

    /**
     * @param original    LuaJ's {@code tostring}, for every other value
     * @param hiddenState told of each fresh number, which a hook's answer may depend on as on an address
     */
    StableTostring(LuaValue original, Runnable hiddenState) {
        this.original = original;
        this.hiddenState = hiddenState;
    }

    @Override
    public Varargs invoke(Varargs args) {
        return LuaValue.valueOf(text(args.arg1()));
    }

    /** @return the text {@code tostring} gives {@code value} */
    String text(LuaValue value) {
        final LuaValue meta = value.getmetatable();
        final boolean own = meta != null && !meta.rawget(LuaValue.TOSTRING).isnil();
        switch (value.type()) {
            case LuaValue.TTABLE, LuaValue.TFUNCTION, LuaValue.TTHREAD, LuaValue.TUSERDATA -> {
                if (own) {
                    return original.call(value).tojstring();
                }
                Long number = numbers.get(value);
                if (number == null) {
                    number = ++next;
                    numbers.put(value, number);
                    hiddenState.run();
                }
                return value.typename() + ": 0x" + String.format("%08x", number);
            }
            default -> {
                return original.call(value).tojstring();
            }
        }
    }

    @Override
    public String tojstring() {
        return "function: builtin: tostring";
    }
}
