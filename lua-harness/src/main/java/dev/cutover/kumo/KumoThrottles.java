package dev.cutover.kumo;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * {@code kumo.make_throttle(name, spec)} (docs.kumomta.com reference/kumo/make_throttle; {@code crates/throttle}): a
 * named GCRA throttle ({@link Gcra}), shared by every throttle object of the same name and spec, with the methods
 * {@code throttle()}, {@code sleep_if_throttled()} and {@code delay_message_if_throttled(msg)}. Each reads the
 * sandbox clock (counted, so a reception hook that uses one is known to depend on time and is not cached), which
 * stands at the message's reception while the hook runs.
 *
 * <p>In a replay nothing waits: {@code sleep_if_throttled()} answers whether kumod would have paused (and charges
 * nothing then, where kumod would charge once the pause ended), and {@code delay_message_if_throttled} answers
 * whether kumod would have delayed the message but leaves its due time alone; each says so once in the run's notes.
 * A throttle shared through redis ({@code configure_redis_throttles}) is one node's here, as every limit of the
 * replay is. Specs are read as kumod reads them; a bad one fails naming it.
 */
final class KumoThrottles {
    private final SandboxClock clock;
    private final HarnessLog log;
    private final Map<List<Object>, Gcra> throttles = new HashMap<>();
    private final Set<String> noted = new HashSet<>();

    private KumoThrottles(SandboxClock clock, HarnessLog log) {
        this.clock = clock;
        this.log = log;
    }

    /** @return {@code kumo.make_throttle}, throttling by {@code clock} */
    static LuaValue function(SandboxClock clock, HarnessLog log) {
        final KumoThrottles made = new KumoThrottles(clock, log);
        return LuaFunctions.of("kumo.make_throttle", a -> made.make(a.checkjstring(1), a.checkjstring(2)));
    }

    private LuaValue make(String name, String text) {
        final ThrottleSpec spec;
        try {
            spec = ThrottleSpecParser.parse(text);
        } catch (SpecException e) {
            throw new LuaError("kumo.make_throttle: " + name + ": " + e.getMessage());
        }
        final Gcra gcra = throttles.computeIfAbsent(List.of(name, spec), key -> new Gcra(spec));
        final LuaTable throttle = new LuaTable();
        throttle.set("throttle", LuaFunctions.of("throttle:throttle", a -> result(check(gcra))));
        throttle.set("sleep_if_throttled", LuaFunctions.of("throttle:sleep_if_throttled", a -> wouldWait(gcra,
                "sleep_if_throttled", "throttle '" + name + "' (" + text + "): sleep_if_throttled would pause here in "
                + "kumod; the replay takes each message at the time the log gives")));
        throttle.set("delay_message_if_throttled", LuaFunctions.of("throttle:delay_message_if_throttled",
                a -> wouldWait(gcra, "delay_message_if_throttled", "throttle '" + name + "' (" + text + "): "
                        + "delay_message_if_throttled would delay a message in kumod; the replay queues it at once")));
        return throttle;
    }

    /** @return whether kumod would wait, saying once for each method that the replay does not */
    private LuaValue wouldWait(Gcra gcra, String method, String note) {
        final boolean throttled = check(gcra).throttled();
        if (throttled && noted.add(method)) {
            log.message("note: " + note);
        }
        return LuaValue.valueOf(throttled);
    }

    private Gcra.Check check(Gcra gcra) {
        return gcra.check((long) clock.now().todouble() * 1_000_000L);
    }

    private static LuaTable result(Gcra.Check check) {
        final LuaTable result = new LuaTable();
        result.set("throttled", LuaValue.valueOf(check.throttled()));
        result.set("limit", LuaValue.valueOf(check.limit()));
        result.set("remaining", LuaValue.valueOf(check.remaining()));
        result.set("reset_after", LuaValue.valueOf(check.resetAfterSeconds()));
        if (check.throttled()) {
            result.set("retry_after", LuaValue.valueOf(check.retryAfterSeconds()));
        }
        return result;
    }
}
