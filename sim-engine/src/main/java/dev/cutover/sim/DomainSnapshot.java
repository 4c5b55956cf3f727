package dev.cutover.sim;

/**
 * What one engine did for one destination domain. A value the engine cannot know is null, never 0 (for example
 * the connections of a log that carries no connection ids, or the throttle delays Momentum never logs).
 *
 * @param messages                 messages received for the domain
 * @param delivered                messages delivered
 * @param transientFailures        attempts that ended in a transient failure (deferrals)
 * @param bounced                  messages failed permanently by the receiver
 * @param expired                  messages the engine gave up on (expiry, retry limit)
 * @param unresolved               messages whose recorded outcomes ran out before a final one
 * @param refused                  messages the engine refused or discarded at reception, never queued
 * @param throttleDelays           times a message was held back by a local limit, or null
 * @param peakDeliveredPerMinute   most deliveries in one calendar minute
 * @param meanDeliveredPerMinute   deliveries per minute between the first and last delivery minute
 * @param sustainedDeliveredPerMinute the highest average deliveries per minute over any window of the
 *                                 comparison's rate window (what a rate limit caps once its burst is spent)
 * @param peakConnections          most concurrent connections, or null
 * @param connectionsOpened        connections opened, or null
 * @param connectionsEstimated     true when the connection figures are estimated from the log
 * @param latency                  reception to final outcome, or null when nothing finished
 * @param drainSeconds             first reception to last final outcome, or null when nothing finished
 */
public record DomainSnapshot(
        long messages,
        long delivered,
        long transientFailures,
        long bounced,
        long expired,
        long unresolved,
        long refused,
        Long throttleDelays,
        long peakDeliveredPerMinute,
        double meanDeliveredPerMinute,
        double sustainedDeliveredPerMinute,
        Long peakConnections,
        Long connectionsOpened,
        boolean connectionsEstimated,
        LatencySummary latency,
        Double drainSeconds) {
}
