package dev.cutover.kumo;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.DebugLib;

/**
 * Counts Lua VM instructions through LuaJ's debug hook and stops a handler that runs past its budget, so
 * that a {@code while true do end} in a policy cannot hang a replay.
 *
 * <p>The stop is a Java {@link Error} rather than a Lua error on purpose: Lua's {@code pcall} catches Lua
 * errors, and a policy must not be able to swallow the stop. {@link LuaSandbox} turns it into a
 * {@link PolicyException}. The count restarts at each {@link #start}.
 *
 * <p>Library functions that loop in Java, where the hook cannot see them, {@link #charge} the same budget for
 * the work they do: the sandbox's string patterns count one instruction per matcher step.
 *
 * <p>The hook also remembers the last instruction executed, so that a Java function can name the Lua line
 * that called it even when the call was a tail call ({@code return kumo.make_egress_path{...}}), whose
 * calling frame is gone by the time the function runs.
 */
final class InstructionBudget extends DebugLib {

    /** What {@link #frames} holds for a Java function. */
    private static final Object JAVA_FRAME = new Object();
    /** The heap is looked at each time the count passes a multiple of 2^16 instructions. */
    private static final int MEMORY_CHECK_SHIFT = 16;

    private final long limit;
    private final Supplier<String> location;
    private final String script;
    private final long memoryLimit;
    private long heapAtStart;
    /**
     * The functions running, innermost first: Lua closures, and {@link #JAVA_FRAME} for a Java function such as
     * {@code pcall}, whose return LuaJ also reports, so that every return takes off the frame its call put on.
     */
    private final Deque<Object> frames = new ArrayDeque<>();
    private long used;
    private Exhausted stopped;
    private long starts;
    private String event = "main chunk";
    private LuaClosure lastClosure;
    private int lastPc;

    /**
     * @param limit    instructions allowed per event, at least 1
     * @param location gives {@code file:line} of the running Lua code, or null
     * @param script   what the running script is called in messages, e.g. {@code policy}
     */
    InstructionBudget(long limit, Supplier<String> location, String script) {
        this(limit, location, script, Long.MAX_VALUE);
    }

    /**
     * @param memoryLimit what the event may add to the heap in use, in bytes
     */
    InstructionBudget(long limit, Supplier<String> location, String script, long memoryLimit) {
        this.limit = limit;
        this.location = location;
        this.script = script;
        this.memoryLimit = memoryLimit;
    }

    /** Restarts the count for {@code eventName}. */
    void start(String eventName) {
        this.event = eventName;
        this.used = 0;
        this.stopped = null;
        this.starts++;
        frames.clear();
        this.heapAtStart = heapInUse();
    }

    private static long heapInUse() {
        final Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Override
    public void onCall(LuaClosure c, Varargs varargs, LuaValue[] stack) {
        super.onCall(c, varargs, stack);
        frames.push(c);
    }

    @Override
    public void onCall(LuaFunction f) {
        super.onCall(f);
        frames.push(JAVA_FRAME);
    }

    @Override
    public void onReturn() {
        super.onReturn();
        frames.poll();
    }

    /** @return {@code file:line} of the last Lua instruction executed, or null before any. */
    String lastLocation() {
        if (lastClosure == null) {
            return null;
        }
        final String source = lastClosure.p.source.tojstring();
        final int[] lines = lastClosure.p.lineinfo;
        final int line = lines != null && lastPc >= 0 && lastPc < lines.length ? lines[lastPc] : 0;
        return (source.startsWith("@") || source.startsWith("=") ? source.substring(1) : source) + ":" + line;
    }

    @Override
    public void onInstruction(int pc, Varargs v, int top) {
        super.onInstruction(pc, v, top);
        final Object frame = frames.peek();
        lastClosure = frame instanceof LuaClosure ? (LuaClosure) frame : lastClosure;
        lastPc = pc;
        charge(1);
    }

    /**
     * Counts work done for the running event.
     *
     * @param instructions instructions' worth of work, at least 0
     * @throws Exhausted when the event's budget is spent
     */
    void charge(long instructions) {
        final long before = used;
        used += instructions;
        if (used > limit) {
            throw stopped = new Exhausted(location.get(), script + " ran longer than " + limit + " instructions in "
                    + event);
        }
        if ((before ^ used) >>> MEMORY_CHECK_SHIFT != 0 && heapInUse() - heapAtStart > memoryLimit) {
            throw stopped = new Exhausted(location.get(), script + " took more than " + (memoryLimit >> 20)
                    + " MB of memory in " + event);
        }
    }

    /**
     * @return true when the heap was nearly full (85%) before the running event began, so that running out of memory
     *         in it is the whole replay's doing (it holds too much for the heap) rather than the event's
     */
    boolean heapWasFullAtStart() {
        return heapAtStart > Runtime.getRuntime().maxMemory() * 0.85;
    }

    /** @return how many events have started: a number that changes when a new event starts */
    long starts() {
        return starts;
    }

    /** @return the event running, for messages */
    String event() {
        return event;
    }

    /**
     * Throws again, on this thread, a stop raised on a coroutine's: LuaJ runs a coroutine on a thread of its own
     * and hands what stopped it back to {@code resume} as an error message, which a policy could catch.
     */
    void rethrowStop() {
        if (stopped != null) {
            throw stopped;
        }
    }

    /** Raised from inside the VM when the budget is spent. */
    static final class Exhausted extends Error {

        private static final long serialVersionUID = 1L;

        private final String where;

        Exhausted(String where, String message) {
            super(message, null, false, false);
            this.where = where;
        }

        /** @return {@code file:line} where the budget ran out, or null. */
        String where() {
            return where;
        }
    }
}
