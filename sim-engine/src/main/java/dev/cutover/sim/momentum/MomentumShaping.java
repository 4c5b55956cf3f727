package dev.cutover.sim.momentum;

/** Answers which options apply to a Momentum queue; implemented over the user's ecelerity.conf. */
public interface MomentumShaping {

    /**
     * @param bindingGroup binding group of the message
     * @param binding      binding of the message
     * @param domain       routing domain of the queue
     * @return the resolved options
     */
    QueueSettings settings(String bindingGroup, String binding, String domain);

    /** @return the adaptive module's timers; the documented defaults unless the configuration sets them */
    default AdaptiveModule adaptiveModule() {
        return AdaptiveModule.DEFAULTS;
    }
}
