package dev.cutover.kumo;

import java.util.function.Function;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** Small factory for Java-backed Lua functions, so modules read as a list of names and bodies. */
final class LuaFunctions {

    private LuaFunctions() {
    }

    /**
     * @param name shown by {@code tostring} and in LuaJ's error messages
     * @param body the function's body
     * @return a Lua function running {@code body}
     */
    static LuaFunction of(String name, Function<Varargs, Varargs> body) {
        return new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return body.apply(args);
            }

            @Override
            public String tojstring() {
                return "function: " + name;
            }
        };
    }

    /** @return a function that ignores its arguments and returns no values. */
    static LuaFunction noop(String name) {
        return of(name, args -> LuaValue.NONE);
    }
}
