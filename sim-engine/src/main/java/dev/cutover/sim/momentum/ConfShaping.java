package dev.cutover.sim.momentum;

import dev.cutover.sim.momentum.conf.ConfException;
import dev.cutover.sim.momentum.conf.ConfOption;
import dev.cutover.sim.momentum.conf.ConfStanza;
import dev.cutover.sim.momentum.conf.ConfValue;
import dev.cutover.sim.momentum.conf.ConnectionAllocationAggressiveness;
import dev.cutover.sim.momentum.conf.EcelerityConf;
import dev.cutover.sim.momentum.conf.FallbackOrder;
import dev.cutover.sim.momentum.conf.MaxRetries;
import dev.cutover.sim.momentum.conf.MomentumSettings;
import dev.cutover.sim.momentum.conf.MomentumThrottle;
import dev.cutover.sim.momentum.conf.OptionResolver;
import dev.cutover.sim.momentum.conf.Range;
import dev.cutover.sim.momentum.conf.Setting;
import dev.cutover.sim.momentum.conf.SharedLimit;
import dev.cutover.sim.momentum.conf.StanzaKey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The Momentum model's settings read from the user's ecelerity.conf through its fallback chain. */
public final class ConfShaping implements MomentumShaping {
    private final OptionResolver resolver;
    private final AdaptiveModule adaptiveModule;
    private final HostCaps hostCaps;
    private final Map<String, QueueSettings> cache = new HashMap<>();

    /**
     * @throws ConfException naming the file and line of a malformed {@code adaptive} stanza or sweep rule, which
     *                       are read whether or not traffic reaches them
     */
    public ConfShaping(EcelerityConf conf, FallbackOrder order) {
        this.resolver = new OptionResolver(conf, order);
        this.adaptiveModule = adaptiveModule(conf);
        this.hostCaps = new HostCaps(conf);
        SweepRules.validate(conf);
    }

    @Override
    public AdaptiveModule adaptiveModule() {
        return adaptiveModule;
    }

    @Override
    public List<QueueSettings.Cap> hostCaps(String binding, String host) {
        return hostCaps.none() ? List.of() : hostCaps.caps(binding, host);
    }

    /** Reads the module's timers from its {@code adaptive} stanza, each in whole seconds. */
    private static AdaptiveModule adaptiveModule(EcelerityConf conf) {
        final AdaptiveModule d = AdaptiveModule.DEFAULTS;
        for (ConfStanza stanza : conf.otherStanzas()) {
            if (stanza.keyword().equals("adaptive")) {
                return new AdaptiveModule(
                        seconds(stanza, "adaptive_adjustment_interval", d.adjustmentIntervalSeconds()),
                        seconds(stanza, "adaptive_positive_adjustment_interval", d.positiveAdjustmentIntervalSeconds()),
                        seconds(stanza, "suspend_sweep_interval", d.suspendSweepIntervalSeconds()),
                        seconds(stanza, "adaptive_retry_fuzz", d.retryFuzzSeconds()),
                        seconds(stanza, "bounce_sweep_interval", d.bounceSweepIntervalSeconds()),
                        whole(stanza, "adaptive_attempt_threshold", "attempts", d.attemptThreshold()),
                        "adaptive stanza at " + stanza.location());
            }
        }
        return d;
    }

    private static long seconds(ConfStanza stanza, String name, long builtIn) {
        return whole(stanza, name, "seconds", builtIn);
    }

    private static long whole(ConfStanza stanza, String name, String unit, long builtIn) {
        for (ConfOption option : stanza.options()) {
            if (option.name().equals(name)) {
                if (option.value() instanceof ConfValue.Scalar scalar && scalar.text().trim().matches("\\d{1,9}")) {
                    return Long.parseLong(scalar.text().trim());
                }
                throw new ConfException(option.location(), "expected a whole number of " + unit + " for " + name
                        + " but found " + option.value());
            }
        }
        return builtIn;
    }

    @Override
    public QueueSettings settings(String bindingGroup, String binding, String domain) {
        final String key = bindingGroup + '\u0000' + binding + '\u0000' + domain;
        return cache.computeIfAbsent(key, k -> {
            final MomentumSettings s = MomentumSettings.resolve(resolver, group(bindingGroup), binding, domain);
            return convert(s, s.adaptiveEnabled().value()
                    ? SweepRules.resolve(resolver, group(bindingGroup), binding, domain) : List.of());
        });
    }

