package dev.cutover.sim.momentum;

/**
 * The timers of Momentum's adaptive module, set in its {@code adaptive { }} stanza
 * (support.sparkpost.com/momentum/4/modules/4-adaptive; defaults from the options summary).
 *
 * @param adjustmentIntervalSeconds         a (binding, domain)'s options change at most once per this interval
 *                                          (adaptive_adjustment_interval, 60 s)
 * @param positiveAdjustmentIntervalSeconds a speculative increase comes at most once per this interval
 *                                          (adaptive_positive_adjustment_interval, 3600 s)
 * @param suspendSweepIntervalSeconds       how often ended suspensions are lifted (suspend_sweep_interval, 60 s)
 * @param retryFuzzSeconds                  messages held by a suspension are spread over this many seconds after it
 *                                          ends (adaptive_retry_fuzz, 4096 s)
 * @param bounceSweepIntervalSeconds        how often the bounce sweep rule looks at a binding::domain's bounces
 *                                          (bounce_sweep_interval, 3600 s)
 * @param attemptThreshold                  attempts a binding::domain must have had since the last sweep for the
 *                                          sweep to act (adaptive_attempt_threshold, 2000)
 * @param location                          where the timers were set
 */
public record AdaptiveModule(long adjustmentIntervalSeconds, long positiveAdjustmentIntervalSeconds,
                             long suspendSweepIntervalSeconds, long retryFuzzSeconds, long bounceSweepIntervalSeconds,
                             long attemptThreshold, String location) {

    /** The documented defaults. */
    public static final AdaptiveModule DEFAULTS = new AdaptiveModule(60, 3600, 60, 4096, 3600, 2000,
            "built-in defaults");
}
