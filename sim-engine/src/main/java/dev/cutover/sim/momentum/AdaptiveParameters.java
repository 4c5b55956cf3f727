package dev.cutover.sim.momentum;

/**
 * What the Momentum model assumes where the Adaptive Delivery documentation names an effect but not its size
 * (support.sparkpost.com/momentum/3/3-ad/ad-adaptive-rules-actions, momentum/4/modules/4-adaptive). Each is
 * cutover's choice, named in the report.
 *
 * @param throttleDownFactor the factor {@code throttle down} multiplies outbound_throttle_messages by, and a
 *                           speculative increase divides it by (0.5)
 * @param bindingAgeSeconds  the age of every binding when the replay starts, which configuration functions and
 *                           warm-up read (365 days: an established pool)
 * @param throttlePeriodSeconds the period of a throttle Adaptive Delivery sets where ecelerity.conf sets none,
 *                           which is also its burst (60 s)
 */
public record AdaptiveParameters(double throttleDownFactor, long bindingAgeSeconds, long throttlePeriodSeconds) {

    /** @return the defaults named above */
    public static AdaptiveParameters defaults() {
        return new AdaptiveParameters(0.5, 365 * 86_400L, 60);
    }
}