    private static String group(String bindingGroup) {
        return bindingGroup == null || bindingGroup.isEmpty() ? null : bindingGroup;
    }

    private static QueueSettings convert(MomentumSettings s, List<SweepRules.Rule> sweepRules) {
        return new QueueSettings(
                s.maxOutboundConnections().value(), s.maxOutboundConnections().location(),
                throttle(s.outboundThrottleMessages()),
                s.maxDeliveriesPerConnection().value(), s.maxDeliveriesPerConnection().location(),
                s.retryIntervalSeconds().value(), s.maxRetryIntervalSeconds().value(),
                s.messageExpirationSeconds().value(), maxRetries(s.maxRetries().value()),
                s.retryIntervalSeconds().location(), s.idleTimeoutSeconds().value(),
                s.connectionAllocationAggressiveness().value() == ConnectionAllocationAggressiveness.HIGH,
                throttle(s.outboundThrottleConnections()), cap(s.scopeMaxOutboundConnections(), "scope"),
                serverCap(s), s.suspendDelivery().value() ? s.suspendDelivery().location() : null,
                adaptive(s, sweepRules),
                new QueueSettings.DomainSweep(s.mxFailuresToDelay().value(), s.mxFailuresToDelay().location(),
                        s.connectTimeoutToDelaySeconds().value(), s.connectTimeoutToDelaySeconds().location()));
    }

    /** Adaptive Delivery's bounds, with the throttle's in messages per hour; null when it is not enabled. */
    private static QueueSettings.Adaptive adaptive(MomentumSettings s, List<SweepRules.Rule> sweepRules) {
        if (!s.adaptiveEnabled().value()) {
            return null;
        }
        final Map<String, Setting<Range>> b = s.adaptiveBounds();
        return new QueueSettings.Adaptive(s.adaptiveEnabled().location(), bounds(b.get("max_outbound_connections")),
                bounds(b.get("max_deliveries_per_connection")), bounds(b.get("outbound_throttle_messages")),
                bounds(b.get("retry_interval")), bounds(b.get("max_retry_interval")), sweepRules);
    }

    private static QueueSettings.Bounds bounds(Setting<Range> range) {
        return range == null ? null : new QueueSettings.Bounds(range.value().low(), range.value().high(),
                range.location());
    }

    private static QueueSettings.Cap cap(SharedLimit limit, String kind) {
        return limit == null ? null : new QueueSettings.Cap(limit.limit(), List.of(kind, limit.definingStanza()),
                limit.location());
    }

    /**
     * The server cap: set at global level (or left at the built-in value) it caps the whole server, with the
     * reserve on top; set in a binding or binding group it caps that stanza's connections.
     */
    private static QueueSettings.Cap serverCap(MomentumSettings s) {
        final SharedLimit server = s.serverMaxOutboundConnections();
        final StanzaKey stanza = server.definingStanza();
        final boolean serverWide = stanza.builtIn() || stanza.equals(StanzaKey.GLOBAL);
        final long limit = server.limit() + (serverWide ? s.serverReserveOutboundConnections().value() : 0);
        return new QueueSettings.Cap(limit, List.of("server", serverWide ? StanzaKey.GLOBAL : stanza),
                server.location() + (serverWide ? ", plus server_reserve_outbound_connections "
                + s.serverReserveOutboundConnections().value() + " [" + s.serverReserveOutboundConnections().location()
                + "]" : ""));
    }

    private static QueueSettings.Throttle throttle(MomentumThrottle throttle) {
        if (throttle == null) {
            return null;
        }
        return new QueueSettings.Throttle(throttle.count(), throttle.periodSeconds(), throttle.definingStanza(),
                throttle.location());
    }

    private static int maxRetries(MaxRetries retries) {
        switch (retries.mode()) {
            case AUTO:
                return QueueSettings.MAX_RETRIES_AUTO;
            case NONE:
                return QueueSettings.MAX_RETRIES_NONE;
            default:
                return retries.count();
        }
    }
}
