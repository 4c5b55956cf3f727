package dev.cutover.kumo;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The sandbox's {@code coroutine.create}, {@code wrap} and {@code resume}. LuaJ runs each coroutine on a Java thread
 * of its own and hands control across with a thread switch, so a policy could start threads without end or loop on
 * {@code yield} far longer than its instruction budget suggests. Here an event may create at most
 * {@link #MAX_PER_EVENT} coroutines, each {@code resume} is charged {@link #RESUME_COST} instructions (about what
 * the switch costs), and a stop raised inside a coroutine (budget or memory) stops the event, as anywhere else.
 * A coroutine keeps state the reception hook's cache cannot look into, so a resume is counted as a read of such state
 * ({@link LuaSandbox#hiddenStateReads}): a hook that resumes one runs for every message.
 */
final class SandboxCoroutines {
    /** Coroutines one event may create. */
    static final int MAX_PER_EVENT = 1_000;
    /** Instructions a resume is charged, for the thread switch behind it. */
    static final long RESUME_COST = 1_000;

    private final InstructionBudget budget;
    private final Runnable hiddenState;
    private final LuaValue create;
    private final LuaValue resume;
    private long eventStarted = -1;
    private int created;

    private SandboxCoroutines(InstructionBudget budget, Runnable hiddenState, LuaTable coroutine) {
        this.budget = budget;
        this.hiddenState = hiddenState;
        this.create = coroutine.get("create");
        this.resume = coroutine.get("resume");
    }

    /** Replaces {@code create}, {@code wrap} and {@code resume} in {@code coroutine}. */
    /** @param hiddenState told of each resume, since a coroutine keeps state the hook cache cannot look into */
    static void install(InstructionBudget budget, Runnable hiddenState, LuaTable coroutine) {
        final SandboxCoroutines guarded = new SandboxCoroutines(budget, hiddenState, coroutine);
        coroutine.set("create", LuaFunctions.of("create", a -> guarded.create(a.arg1())));
        coroutine.set("resume", LuaFunctions.of("resume", guarded::resume));
        coroutine.set("wrap", LuaFunctions.of("wrap", a -> {
            final LuaValue thread = guarded.create(a.arg1());
            return LuaFunctions.of("wrapped coroutine", b -> {
                final Varargs result = guarded.resume(LuaValue.varargsOf(thread, b));
                if (!result.arg1().toboolean()) {
                    throw new LuaError(result.arg(2));
                }
                return result.subargs(2);
            });
        }));
    }

    private LuaValue create(LuaValue function) {
        if (budget.starts() != eventStarted) {
            eventStarted = budget.starts();
            created = 0;
        }
        if (++created > MAX_PER_EVENT) {
            throw new LuaError("more than " + MAX_PER_EVENT + " coroutines created in " + budget.event() + ": each is "
                    + "a thread in cutover's Lua");
        }
        return create.call(function);
    }

    private Varargs resume(Varargs args) {
        budget.charge(RESUME_COST);
        hiddenState.run();
        final Varargs result = resume.invoke(args);
        budget.rethrowStop();
        return result;
    }
}
