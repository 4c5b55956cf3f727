package dev.cutover.kumo;

import java.util.Map;

/**
 * The part of a {@code kumo.make_egress_path} result that shapes delivery, with kumod's defaults for
 * fields the policy left unset ({@code crates/kumo-api-types/src/egress_path.rs} and
 * {@code crates/rfc5321/src/client_types.rs}: connection_limit 32, max_deliveries_per_connection 1024,
 * max_ready 1024, idle_timeout 5 s, no rates).
 *
 * @param connectionLimit              connections per ready queue (egress source, site)
 * @param additionalConnectionLimits   label to limit; a label is shared by every ready queue naming it
 * @param maxConnectionRate            new connections per ready queue, or null
 * @param maxMessageRate               messages per ready queue, or null
 * @param additionalMessageRateThrottles label to spec; shared by every ready queue naming the label
 * @param maxDeliveriesPerConnection   attempts per connection before it closes
 * @param maxReady                     capacity of the ready queue
 * @param idleTimeoutMicros            how long an idle connection stays open
 * @param connectionFailuresBeforeDelay how many failed connections in a row the ready queue takes before the next
 *                                     one delays all its messages (consecutive_connection_failures_before_delay)
 * @param providerName                 provider_name, or null
 * @param origins                      field name to where its value was set, for explanations
 *                                     (for example {@code shaping.toml ["hotmail.com"]}); fields absent
 *                                     from the map took kumod's default
 */
public record EgressPathConfig(
        long connectionLimit,
        Map<String, Long> additionalConnectionLimits,
        ThrottleSpec maxConnectionRate,
        ThrottleSpec maxMessageRate,
        Map<String, ThrottleSpec> additionalMessageRateThrottles,
        long maxDeliveriesPerConnection,
        long maxReady,
        long idleTimeoutMicros,
        long connectionFailuresBeforeDelay,
        String providerName,
        Map<String, String> origins) {

    public static final long DEFAULT_CONNECTION_LIMIT = 32;
    public static final long DEFAULT_MAX_DELIVERIES_PER_CONNECTION = 1024;
    public static final long DEFAULT_MAX_READY = 1024;
    public static final long DEFAULT_IDLE_TIMEOUT_MICROS = 5_000_000L;
    public static final long DEFAULT_CONNECTION_FAILURES_BEFORE_DELAY = 100;

    public EgressPathConfig {
        additionalConnectionLimits = Map.copyOf(additionalConnectionLimits);
        additionalMessageRateThrottles = Map.copyOf(additionalMessageRateThrottles);
        origins = Map.copyOf(origins);
    }

    /** @return the configuration kumod uses when no handler answers. */
    public static EgressPathConfig defaults() {
        return new EgressPathConfig(DEFAULT_CONNECTION_LIMIT, Map.of(), null, null, Map.of(),
                DEFAULT_MAX_DELIVERIES_PER_CONNECTION, DEFAULT_MAX_READY, DEFAULT_IDLE_TIMEOUT_MICROS,
                DEFAULT_CONNECTION_FAILURES_BEFORE_DELAY, null, Map.of());
    }

    /** @return where {@code field} was set, or {@code "kumod default"}. */
    public String originOf(String field) {
        return origins.getOrDefault(field, "kumod default");
    }
}
