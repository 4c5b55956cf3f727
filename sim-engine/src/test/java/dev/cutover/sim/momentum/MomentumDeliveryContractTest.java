package dev.cutover.sim.momentum;

import dev.cutover.sim.Destinations;
import dev.cutover.sim.DeliveryContract;
import dev.cutover.sim.Engine;

class MomentumDeliveryContractTest extends DeliveryContract {

    @Override
    protected Engine engine(long connectionLimit, long messagesPerMinute, long retryIntervalSeconds) {
        final QueueSettings.Throttle throttle = messagesPerMinute == 0 ? null
                : new QueueSettings.Throttle(messagesPerMinute, 60, "global", "test");
        final QueueSettings settings = MomentumRulesTest.settings(connectionLimit, throttle, 0,
                retryIntervalSeconds, 43_200, 86_400, QueueSettings.MAX_RETRIES_AUTO);
        return new MomentumModel((group, binding, domain) -> settings, MomentumParameters.defaults(), SINK,
                Destinations.EACH_DOMAIN);
    }
}
