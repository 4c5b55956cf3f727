package dev.cutover.bench;

import dev.cutover.kumo.AutomationRule;
import dev.cutover.kumo.EgressPathConfig;
import dev.cutover.kumo.EgressPool;
import dev.cutover.kumo.EgressSource;
import dev.cutover.kumo.KumoPolicy;
import dev.cutover.kumo.QueueConfig;
import dev.cutover.kumo.ReceivedMessage;
import dev.cutover.kumo.Reception;

import java.util.List;
import java.util.function.Supplier;

/**
 * A policy that counts the time the KumoMTA model spends asking it: running the policy's Lua handlers and
 * resolving shaping, each answer cached by the policy after its first call. Used on the model's one thread.
 */
final class TimedPolicy implements KumoPolicy {
    private final KumoPolicy policy;
    private long nanos;
    private long calls;

    TimedPolicy(KumoPolicy policy) {
        this.policy = policy;
    }

    /** @return nanoseconds spent in the policy so far */
    long nanos() {
        return nanos;
    }

    /** @return calls made to the policy so far */
    long calls() {
        return calls;
    }

    @Override
    public List<AutomationRule.Scoped> automationRules(String domain, String site) {
        return timed(() -> policy.automationRules(domain, site));
    }

    @Override
    public boolean publishesToTsa() {
        return policy.publishesToTsa();
    }

    @Override
    public void tsaOverride(String domain, boolean rollup, String source, String name, Object value, String origin) {
        policy.tsaOverride(domain, rollup, source, name, value, origin);
    }

    @Override
    public boolean handlesReception() {
        return policy.handlesReception();
    }

    @Override
    public Reception receive(ReceivedMessage message, long receptionMicros) {
        return timed(() -> policy.receive(message, receptionMicros));
    }

    @Override
    public QueueConfig queueConfig(String domain, String tenant, String campaign, String routingDomain) {
        return timed(() -> policy.queueConfig(domain, tenant, campaign, routingDomain));
    }

    @Override
    public EgressPool egressPool(String name) {
        return timed(() -> policy.egressPool(name));
    }

    @Override
    public EgressSource egressSource(String name) {
        return timed(() -> policy.egressSource(name));
    }

    @Override
    public EgressPathConfig egressPathConfig(String routingDomain, String egressSource, String siteName) {
        return timed(() -> policy.egressPathConfig(routingDomain, egressSource, siteName));
    }

    @Override
    public String siteName(String domain) {
        return timed(() -> policy.siteName(domain));
    }

    private <T> T timed(Supplier<T> call) {
        final long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            nanos += System.nanoTime() - start;
            calls++;
        }
    }
}
