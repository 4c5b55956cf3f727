package dev.cutover.sim.momentum;

/**
 * Choices the Momentum model makes where the documentation gives a figure rather than a rule, each with its
 * documented or fitted default.
 *
 * @param delayedQueueScanMicros how often the domain maintainer sweeps due messages from the delayed queue back
 *                               to the active queue (delayed_queue_scan_interval, 15 s)
 * @param normalRampCoefficient  c in the connection goal {@code max * (1 - e^(-c * AQ / max))} for
 *                               connection_allocation_aggressiveness normal (0.3, fitted to the documented curve)
 * @param highRampCoefficient    the same for {@code high} (0.75)
 */
public record MomentumParameters(long delayedQueueScanMicros, double normalRampCoefficient,
                                 double highRampCoefficient) {

    /** @return the documented defaults. */
    public static MomentumParameters defaults() {
        return new MomentumParameters(15_000_000L, 0.3, 0.75);
    }
}
