package dev.cutover.sim.momentum;

import java.util.List;

/** Answers which options apply to a Momentum queue; implemented over the user's ecelerity.conf. */
public interface MomentumShaping {

    /**
     * @param bindingGroup binding group of the message
     * @param binding      binding of the message
     * @param domain       routing domain of the queue
     * @return the resolved options
     */
    QueueSettings settings(String bindingGroup, String binding, String domain);

    /**
     * @param binding the binding of the queue
     * @param host    an MX host of the queue's domain
     * @return the caps on the binding's connections to that host ({@link HostCaps}); none by default
     */
    default List<QueueSettings.Cap> hostCaps(String binding, String host) {
        return List.of();
    }

    /** @return the adaptive module's timers; the documented defaults unless the configuration sets them */
    default AdaptiveModule adaptiveModule() {
        return AdaptiveModule.DEFAULTS;
    }
}
