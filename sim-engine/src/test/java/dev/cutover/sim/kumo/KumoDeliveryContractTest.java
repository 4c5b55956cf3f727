package dev.cutover.sim.kumo;

import dev.cutover.kumo.ThrottleSpec;
import dev.cutover.sim.DeliveryContract;
import dev.cutover.sim.Engine;

import java.util.List;
import java.util.Map;

class KumoDeliveryContractTest extends DeliveryContract {

    @Override
    protected Engine engine(long connectionLimit, long messagesPerMinute, long retryIntervalSeconds) {
        final ThrottleSpec rate = messagesPerMinute == 0 ? null
                : new ThrottleSpec(messagesPerMinute, 60_000_000L, -1, false);
        final StubPolicy policy = new StubPolicy(StubPolicy.retries(retryIntervalSeconds),
                StubPolicy.path(connectionLimit, rate, 1024, Map.of()), List.of("ip-1"));
        return new KumoModel(policy, KumoParameters.defaults(), SINK, 7);
    }
}
