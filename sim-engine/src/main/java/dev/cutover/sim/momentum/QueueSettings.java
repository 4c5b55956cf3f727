package dev.cutover.sim.momentum;

import java.util.List;

/**
 * The options that shape one Momentum queue (binding, domain), resolved through ecelerity.conf's fallback chain,
 * each with the place it was set so that reports can name it.
 *
 * @param maxOutboundConnections     concurrent connections for this (binding, domain) pair
 * @param maxOutboundConnectionsAt   where it was set
 * @param messageThrottle            the outbound_throttle_messages budget this queue draws from, or null
 * @param maxDeliveriesPerConnection successful deliveries per connection, 0 for unlimited
 * @param maxDeliveriesPerConnectionAt where it was set
 * @param retryIntervalSeconds       base retry interval
 * @param maxRetryIntervalSeconds    cap on one retry delay
 * @param messageExpirationSeconds   age after which a failing message is given up
 * @param maxRetries                 retry limit; {@link #MAX_RETRIES_AUTO} or {@link #MAX_RETRIES_NONE} for the
 *                                   words {@code auto} and {@code none}
 * @param retryAt                    where retry_interval was set
 * @param idleTimeoutSeconds         how long an idle connection stays open
 * @param highAggressiveness         connection_allocation_aggressiveness is {@code high}
 * @param connectionThrottle         the outbound_throttle_connections budget new connections draw from, or null
 * @param scopeCap                   the scope_max_outbound_connections cap shared with other queues, or null
 * @param serverCap                  the server_max_outbound_connections cap (with the reserve when server-wide),
 *                                   or null for none
 * @param suspendDeliveryAt          where suspend_delivery = true was set, or null when delivery is not suspended
 * @param adaptive                   Adaptive Delivery's bounds when adaptive_enabled is true, or null
 * @param domainSweep                when the domain is swept to the delayed queue for want of a contactable MX, or
 *                                   null when it never is
 */
public record QueueSettings(
        long maxOutboundConnections,
        String maxOutboundConnectionsAt,
        Throttle messageThrottle,
        long maxDeliveriesPerConnection,
        String maxDeliveriesPerConnectionAt,
        long retryIntervalSeconds,
        long maxRetryIntervalSeconds,
        long messageExpirationSeconds,
        int maxRetries,
        String retryAt,
        double idleTimeoutSeconds,
        boolean highAggressiveness,
        Throttle connectionThrottle,
        Cap scopeCap,
        Cap serverCap,
        String suspendDeliveryAt,
        Adaptive adaptive,
        DomainSweep domainSweep) {

    public static final int MAX_RETRIES_AUTO = -1;
    public static final int MAX_RETRIES_NONE = -2;

    /** @return these settings with Adaptive Delivery enabled within {@code bounds} */
    public QueueSettings withAdaptive(Adaptive bounds) {
        return new QueueSettings(maxOutboundConnections, maxOutboundConnectionsAt, messageThrottle,
                maxDeliveriesPerConnection, maxDeliveriesPerConnectionAt, retryIntervalSeconds, maxRetryIntervalSeconds,
                messageExpirationSeconds, maxRetries, retryAt, idleTimeoutSeconds, highAggressiveness,
                connectionThrottle, scopeCap, serverCap, suspendDeliveryAt, bounds, domainSweep);
    }

    /** @return true when suspend_delivery keeps this queue from delivering */
    public boolean deliverySuspended() {
        return suspendDeliveryAt != null;
    }

    /**
     * Adaptive Delivery's bounds for one (binding, domain), from the {@code adaptive_<option> = ( low high )}
     * options (support.sparkpost.com/momentum/4/modules/4-adaptive); each is null when unset.
     *
     * @param enabledAt         where adaptive_enabled = true was set
     * @param connections       bounds of max_outbound_connections
     * @param deliveries        bounds of max_deliveries_per_connection
     * @param throttlePerHour   bounds of outbound_throttle_messages, in messages per hour as Adaptive Delivery
     *                          counts it
     * @param retryInterval     bounds of retry_interval, seconds
     * @param maxRetryInterval  bounds of max_retry_interval, seconds
     * @param sweepRules        the sweep rules that apply ({@link SweepRules})
     */
    public record Adaptive(String enabledAt, Bounds connections, Bounds deliveries, Bounds throttlePerHour,
                           Bounds retryInterval, Bounds maxRetryInterval, List<SweepRules.Rule> sweepRules) {

        public Adaptive {
            sweepRules = List.copyOf(sweepRules);
        }

        /** Adaptive Delivery enabled with no bounds set, and the default bounce rule. */
        public static Adaptive unbounded(String enabledAt) {
            return new Adaptive(enabledAt, null, null, null, null, null, List.of(SweepRules.defaultBounceRule()));
        }
    }

    /**
     * When Momentum finds no MX of a domain contactable and moves all the domain's active messages to the delayed
     * queue (ref-mx-failures-to-delay, ref-connect-timeout-to-delay).
     *
     * @param mxFailures            consecutive failed connections that sweep the domain; 0 turns that trigger off
     * @param mxFailuresAt          where mx_failures_to_delay was set
     * @param connectTimeoutSeconds time since the first of the failed connections in a row that sweeps the domain;
     *                              0 turns that trigger off (the documentation is silent on 0)
     * @param connectTimeoutAt      where connect_timeout_to_delay was set
     */
    public record DomainSweep(long mxFailures, String mxFailuresAt, long connectTimeoutSeconds,
                              String connectTimeoutAt) {
        /** @return true when a run of {@code failures} failed connections over {@code spanSeconds} sweeps */
        public boolean sweeps(long failures, double spanSeconds) {
            return mxFailures > 0 && failures >= mxFailures
                    || connectTimeoutSeconds > 0 && spanSeconds >= connectTimeoutSeconds;
        }
    }

    /**
     * An {@code ( low high )} range a managed option is kept within.
     *
     * @param low      lowest value
     * @param high     highest value
     * @param location where it was set
     */
    public record Bounds(double low, double high, String location) {
        /** @return {@code value} moved into the range */
        public double clip(double value) {
            return Math.max(low, Math.min(high, value));
        }
    }

    /**
     * An outbound throttle budget: {@code count} per {@code periodSeconds}, shared by every queue whose lookup
     * falls back to the stanza that defines it.
     *
     * @param count         messages (or connections) per period
     * @param periodSeconds the period
     * @param budgetKey     identity of the defining stanza; equal keys share one budget
     * @param location      where it was set
     */
    public record Throttle(double count, double periodSeconds, Object budgetKey, String location) {
    }

    /**
     * A cap on concurrent connections shared by every queue whose lookup falls back to the stanza that sets it.
     *
     * @param limit    connections allowed at once
     * @param key      identity of the defining stanza; equal keys share one cap
     * @param location where it was set
     */
    public record Cap(long limit, Object key, String location) {
    }
}
