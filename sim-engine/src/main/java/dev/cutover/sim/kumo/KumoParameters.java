package dev.cutover.sim.kumo;

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
 */
public record KumoParameters(String tenantField, long timerWheelTickMicros, long maxRequeueJitterMicros) {

    /** @return kumod's behaviour with the tenant taken from the binding group. */
    public static KumoParameters defaults() {
        return new KumoParameters("binding_group", 3_000_000L, 60_000_000L);
    }
}
