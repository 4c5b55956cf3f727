package dev.cutover.sim.momentum.conf;

/**
 * The delivery options of one Momentum queue — a (binding group, binding, domain) — typed, with
 * built-in defaults filled in and the location of every value.
 *
 * <p>Defaults and value forms come from the option reference pages under
 * support.sparkpost.com/momentum/4/config/ (ref-max-outbound-connections,
 * ref-outbound-throttle-messages, ref-outbound-throttle-connections,
 * ref-max-deliveries-per-connection, ref-retry-interval, ref-max-retry-interval,
 * ref-message-expiration, ref-max-retries, ref-idle-timeout,
 * ref-connection-allocation-aggressiveness, ref-suspend-delivery, ref-scope-max-outbound-connections,
 * ref-server-max-outbound-connections, ref-server-reserve-outbound-connections); the scope fallback is
 * {@link OptionResolver}'s. A throttle is null when unset or 0 (unlimited).
 *
 * <p>{@code server_max_outbound_connections} defaults to 75,000 on its reference page, while the options summary
 * and the shipped ecelerity.conf give 20,000; the reference page's value is the built-in one. Either is far above
 * what one pool's replay opens, so the choice only matters for a conf that sets a lower value.
 *
 * <p>Note: {@code message_expiration} defaults to the built-in value; Momentum's shipped
 * ecelerity.conf sets a larger one, which applies only when the user's file still contains it.
 *
 * @param maxOutboundConnections             concurrent connections per (binding, domain)
 * @param outboundThrottleMessages           shared message budget, or null
 * @param outboundThrottleConnections        shared connection-opening budget, or null
 * @param maxDeliveriesPerConnection         successful deliveries per session, 0 = unlimited
 * @param retryIntervalSeconds               first retry delay
 * @param maxRetryIntervalSeconds            cap on the doubling retry delay
 * @param messageExpirationSeconds           age at which a message fails
 * @param maxRetries                         auto, none or a count
 * @param idleTimeoutSeconds                 how long an idle session stays open
 * @param connectionAllocationAggressiveness connection ramp
 * @param suspendDelivery                    true when no delivery may be attempted
 * @param scopeMaxOutboundConnections        a cap shared by the queues falling back to its stanza, or null
 * @param serverMaxOutboundConnections       the server's cap (or, set in a binding, that binding's)
 * @param serverReserveOutboundConnections   headroom above the server-wide cap
 * @param adaptiveEnabled                    Adaptive Delivery manages this queue (adaptive_enabled, default false;
 *                                           ref-adaptive-enabled)
 * @param adaptiveBounds                     option name (without the {@code adaptive_} prefix) to its
 *                                           {@code ( low high )} bounds, for the options that set them
 */
