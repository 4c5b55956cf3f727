package dev.cutover.kumo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code kumo.on} and event dispatch with kumod's rules ({@code crates/kumo-server-common/src/lib.rs},
 * {@code crates/config/src/lib.rs}).
 *
 * <p>Multiple events ({@code pre_init}, {@code validate_config}, {@code get_queue_config},
 * {@code should_enqueue_log_record}, {@code throttle_insert_ready_queue}, {@code requeue_message}) keep every
 * handler and call them in registration order; a handler that returns no values passes to the next one, and
 * the first that returns anything, even an explicit {@code nil}, ends the chain. Every other event name is
 * Single: a second handler is an error naming where the first was defined. Registering from inside a
 * running handler is an error.
 */
final class EventRegistry {

    static final Set<String> MULTIPLE = Set.of("pre_init", "validate_config", "get_queue_config",
            "should_enqueue_log_record", "throttle_insert_ready_queue", "requeue_message");

    private final Map<String, List<LuaFunction>> handlers = new LinkedHashMap<>();
    private final LuaSandbox sandbox;
    private String currentEvent;

    EventRegistry(LuaSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** @return the {@code kumo.on} function. */
    LuaFunction onFunction() {
        return LuaFunctions.of("kumo.on", args -> {
            register(args.checkjstring(1), args.checkfunction(2));
            return LuaValue.NONE;
        });
    }

    private void register(String name, LuaFunction fn) {
        if (currentEvent != null) {
            throw new LuaError("kumo.on('" + name + "', ...) was called while the handler for '" + currentEvent
                    + "' was running; register every event handler when the policy is loaded");
        }
        final List<LuaFunction> list = handlers.computeIfAbsent(name, n -> new ArrayList<>());
        if (!list.isEmpty() && !MULTIPLE.contains(name)) {
            throw new LuaError(name + " event already has a handler defined at " + definedAt(list.get(0)));
        }
        list.add(fn);
    }

    static String definedAt(LuaFunction fn) {
        if (!(fn instanceof LuaClosure)) {
            return "?:0";
        }
        final LuaClosure closure = (LuaClosure) fn;
        final String source = closure.p.source.tojstring();
        return (source.startsWith("@") ? source.substring(1) : source) + ":" + closure.p.linedefined;
    }

    /** @return true when at least one handler is registered for {@code name}. */
    boolean has(String name) {
        return handlers.containsKey(name);
    }

    /**
     * Calls the handlers of an event as kumod does.
     *
     * @param name the event
     * @param args its arguments
     * @return what the deciding handler returned, or null when there is no handler or every Multiple
     *         handler returned no values
     * @throws PolicyException for a Lua error or a spent instruction budget
     */
    Varargs fire(String name, Varargs args) {
        final List<LuaFunction> list = handlers.get(name);
        if (list == null) {
            return null;
        }
        final String previous = currentEvent;
        currentEvent = name;
        try {
            return callChain(name, list, args);
        } finally {
            currentEvent = previous;
        }
    }

    private Varargs callChain(String name, List<LuaFunction> list, Varargs args) {
        for (LuaFunction handler : list) {
            final Varargs result = sandbox.call(name, handler, args);
            if (result.narg() > 0 || !MULTIPLE.contains(name)) {
                return result;
            }
        }
        return null;
    }

    /** @return the handlers of {@code name} in registration order, possibly none */
    List<LuaFunction> handlers(String name) {
        return List.copyOf(handlers.getOrDefault(name, List.of()));
    }

    /**
     * @return for each Multiple event with more than one handler, a note saying where they are and that the first
     *         to return a value answers, so a later one a user meant to replace an earlier one is never called
     */
    List<String> chainNotes() {
        final List<String> notes = new ArrayList<>();
        handlers.forEach((name, list) -> {
            if (list.size() > 1) {
                notes.add(name + " has " + list.size() + " handlers (" + String.join(", ", list.stream()
                        .map(EventRegistry::definedAt).toList()) + "); kumod calls them in that order and the first "
                        + "to return a value answers");
            }
        });
        return notes;
    }

    /** @return the names of events with handlers, in registration order. */
    List<String> events() {
        return List.copyOf(handlers.keySet());
    }
}
