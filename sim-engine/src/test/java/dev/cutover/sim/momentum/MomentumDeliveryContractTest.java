package dev.cutover.sim.momentum;

import dev.cutover.sim.Destinations;
import dev.cutover.sim.DeliveryContract;
import dev.cutover.sim.Engine;

/** Runs every {@link DeliveryContract} test, each with its assertions, against the Momentum model. */
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

    @Override
    protected Engine expiringEngine(long retryIntervalSeconds, long maxAgeSeconds) {
        final QueueSettings settings = MomentumRulesTest.settings(1, null, 0, retryIntervalSeconds, 43_200,
                maxAgeSeconds, QueueSettings.MAX_RETRIES_NONE);
        return new MomentumModel((group, binding, domain) -> settings, MomentumParameters.defaults(), SINK,
                Destinations.EACH_DOMAIN);
    }

    /**
     * Failures at 0.11, 615.11, 1830.11 and 4245.11 s: each retry waits 600 * 2^(k-1) s from its failure, then for
     * the delayed queue's 15 s scan, then 0.1 s for a new connection (the last closed after its 5 s idle timeout)
     * and 10 ms for the answer; the fourth failure finds the message older than 3600 s.
     */
    @Override
    protected double expectedExpirySeconds() {
        return 4245.11;
    }

    @Override
    protected double expiryJitterSeconds() {
        return 1e-6;
    }

    @Override
    protected Engine suspendingEngine(String pattern, long seconds) {
        final QueueSettings settings = MomentumRulesTest.settings(4, null, 0, 1200, 43_200, 86_400,
                QueueSettings.MAX_RETRIES_AUTO).withAdaptive(QueueSettings.Adaptive.unbounded("test"));
        final MomentumModel model = new MomentumModel((group, binding, domain) -> settings,
                MomentumParameters.defaults(), SINK, Destinations.EACH_DOMAIN);
        final ResponseRule rule = new ResponseRule(pattern, java.util.regex.Pattern.compile(pattern), 1, 0,
                java.util.List.of(new AdaptiveAction(AdaptiveAction.Kind.SUSPEND, seconds, 0, null)), "contract");
        model.adaptWith(new AdaptiveDelivery(new AdaptiveRules(java.util.Map.of("gmail.com",
                new AdaptiveRules.DomainRules("gmail.com", java.util.List.of(rule), java.util.Map.of())),
                java.util.Map.of(), java.util.List.of(), java.util.List.of()), AdaptiveParameters.defaults(), 7));
        return model;
    }
}