public record MomentumSettings(
    Setting<Integer> maxOutboundConnections,
    MomentumThrottle outboundThrottleMessages,
    MomentumThrottle outboundThrottleConnections,
    Setting<Integer> maxDeliveriesPerConnection,
    Setting<Long> retryIntervalSeconds,
    Setting<Long> maxRetryIntervalSeconds,
    Setting<Long> messageExpirationSeconds,
    Setting<MaxRetries> maxRetries,
    Setting<Long> idleTimeoutSeconds,
    Setting<ConnectionAllocationAggressiveness> connectionAllocationAggressiveness,
    Setting<Boolean> suspendDelivery,
    SharedLimit scopeMaxOutboundConnections,
    SharedLimit serverMaxOutboundConnections,
    Setting<Integer> serverReserveOutboundConnections,
    Setting<Boolean> adaptiveEnabled,
    java.util.Map<String, Setting<Range>> adaptiveBounds,
    Setting<Integer> mxFailuresToDelay,
    Setting<Long> connectTimeoutToDelaySeconds) {

    /** The options Adaptive Delivery manages by default whose bounds the model reads (4-adaptive). */
    public static final java.util.List<String> ADAPTIVE_OPTIONS = java.util.List.of("max_outbound_connections",
        "max_deliveries_per_connection", "outbound_throttle_messages", "retry_interval", "max_retry_interval");

    /** Every option of a scope {@link #resolve} reads, in lower case, the adaptive bounds included. */
    public static final java.util.Set<String> OPTIONS = java.util.stream.Stream.concat(java.util.stream.Stream.of(
        "max_outbound_connections", "outbound_throttle_messages", "outbound_throttle_connections",
        "max_deliveries_per_connection", "retry_interval", "max_retry_interval", "message_expiration", "max_retries",
        "idle_timeout", "connection_allocation_aggressiveness", "suspend_delivery", "scope_max_outbound_connections",
        "server_max_outbound_connections", "server_reserve_outbound_connections", "adaptive_enabled",
        "mx_failures_to_delay", "connect_timeout_to_delay", "adaptive_sweep_rule_enabled"),
        ADAPTIVE_OPTIONS.stream().map(option -> "adaptive_" + option))
        .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Built-in default of {@code max_outbound_connections}. */
    public static final int DEFAULT_MAX_OUTBOUND_CONNECTIONS = 32;
    /** Built-in default of {@code retry_interval}, seconds. */
    public static final long DEFAULT_RETRY_INTERVAL_SECONDS = 1200;
    /** Built-in default of {@code max_retry_interval}, seconds. */
    public static final long DEFAULT_MAX_RETRY_INTERVAL_SECONDS = 43_200;
    /** Built-in default of {@code message_expiration}, seconds. */
    public static final long DEFAULT_MESSAGE_EXPIRATION_SECONDS = 86_400;
    /** Built-in default of {@code server_max_outbound_connections} (see the class comment). */
    public static final int DEFAULT_SERVER_MAX_OUTBOUND_CONNECTIONS = 75_000;
    /** Built-in default of {@code server_reserve_outbound_connections}. */
    public static final int DEFAULT_SERVER_RESERVE_OUTBOUND_CONNECTIONS = 200;
    /** Built-in default of {@code mx_failures_to_delay} (ref-mx-failures-to-delay). */
    public static final int DEFAULT_MX_FAILURES_TO_DELAY = 50;
    /** Built-in default of {@code connect_timeout_to_delay}, seconds (ref-connect-timeout-to-delay). */
    public static final long DEFAULT_CONNECT_TIMEOUT_TO_DELAY_SECONDS = 900;
    /** Built-in default of {@code idle_timeout}, seconds. */
    public static final long DEFAULT_IDLE_TIMEOUT_SECONDS = 5;

    /**
     * @param resolver     the configuration's resolver
     * @param bindingGroup binding group, or null to take it from the binding's declaration
     * @param binding      binding name
     * @param domain       routing domain
     * @return the queue's settings
     * @throws ConfException naming file and line of the first malformed value
     */
    public static MomentumSettings resolve(OptionResolver resolver, String bindingGroup, String binding,
                                           String domain) {
        final SettingReader read = new SettingReader(resolver, bindingGroup, binding, domain);

        return new MomentumSettings(
            read.count("max_outbound_connections", DEFAULT_MAX_OUTBOUND_CONNECTIONS),
            read.throttle("outbound_throttle_messages"),
            read.throttle("outbound_throttle_connections"),
            read.count("max_deliveries_per_connection", 0),
            read.seconds("retry_interval", DEFAULT_RETRY_INTERVAL_SECONDS),
            read.seconds("max_retry_interval", DEFAULT_MAX_RETRY_INTERVAL_SECONDS),
            read.seconds("message_expiration", DEFAULT_MESSAGE_EXPIRATION_SECONDS),
            read.typed("max_retries", MaxRetries.AUTO, OptionValues::maxRetries),
            read.seconds("idle_timeout", DEFAULT_IDLE_TIMEOUT_SECONDS),
            read.typed("connection_allocation_aggressiveness", ConnectionAllocationAggressiveness.NORMAL,
                OptionValues::aggressiveness),
            read.typed("suspend_delivery", Boolean.FALSE, OptionValues::bool),
            read.sharedLimit("scope_max_outbound_connections", -1),
            read.sharedLimit("server_max_outbound_connections", DEFAULT_SERVER_MAX_OUTBOUND_CONNECTIONS),
            read.count("server_reserve_outbound_connections", DEFAULT_SERVER_RESERVE_OUTBOUND_CONNECTIONS),
            read.typed("adaptive_enabled", Boolean.FALSE, OptionValues::bool),
            adaptiveBounds(read),
            read.domainCount("mx_failures_to_delay", DEFAULT_MX_FAILURES_TO_DELAY),
            read.seconds("connect_timeout_to_delay", DEFAULT_CONNECT_TIMEOUT_TO_DELAY_SECONDS));
    }

    private static java.util.Map<String, Setting<Range>> adaptiveBounds(SettingReader read) {
        final java.util.Map<String, Setting<Range>> bounds = new java.util.LinkedHashMap<>();
        for (String option : ADAPTIVE_OPTIONS) {
            final Setting<Range> range = read.typed("adaptive_" + option, null, OptionValues::range);
            if (range.value() != null) {
                bounds.put(option, range);
            }
        }
        return java.util.Collections.unmodifiableMap(bounds);
    }
}
