package dev.cutover.sim.kumo;

import dev.cutover.kumo.AutomationRule;
import dev.cutover.kumo.QueueConfig;
import dev.cutover.kumo.ThrottleSpec;
import dev.cutover.sim.DeliveryContract;
import dev.cutover.sim.Engine;

import java.util.List;
import java.util.Map;

/** Runs every {@link DeliveryContract} test, each with its assertions, against the KumoMTA model. */
class KumoDeliveryContractTest extends DeliveryContract {

    @Override
    protected Engine engine(long connectionLimit, long messagesPerMinute, long retryIntervalSeconds) {
        final ThrottleSpec rate = messagesPerMinute == 0 ? null
                : new ThrottleSpec(messagesPerMinute, 60_000_000L, -1, false);
        final StubPolicy policy = new StubPolicy(StubPolicy.retries(retryIntervalSeconds),
                StubPolicy.path(connectionLimit, rate, 1024, Map.of()), List.of("ip-1"));
        return new KumoModel(policy, KumoParameters.defaults(), SINK, 7);
    }

    @Override
    protected Engine expiringEngine(long retryIntervalSeconds, long maxAgeSeconds) {
        final QueueConfig config = new QueueConfig(retryIntervalSeconds * 1_000_000L, 0, maxAgeSeconds * 1_000_000L,
                "pool", null, Map.of(), null);
        final StubPolicy policy = new StubPolicy(config, StubPolicy.path(1, null, 1024, Map.of()), List.of("ip-1"));
        return new KumoModel(policy, KumoParameters.defaults(), SINK, 7);
    }

    /**
     * Failures near 0, 600 and 1800 s (retry_interval * 2^attempts, each moved by a jitter within 15 s and popped on
     * the 3 s tick); at the third, the next retry (2400 s later) would pass max_age 3600 s, so the message expires
     * there.
     */
    @Override
    protected double expectedExpirySeconds() {
        return 1800;
    }

    @Override
    protected double expiryJitterSeconds() {
        return 40;
    }

    @Override
    protected Engine suspendingEngine(String pattern, long seconds) {
        final AutomationRule rule = new AutomationRule(List.of(java.util.regex.Pattern.compile(pattern)),
                List.of("Suspend"), null, seconds * 1_000_000L, false, "contract");
        final StubPolicy policy = new StubPolicy(StubPolicy.retries(1200), StubPolicy.path(4, null, 1024, Map.of()),
                List.of("ip-1")).automation(rule);
        return new KumoModel(policy, KumoParameters.defaults().withTsa(true), SINK, 7);
    }
}
