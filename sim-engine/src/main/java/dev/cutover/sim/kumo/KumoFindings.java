package dev.cutover.sim.kumo;

import dev.cutover.kumo.EgressPathConfig;
import dev.cutover.kumo.KumoPolicy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** What a replay through the KumoMTA model shows the policy would get wrong in production, for the lint. */
final class KumoFindings {

    private KumoFindings() {
    }

    /** @return {@link #unappliedPaths} and then {@link #unhookedHttp} */
    static List<String> of(KumoPolicy policy, Collection<ReadyQueue> readyQueues,
                           Map<String, TreeSet<String>> domainsBySite, Map<String, Long> unhookedHttp) {
        final List<String> findings = new ArrayList<>(unappliedPaths(policy, readyQueues, domainsBySite));
        findings.addAll(unhookedHttp(policy.label(), unhookedHttp));
        return findings;
    }

    /**
     * Domains that share a site share its ready queues, and kumod configures a ready queue from whichever scheduled
     * queue created it (kumomta.md §8, on mx_rollup): a policy whose get_egress_path_config answers one of the
     * domains differently from the one that came first has that answer never applied.
     *
     * @return for each such domain and site, the settings of its own that never applied; call after the replay
     */
    static List<String> unappliedPaths(KumoPolicy policy, Collection<ReadyQueue> readyQueues,
                                       Map<String, TreeSet<String>> domainsBySite) {
        final List<String> findings = new ArrayList<>();
        final Set<String> said = new HashSet<>();
        readyQueues.stream().sorted(Comparator.comparing(q -> q.name)).forEach(queue -> {
            for (String domain : domainsBySite.getOrDefault(queue.site, new TreeSet<>())) {
                if (domain.equals(queue.domain) || !said.add(domain + "\u0000" + queue.site)) {
                    continue;
                }
                final List<String> differ = differences(queue.config,
                        policy.egressPathConfig(domain, queue.source, queue.site));
                if (!differ.isEmpty()) {
                    findings.add(policy.label() + ": get_egress_path_config answers " + domain + " differently from "
                            + queue.domain + " (" + String.join(", ", differ) + "), but both send to the site "
                            + queue.site + ", whose ready queue kumod configures from the domain that reached it "
                            + "first, " + queue.domain + ", so " + domain + "'s settings never apply");
                }
            }
        });
        return findings;
    }

    /**
     * @return a finding when messages injected over HTTP met a policy that handles only smtp_server_message_received:
     *         kumod queues them without whatever that hook decides (tenant, campaign, refusals)
     */
    static List<String> unhookedHttp(String label, Map<String, Long> unhookedHttp) {
        if (unhookedHttp.isEmpty()) {
            return List.of();
        }
        final long total = unhookedHttp.values().stream().mapToLong(Long::longValue).sum();
        return List.of(label + ": " + total + " message(s) Momentum received through its REST API ("
                + String.join(", ", unhookedHttp.entrySet().stream().limit(5)
                        .map(e -> e.getKey() + " " + e.getValue()).toList())
                + (unhookedHttp.size() > 5 ? ", ..." : "") + ") reach kumod's HTTP injector, and the policy has no "
                + KumoModel.HTTP_EVENT + ", so nothing its " + KumoModel.SMTP_EVENT + " decides (tenant, campaign, "
                + "refusals) applies to them; [kumomta] rest_injections = \"smtp\" replays them through the SMTP hook "
                + "instead");
    }

    /** @return the shaping settings of {@code other} that differ from {@code used}, as {@code field b instead of a} */
    private static List<String> differences(EgressPathConfig used, EgressPathConfig other) {
        final List<String> out = new ArrayList<>();
        compare(out, "connection_limit", used.connectionLimit(), other.connectionLimit());
        compare(out, "max_message_rate", used.maxMessageRate(), other.maxMessageRate());
        compare(out, "max_connection_rate", used.maxConnectionRate(), other.maxConnectionRate());
        compare(out, "max_deliveries_per_connection", used.maxDeliveriesPerConnection(),
                other.maxDeliveriesPerConnection());
        compare(out, "additional_connection_limits", used.additionalConnectionLimits(),
                other.additionalConnectionLimits());
        compare(out, "additional_message_rate_throttles", used.additionalMessageRateThrottles(),
                other.additionalMessageRateThrottles());
        compare(out, "max_ready", used.maxReady(), other.maxReady());
        compare(out, "idle_timeout", used.idleTimeoutMicros() / 1e6 + "s", other.idleTimeoutMicros() / 1e6 + "s");
        return out;
    }

    private static void compare(List<String> out, String field, Object used, Object other) {
        if (!Objects.equals(used, other)) {
            out.add(field + " " + shown(other) + " instead of " + shown(used));
        }
    }

    private static String shown(Object value) {
        return value == null ? "none" : String.valueOf(value);
    }
}
