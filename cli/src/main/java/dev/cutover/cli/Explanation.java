package dev.cutover.cli;

import dev.cutover.kumo.AutomationRule;
import dev.cutover.kumo.Durations;
import dev.cutover.kumo.EgressPathConfig;
import dev.cutover.kumo.EgressPool;
import dev.cutover.kumo.KumoPolicy;
import dev.cutover.kumo.LuaKumoPolicy;
import dev.cutover.kumo.MxFixture;
import dev.cutover.kumo.PolicyException;
import dev.cutover.kumo.QueueConfig;
import dev.cutover.kumo.QueueName;
import dev.cutover.kumo.ReceivedMessage;
import dev.cutover.kumo.Reception;
import dev.cutover.kumo.ThrottleSpec;
import dev.cutover.sim.kumo.KumoParameters;
import dev.cutover.sim.momentum.AdaptiveRules;
import dev.cutover.sim.momentum.MomentumShaping;
import dev.cutover.sim.momentum.QueueSettings;
import dev.cutover.sim.momentum.ResponseRule;
import dev.cutover.sim.momentum.SweepRules;
import dev.cutover.sim.momentum.conf.EcelerityConf;
import dev.cutover.sim.momentum.conf.MaxRetries;
import dev.cutover.sim.momentum.conf.MomentumSettings;
import dev.cutover.sim.momentum.conf.MomentumThrottle;
import dev.cutover.sim.momentum.conf.OptionResolver;
import dev.cutover.sim.momentum.conf.ResolvedOption;
import dev.cutover.sim.momentum.conf.Setting;
import dev.cutover.sim.momentum.conf.SharedLimit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What each engine is configured to do for one destination domain, with where every value was set: for KumoMTA
 * the queue config the policy's {@code get_queue_config} gives for each tenant, and the egress path config its
 * {@code get_egress_path_config} gives for each egress source of the pool; for Momentum the options of each
 * binding's queue for the domain after ecelerity.conf's scope fallback. The queues are those a run makes: a
 * KumoMTA tenant per binding group (or per binding, or none, as the scenario's {@code kumomta.tenant} says), passed
 * through the policy's {@code smtp_server_message_received} when it has one, and a Momentum queue per binding.
 */
final class Explanation {
    private static final String INDENT = "    ";

    private final Scenario scenario;
    private final EcelerityConf conf;
    private final OptionResolver resolver;
    private final MomentumShaping shaping;
    private final KumoPolicy policy;
    private final MxFixture mx;
    /** The Adaptive Delivery rules of the scenario, loaded when a queue first needs them. */
    private AdaptiveRules adaptiveRules;
    /** The instant the explanation is for: the first line of the logs, which the reception hook reads as now. */
    private long clockMicros;
    private final List<PolicyException> failures = new ArrayList<>();

    Explanation(Scenario scenario, EcelerityConf conf, MomentumShaping shaping, KumoPolicy policy, MxFixture mx) {
        this.scenario = scenario;
        this.conf = conf;
        this.resolver = new OptionResolver(conf, scenario.fallbackOrder());
        this.shaping = shaping;
        this.policy = policy;
        this.mx = mx;
    }

    /**
     * @param domain      the destination domain, lower case
     * @param source      an egress source or binding to show alone, or null for all
     * @param clockMicros what os.time() read in the policy
     * @return the explanation as lines of text
     * @throws UserError when {@code source} is neither an egress source of the pools nor a binding
     */
    /** @return what the policy failed with, for each binding group it failed for, in the last explanation */
    List<PolicyException> failures() {
        return List.copyOf(failures);
    }

    List<String> explain(String domain, String source, long clockMicros) {
        failures.clear();
        this.clockMicros = clockMicros;
        final List<String> out = new ArrayList<>();
        out.add(domain + " in scenario " + scenario.name());
        site(out, domain);
        out.add("policy clock: os.time() reads " + Instant.ofEpochSecond(clockMicros / 1_000_000L)
                + " (the first line of the logs)");
        final List<String> groups = groups();
        final Set<String> shown = new LinkedHashSet<>();
        for (String group : groups) {
            out.add("");
            out.add(group.isEmpty() ? "global bindings (no Binding_Group)" : "binding group \"" + group + "\"");
            try {
                kumo(out, domain, group, source, shown);
            } catch (PolicyException e) {
                out.add("  KumoMTA: the policy fails for this group's messages, as kumod would: " + e.getMessage());
                failures.add(e);
            }
            momentum(out, domain, group, source, shown);
        }
        if (source != null && shown.isEmpty()) {
            throw new UserError("--source " + source + ": no egress source of the pools the replayed binding "
                    + "groups use and no binding of theirs in " + scenario.momentumConfig().getFileName()
                    + " has this name; known: " + String.join(", ", known(domain, groups)));
        }
        return out;
    }

    private void site(List<String> out, String domain) {
        final String site = policy.siteName(domain);
        final String hosts = mx.hosts(domain).map(list -> String.join(", ", list))
                .orElse("none in the MX data; the domain itself is its MX (implicit MX)");
        out.add("KumoMTA site: " + site + " (MX hosts: " + hosts + ")");
        if (mx.hosts(domain).isEmpty()) {
            out.add("  note: " + domain + " is in neither the scenario's MX data nor the built-in list; check its "
                    + "spelling, and that the logs send to it");
        }
        final List<String> sharing = mx.domains().stream().filter(other -> !other.equals(domain))
                .filter(other -> mx.siteName(other).equals(site)).sorted().toList();
        if (!sharing.isEmpty()) {
            out.add("  shared with " + String.join(", ", sharing) + ": an egress path's limits cover them together");
        }
        for (AutomationRule.Scoped scoped : policy.automationRules(domain, site)) {
            final AutomationRule rule = scoped.rule();
            out.add("  TSA rule " + rule.origin() + ": " + rule.regexes().stream().map(Pattern::pattern)
                    .collect(Collectors.joining(" or ")) + " -> " + rule.actions().stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + (rule.threshold() == null ? " on every match"
                    : " at " + rule.threshold().limit() + " matches within its duration (Threshold \""
                    + rule.threshold() + "\": TSA counts over the duration and ignores the period)") + ", for "
                    + Durations.format(rule.durationMicros())
                    + (rule.matchInternal() ? ", kumod's own failures included" : "")
                    + " (it acts when TSA is on: the report's kumomta.tsa)");
        }
        receiverLimits(out, domain, site);
    }

    /** The figures the scenario sets by hand for the domain's site in the rate-sensitive receiver. */
    private void receiverLimits(List<String> out, String domain, String site) {
        if (!scenario.receiverModel().equals("capacity")) {
            return;
        }
        for (String name : List.of(domain, site)) {
            final Long perMinute = scenario.capacityOverrides().get(name);
            final Long connections = scenario.connectionCapacities().get(name);
            if (perMinute != null || connections != null) {
                out.add("  receiver (capacity): [receivers.capacity] \"" + name + "\" sets " + (perMinute == null ? ""
                        : perMinute + " messages per minute") + (perMinute != null && connections != null ? ", " : "")
                        + (connections == null ? "" : connections + " connections at once"));
                return;
            }
        }
        out.add("  receiver (capacity): the site takes what its busiest minute of the log shows");
    }

    /** @return the binding groups a run replays: the scenario's, else every declared one, else the global one */
    private List<String> groups() {
        if (!scenario.bindingGroups().isEmpty()) {
            return scenario.bindingGroups().stream().sorted().toList();
        }
        final List<String> declared = conf.bindingGroupNames();
        return declared.isEmpty() ? List.of("") : declared;
    }

    private List<String> bindings(String group) {
        if (group.isEmpty()) {
            return conf.global().bindingNames();
        }
        return conf.bindingGroup(group).map(scope -> scope.bindingNames()).orElse(List.of());
    }

    /**
     * @return where KumoMTA queues the group's messages to {@code domain}, with the reception events that put them
     *         there: the tenant (and headers) a run gives them, as the scenario's kumomta.tenant and kumomta.headers
     *         say, through the policy's reception hook, and when the scenario sends messages Momentum took through
     *         its REST API to kumod's HTTP API and the policy handles them, through {@code http_message_generated}
     *         too; the sender is unknown here, so the hook sees the null sender's empty domain
     */
    private Map<Reception, Set<String>> receptions(String domain, String group) {
        final KumoParameters parameters = KumoParameters.defaults().withTenantField(scenario.tenantField())
                .withHeaders(scenario.headerFields()).withHttpAuth(scenario.httpAuth());
        final Map<Reception, Set<String>> out = new LinkedHashMap<>();
        final boolean http = scenario.restViaHttp() && policy.handlesHttpInjection();
        for (boolean viaHttp : http ? List.of(false, true) : List.of(false)) {
            for (String binding : bindings(group).isEmpty() ? List.of("") : bindings(group)) {
                final Reception reception = policy.receive(new ReceivedMessage("", domain, null,
                        parameters.tenant(group, binding), parameters.headers(group, binding),
                        viaHttp ? parameters.httpMeta(group, binding) : KumoParameters.meta(group, binding), viaHttp),
                        clockMicros);
                out.computeIfAbsent(reception, r -> new LinkedHashSet<>()).add(viaHttp ? LuaKumoPolicy.HTTP_EVENT
                        : LuaKumoPolicy.RECEPTION_EVENT);
            }
        }
        return out;
    }

    private void kumo(List<String> out, String domain, String group, String source, Set<String> shown) {
        final Map<Reception, Set<String>> receptions = receptions(domain, group);
        if (policy.receptionVaries() != null) {
            out.add("  KumoMTA reception: the reception hook " + policy.receptionVaries() + ", so its "
                    + "answer may differ from message to message; shown for one received at "
                    + Instant.ofEpochSecond(clockMicros / 1_000_000L));
        }
        for (Map.Entry<Reception, Set<String>> received : receptions.entrySet()) {
            final Reception reception = received.getKey();
            final String events = String.join(" and ", received.getValue());
            if (reception.refused() || reception.discarded()) {
                out.add("  KumoMTA reception: " + events + " " + (reception.refused()
                        ? "refuses the message: " + reception.rejectCode() + " " + reception.rejectText()
                        : "sends the message to the queue \"null\", which discards it"));
                continue;
            }
            final QueueName name = reception.queue();
            final QueueConfig queue = policy.queueConfig(name.domain(), name.tenant(), name.campaign(),
                    name.routingDomain());
            if (receptions.size() > 1 || received.getValue().contains(LuaKumoPolicy.HTTP_EVENT)) {
                out.add("  KumoMTA reception: " + events + " puts the message in the queue " + reception.queueName());
            }
            out.add("  KumoMTA queue config, get_queue_config(\"" + name.domain() + "\", "
                    + (name.tenant() == null ? "no tenant" : "tenant \"" + name.tenant() + "\"")
                    + (name.campaign() == null ? "" : ", campaign \"" + name.campaign() + "\"")
                    + (name.routingDomain() == null ? "" : ", routing domain \"" + name.routingDomain() + "\"")
                    + ")");
            field(out, "egress_pool", queue.egressPool(), queue.originOf("egress_pool"));
            field(out, "retry_interval", Durations.format(queue.retryIntervalMicros()),
                    queue.originOf("retry_interval"));
            field(out, "max_retry_interval", queue.maxRetryIntervalMicros() == 0 ? "none"
                    : Durations.format(queue.maxRetryIntervalMicros()), queue.originOf("max_retry_interval"));
            field(out, "max_age", Durations.format(queue.maxAgeMicros()), queue.originOf("max_age"));
            field(out, "max_message_rate", rate(queue.maxMessageRate()), queue.originOf("max_message_rate"));
            final String route = reception.routeDomain();
            final String site = policy.siteName(route, queue);
            if (!site.equals(policy.siteName(domain))) {
                field(out, "site", site + (route.equals(domain) ? "" : name.routingDomain() != null
                        ? " (routing domain " + route + ")" : " (queue domain " + route + ")"),
                        "queue " + reception.queueName() + " from " + events);
            }
            if (queue.mxListSite() != null) {
                field(out, "protocol", "SMTP to a fixed host list: site " + site, queue.originOf("protocol"));
            }
            final EgressPool pool = policy.egressPool(queue.egressPool()).requireSources(policy.label(),
                    reception.queueName());
            final Map<List<String>, List<String>> sources = new LinkedHashMap<>();
            for (EgressPool.Entry entry : pool.entries()) {
                policy.egressSource(entry.name());
                if (source == null || source.equals(entry.name())) {
                    shown.add(entry.name());
                    sources.computeIfAbsent(path(route, entry.name(), site), unused -> new ArrayList<>())
                            .add("\"" + entry.name() + "\" (weight " + entry.weight() + ")");
                }
            }
            sources.forEach((fields, names) -> {
                out.add("  KumoMTA egress path config, pool \"" + pool.name() + "\", source"
                        + (names.size() > 1 ? "s " : " ") + String.join(", ", names));
                out.addAll(fields);
            });
        }
    }

    /** @return the egress path config of {@code source} to {@code site}, a line per field */
    private List<String> path(String domain, String source, String site) {
        final EgressPathConfig path = policy.egressPathConfig(domain, source, site);
        final List<String> out = new ArrayList<>();
        field(out, "connection_limit", String.valueOf(path.connectionLimit()), path.originOf("connection_limit"));
        field(out, "max_connection_rate", rate(path.maxConnectionRate()), path.originOf("max_connection_rate"));
        field(out, "max_message_rate", rate(path.maxMessageRate()), path.originOf("max_message_rate"));
        field(out, "max_deliveries_per_connection", String.valueOf(path.maxDeliveriesPerConnection()),
                path.originOf("max_deliveries_per_connection"));
        field(out, "max_ready", String.valueOf(path.maxReady()), path.originOf("max_ready"));
        field(out, "idle_timeout", Durations.format(path.idleTimeoutMicros()), path.originOf("idle_timeout"));
        if (!path.additionalConnectionLimits().isEmpty()) {
            field(out, "additional_connection_limits", sorted(path.additionalConnectionLimits()),
                    path.originOf("additional_connection_limits"));
        }
        if (!path.additionalMessageRateThrottles().isEmpty()) {
            field(out, "additional_message_rate_throttles", sorted(path.additionalMessageRateThrottles()),
                    path.originOf("additional_message_rate_throttles"));
        }
        if (path.providerName() != null) {
            field(out, "provider_name", path.providerName(), path.originOf("provider_name"));
        }
        return out;
    }

    private void momentum(List<String> out, String domain, String group, String source, Set<String> shown) {
        final Map<List<String>, List<String>> queues = new LinkedHashMap<>();
        for (String binding : bindings(group)) {
            if (source == null || source.equals(binding)) {
                shown.add(binding);
                queues.computeIfAbsent(momentumQueue(domain, group, binding), unused -> new ArrayList<>())
                        .add("\"" + binding + "\"");
            }
        }
        queues.forEach((fields, names) -> {
            out.add("  Momentum queue to " + domain + ", binding" + (names.size() > 1 ? "s " : " ")
                    + String.join(", ", names));
            out.addAll(fields);
        });
        if (bindings(group).isEmpty() && source == null) {
            out.add("  Momentum: " + scenario.momentumConfig().getFileName() + " declares no binding here");
        }
    }

    /** @return the options of one binding's queue to the domain, a line per option */
    private List<String> momentumQueue(String domain, String group, String binding) {
        final MomentumSettings s = MomentumSettings.resolve(resolver, group.isEmpty() ? null : group, binding,
                domain);
        final List<String> out = new ArrayList<>();
        field(out, "max_outbound_connections", s.maxOutboundConnections());
        throttle(out, "outbound_throttle_messages", s.outboundThrottleMessages());
        throttle(out, "outbound_throttle_connections", s.outboundThrottleConnections());
        final Setting<Integer> perConnection = s.maxDeliveriesPerConnection();
        field(out, "max_deliveries_per_connection", perConnection.value() == 0 ? "unlimited"
                : perConnection.value().toString(), perConnection.location());
        seconds(out, "retry_interval", s.retryIntervalSeconds());
        seconds(out, "max_retry_interval", s.maxRetryIntervalSeconds());
        seconds(out, "message_expiration", s.messageExpirationSeconds());
        final MaxRetries retries = s.maxRetries().value();
        field(out, "max_retries", retries.mode() == MaxRetries.Mode.COUNT ? String.valueOf(retries.count())
                : retries.mode().name().toLowerCase(Locale.ROOT), s.maxRetries().location());
        seconds(out, "idle_timeout", s.idleTimeoutSeconds());
        field(out, "connection_allocation_aggressiveness",
                s.connectionAllocationAggressiveness().value().name().toLowerCase(Locale.ROOT),
                s.connectionAllocationAggressiveness().location());
        field(out, "suspend_delivery", s.suspendDelivery());
        field(out, "mx_failures_to_delay", s.mxFailuresToDelay());
        seconds(out, "connect_timeout_to_delay", s.connectTimeoutToDelaySeconds());
        final SharedLimit scope = s.scopeMaxOutboundConnections();
        field(out, "scope_max_outbound_connections", scope == null ? "none" : scope.limit()
                + ", shared by the queues that fall back to its stanza", scope == null ? "not set" : scope.location());
        final SharedLimit server = s.serverMaxOutboundConnections();
        field(out, "server_max_outbound_connections", String.valueOf(server.limit()), server.location());
        field(out, "server_reserve_outbound_connections", s.serverReserveOutboundConnections());
        for (String host : mx.hostsOrImplicit(domain)) {
            for (QueueSettings.Cap cap : shaping.hostCaps(binding, host)) {
                field(out, "MX " + host, cap.limit() + (cap.key() instanceof List<?> key && "host".equals(key.get(0))
                        ? " connections from this binding" : " connections from all bindings"), cap.location());
            }
        }
        adaptive(out, domain, s);
        if (s.adaptiveEnabled().value()) {
            sweepRules(out, group.isEmpty() ? null : group, binding, domain);
        }
        return out;
    }

    /** Adaptive Delivery: whether it manages the queue, its bounds, and the domain's rules from the rules files. */
    private void adaptive(List<String> out, String domain, MomentumSettings s) {
        field(out, "adaptive_enabled", s.adaptiveEnabled());
        s.adaptiveBounds().forEach((option, range) -> field(out, "adaptive_" + option, "( " + range.value().low()
                + " " + range.value().high() + " )", range.location()));
        if (!s.adaptiveEnabled().value()) {
            return;
        }
        if (adaptiveRules == null) {
            adaptiveRules = ScenarioConfigs.adaptiveRules(scenario);
        }
        final AdaptiveRules.DomainRules rules = adaptiveRules.forDomain(domain);
        if (rules == null) {
            field(out, "adaptive rules", "none for " + domain, adaptiveRules.files().isEmpty()
                    ? "no [momentum] adaptive_rules file" : String.join(", ", adaptiveRules.files()));
            return;
        }
        for (ResponseRule rule : rules.responses()) {
            field(out, "adaptive rule \"" + rule.code() + "\"", (rule.count() <= 1 ? "every match"
                    : rule.count() + " matches in " + rule.windowSeconds() + " s") + ": " + rule.actions().stream()
                    .map(Object::toString).collect(Collectors.joining(", ")), rule.origin());
        }
        rules.configuration().forEach((option, entry) -> field(out, "adaptive configuration " + option,
                entry.forced() != null ? "forced to " + number(entry.forced())
                        : entry.range() != null ? "kept within " + number(entry.range().low()) + " to "
                        + number(entry.range().high()) : "computed by a function of the binding's age",
                entry.origin()));
    }

    /** Lists the bounce and FBL sweep rules Adaptive Delivery applies to the binding::domain. */
    private void sweepRules(List<String> out, String group, String binding, String domain) {
        final ResolvedOption enabled = resolver.resolve("adaptive_sweep_rule_enabled", group, binding, domain);
        field(out, "adaptive_sweep_rule_enabled", enabled.isDefined() ? String.valueOf(enabled.value()) : "1",
                enabled.location());
        for (SweepRules.Rule rule : SweepRules.resolve(resolver, group, binding, domain)) {
            final String what = rule.ignored() != null ? "ignored, as Momentum ignores it: " + rule.ignored()
                    : rule.codes() + " at " + number(rule.lowPercent()) + "%: " + rule.lowAction() + ", at "
                    + number(rule.highPercent()) + "%: " + rule.highAction() + (rule.bounceClasses().isEmpty()
                    ? " (FBL, not modelled: the log holds no FBL reports)" : "");
            field(out, "adaptive_sweep_rule \"" + rule.name() + "\"", what, rule.origin());
        }
    }

    private List<String> known(String domain, List<String> groups) {
        final Set<String> names = new LinkedHashSet<>();
        for (String group : groups) {
            try {
                for (Reception reception : receptions(domain, group).keySet()) {
                    if (reception.refused() || reception.discarded()) {
                        continue;
                    }
                    final QueueName name = reception.queue();
                    final QueueConfig queue = policy.queueConfig(name.domain(), name.tenant(), name.campaign(),
                            name.routingDomain());
                    policy.egressPool(queue.egressPool()).entries().forEach(entry -> names.add(entry.name()));
                }
            } catch (PolicyException e) {
                // the group's sources are unknown when the policy fails for it; its explanation says so
            }
            names.addAll(bindings(group));
        }
        return new ArrayList<>(names);
    }

    private static void throttle(List<String> out, String name, MomentumThrottle throttle) {
        if (throttle == null) {
            field(out, name, "unlimited", "not set, or set to 0");
            return;
        }
        field(out, name, throttle.count() + "/" + throttle.periodSeconds() + "s, one budget shared by the queues "
                + "that fall back to its stanza", throttle.location());
    }

    private static void seconds(List<String> out, String name, Setting<Long> setting) {
        field(out, name, setting.value() + " s (" + Durations.format(setting.value() * 1_000_000L) + ")",
                setting.location());
    }

    private static void field(List<String> out, String name, Setting<?> setting) {
        field(out, name, String.valueOf(setting.value()), setting.location());
    }

    private static void field(List<String> out, String name, String value, String origin) {
        out.add(INDENT + String.format("%-37s %s  [%s]", name, value, origin));
    }

    /** @return a whole number without a fraction, else as Java writes it */
    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String rate(ThrottleSpec spec) {
        return spec == null ? "none" : spec.toString();
    }

    /** @return the entries of a map, sorted by key, as {@code key=value} joined by commas */
    private static String sorted(Map<String, ?> map) {
        return new TreeMap<>(map).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
