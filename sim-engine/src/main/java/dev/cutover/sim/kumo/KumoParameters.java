package dev.cutover.sim.kumo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Choices the KumoMTA model makes where the scenario may override kumod's behaviour, each with kumod's value as
 * the default.
 *
 * @param tenantField          which log field becomes the tenant: {@code binding_group}, {@code binding} or
 *                             {@code none}
 * @param timerWheelTickMicros how often delayed messages are popped from the scheduled queue's timer wheel
 *                             (SingletonTimerWheel ticks every 3 s; {@code crates/kumod/src/queue/strategy.rs})
 * @param maxRequeueJitterMicros the upper bound of the random re-delay of a message whose every ready queue was
 *                             full (uniform 0 to 60 s; {@code queue/queue.rs} {@code delay_with_jitter(60)})
 * @param headerFields         header name to the log field ({@code binding_group} or {@code binding}) whose value
 *                             a message carries in it at reception, in header order; the log keeps no headers, so
 *                             none by default
 */
public record KumoParameters(String tenantField, long timerWheelTickMicros, long maxRequeueJitterMicros,
        Map<String, String> headerFields) {

    public KumoParameters {
        headerFields = Collections.unmodifiableMap(new LinkedHashMap<>(headerFields));
    }

    /** @return kumod's behaviour with the tenant taken from the binding group. */
    public static KumoParameters defaults() {
        return new KumoParameters("binding_group", 3_000_000L, 60_000_000L, Map.of());
    }
}
