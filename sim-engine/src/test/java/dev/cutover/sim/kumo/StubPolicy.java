package dev.cutover.sim.kumo;

import dev.cutover.kumo.AutomationRule;
import dev.cutover.kumo.EgressPathConfig;
import dev.cutover.kumo.EgressPool;
import dev.cutover.kumo.EgressSource;
import dev.cutover.kumo.KumoPolicy;
import dev.cutover.kumo.PolicyException;
import dev.cutover.kumo.QueueConfig;
import dev.cutover.kumo.ThrottleSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A policy with fixed answers: one pool of the given sources, one path config for every site. */
final class StubPolicy implements KumoPolicy {
    private final QueueConfig queueConfig;
    private final EgressPathConfig pathConfig;
    private final List<String> sources;
    private final Map<String, String> sites = new HashMap<>();
    private boolean refuseSources;
    private List<AutomationRule.Scoped> automation = List.of();

    StubPolicy(QueueConfig queueConfig, EgressPathConfig pathConfig, List<String> sources) {
        this.queueConfig = queueConfig;
        this.pathConfig = pathConfig;
        this.sources = sources;
    }

    static EgressPathConfig path(long connectionLimit, ThrottleSpec rate, long maxDeliveries,
                                 Map<String, Long> additionalLimits) {
        return new EgressPathConfig(connectionLimit, additionalLimits, null, rate, Map.of(), maxDeliveries,
                EgressPathConfig.DEFAULT_MAX_READY, 60_000_000L, 3, null, Map.of("connection_limit", "test"));
    }

    static QueueConfig retries(long retryIntervalSeconds) {
        return new QueueConfig(retryIntervalSeconds * 1_000_000L, 0, QueueConfig.DEFAULT_MAX_AGE_MICROS, "pool",
                null, Map.of());
    }

    /** Makes get_egress_source fail for every name, as a policy whose pool names a source it does not define. */
    StubPolicy refusingSources() {
        refuseSources = true;
        return this;
    }

    /** Gives every (domain, site) this TSA rule, from a domain block. */
    StubPolicy automation(AutomationRule rule) {
        automation = List.of(new AutomationRule.Scoped(rule, false));
        return this;
    }

    @Override
    public List<AutomationRule.Scoped> automationRules(String domain, String site) {
        return automation;
    }

    StubPolicy site(String domain, String site) {
        sites.put(domain, site);
        return this;
    }

    @Override
    public QueueConfig queueConfig(String domain, String tenant, String campaign, String routingDomain) {
        return queueConfig;
    }

    @Override
    public EgressPool egressPool(String name) {
        return new EgressPool(name, sources.stream().map(s -> new EgressPool.Entry(s, 1)).toList());
    }

    @Override
    public EgressSource egressSource(String name) {
        if (refuseSources) {
            throw new PolicyException("init.lua", 12, "no source named " + name);
        }
        return new EgressSource(name, null, null);
    }

    @Override
    public EgressPathConfig egressPathConfig(String routingDomain, String egressSource, String siteName) {
        return pathConfig;
    }

    @Override
    public String siteName(String domain) {
        return sites.getOrDefault(domain, domain);
    }
}
