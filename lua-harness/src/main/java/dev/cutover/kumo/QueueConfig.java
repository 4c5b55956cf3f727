package dev.cutover.kumo;

import java.util.Map;

/**
 * The part of a {@code kumo.make_queue_config} result that shapes delivery, with kumod's defaults
 * ({@code crates/kumod/src/queue/config.rs}: retry_interval 20 min, no max_retry_interval, max_age 7 days,
 * pool "unspecified").
 *
 * @param retryIntervalMicros     base of the exponential backoff
 * @param maxRetryIntervalMicros  cap on one retry delay, or 0 for none
 * @param maxAgeMicros            age at which a message expires
 * @param egressPool              pool name, or {@link #UNSPECIFIED_POOL}
 * @param maxMessageRate          scheduled-queue promotion rate, or null
 * @param origins                 field name to where its value was set
 * @param mxListSite              the site when {@code protocol = {smtp = {mx_list = {...}}}} routes the queue to
 *                                fixed hosts: {@code "mx_list:<h1>,<h2>"} as kumod names it
 *                                ({@code crates/kumod/src/ready_queue.rs}); null to look the domain's MX up
 */
public record QueueConfig(
        long retryIntervalMicros,
        long maxRetryIntervalMicros,
        long maxAgeMicros,
        String egressPool,
        ThrottleSpec maxMessageRate,
        Map<String, String> origins,
        String mxListSite) {

    public static final String UNSPECIFIED_POOL = "unspecified";
    public static final long DEFAULT_RETRY_INTERVAL_MICROS = 20 * 60 * 1_000_000L;
    public static final long DEFAULT_MAX_AGE_MICROS = 7 * 86_400 * 1_000_000L;

    public QueueConfig {
        origins = Map.copyOf(origins);
    }

    /** A queue config that sends to the domain's MX hosts. */
    public QueueConfig(long retryIntervalMicros, long maxRetryIntervalMicros, long maxAgeMicros, String egressPool,
                       ThrottleSpec maxMessageRate, Map<String, String> origins) {
        this(retryIntervalMicros, maxRetryIntervalMicros, maxAgeMicros, egressPool, maxMessageRate, origins, null);
    }

    /** @return the configuration kumod uses when no handler answers. */
    public static QueueConfig defaults() {
        return new QueueConfig(DEFAULT_RETRY_INTERVAL_MICROS, 0, DEFAULT_MAX_AGE_MICROS, UNSPECIFIED_POOL, null,
                Map.of());
    }

    /** @return where {@code field} was set, or {@code "kumod default"}. */
    public String originOf(String field) {
        return origins.getOrDefault(field, "kumod default");
    }
}
