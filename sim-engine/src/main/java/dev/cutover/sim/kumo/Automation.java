package dev.cutover.sim.kumo;

import dev.cutover.ingest.Attempt;
import dev.cutover.kumo.AutomationRule;
import dev.cutover.kumo.KumoPolicy;
import dev.cutover.kumo.QueueName;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Traffic Shaping Automation as the TSA daemon applies it to kumod's delivery records (kumomta.md §2.4, §3.7,
 * §3.8; {@code crates/tsa-daemon/src/*}, {@code assets/policy-extras/shaping.lua} in KumoCorp/kumomta):
 * <ul>
 *   <li>each transient or permanent failure's response, in its one-line form, is matched against the rules of the
 *   message's domain and site ({@link AutomationRule.Scoped}), in the order TSA gathers them;</li>
 *   <li>an {@code Immediate} rule fires on every match; a {@code Threshold="N/period"} rule fires once N matches
 *   for (rule, ready queue) fall within the rule's {@code duration} (TSA ignores the threshold's period);</li>
 *   <li>{@code Suspend} holds the ready queue (source and site) until the match time plus the duration;
 *   {@code SuspendTenant} and {@code SuspendCampaign} hold the scheduled queues of the domain and tenant (and
 *   campaign), and do nothing for a queue without a tenant; {@code Bounce}, {@code BounceTenant} and
 *   {@code BounceCampaign} bounce the domain's (tenant's, campaign's) messages as they are promoted or arrive;
 *   firing again replaces the entry, extending it;</li>
 *   <li>{@code SetConfig} and {@code SetDomainConfig} publish an egress path override for (recipient domain,
 *   source), rolled up to the site for rules from {@code default} or a site block ({@code SetDomainConfig} never),
 *   which the policy's shaping lookup merges last; the ready queues of that source and site then take their
 *   config again, and give it back when the override expires.</li>
 * </ul>
 * Suspensions and bounces take effect {@link KumoParameters#tsaActionDelayMicros} after the match (TSA sends them
 * in batches every few seconds), overrides {@link KumoParameters#tsaConfigDelayMicros} after it (kumod polls
 * TSA's file every 30 s and bumps its config epoch). kumod's own {@code KumoMTA internal} failures the model
 * makes (a suspended scheduled queue, no eligible source) reach the rules too ({@link #internalFailure}).
 */
final class Automation {
    private final KumoModel model;
    private final KumoPolicy policy;
    private final KumoParameters parameters;
    private final Map<List<Object>, ArrayDeque<Long>> matches = new HashMap<>();
    private final Map<String, Long> queueSuspensions = new HashMap<>();
    private final Map<String, Long> bounces = new HashMap<>();
    private final Map<List<Object>, Long> overrides = new HashMap<>();
    private final Map<String, Map<String, Long>> fired = new TreeMap<>();
    private final Map<String, Long> bouncedMessages = new TreeMap<>();

    Automation(KumoModel model, KumoPolicy policy, KumoParameters parameters) {
        this.model = model;
        this.policy = policy;
        this.parameters = parameters;
    }

    /** Feeds one failure response of {@code message} through {@code queue} to the rules. */
    void response(KumoMessage message, ReadyQueue queue, Attempt answer) {
        respond(message, queue, queue.site, queue.name, oneLine(answer));
    }

    /**
     * Feeds one of kumod's own transient failures to the rules: kumod logs it with no egress source, which TSA
     * counts as {@code unspecified}, and {@code site} (the scheduled queue's name, or empty), and publishes it like
     * any transient failure ({@code queue/queue.rs}, {@code tsa-daemon/src/http_server.rs}); only rules with
     * {@code match_internal} see it. Suspend and SetConfig then name a path no message takes, so they do nothing,
     * as in kumod.
     *
     * @param text the response text, {@code KumoMTA internal: ...}
     */
    void internalFailure(KumoMessage message, String site, String text) {
        respond(message, null, site, "unspecified->" + site, "451 4.4.4 " + text);
    }

    private void respond(KumoMessage message, ReadyQueue queue, String site, String scope, String line) {
        if (!parameters.tsa()) {
            return;
        }
        final String domain = message.record().recipientDomain();
        final List<AutomationRule.Scoped> rules = policy.automationRules(domain, site);
        if (rules.isEmpty()) {
            return;
        }
        final long now = model.now();
        for (AutomationRule.Scoped scoped : rules) {
            final AutomationRule rule = scoped.rule();
            if (rule.matches(line) && triggered(rule, scope, now)) {
                count(domain, rule.origin() + " (" + String.join(", ", rule.actions().stream().map(Automation::kind)
                        .toList()) + ")");
                for (Object action : rule.actions()) {
                    act(scoped, action, message, queue, now + rule.durationMicros());
                }
            }
        }
    }

    private static String oneLine(Attempt answer) {
        final String text = answer.responseText();
        final String code = String.valueOf(answer.responseCode());
        return answer.responseCode() == 0 || text.startsWith(code) ? text : code + " " + text;
    }

    private boolean triggered(AutomationRule rule, String scope, long now) {
        if (rule.threshold() == null) {
            return true;
        }
        final ArrayDeque<Long> times = matches.computeIfAbsent(List.of(rule, scope), k -> new ArrayDeque<>());
        times.addLast(now);
        while (!times.isEmpty() && times.peekFirst() <= now - rule.durationMicros()) {
            times.pollFirst();
        }
        return times.size() >= rule.threshold().limit();
    }

    private void act(AutomationRule.Scoped scoped, Object action, KumoMessage message, ReadyQueue queue,
                     long until) {
        final String domain = message.record().recipientDomain();
        final QueueName name = QueueName.parse(message.queue.name);
        final String kind = kind(action);
        final long effective = model.now() + parameters.tsaActionDelayMicros();
        switch (kind) {
            case "Suspend" -> {
                if (queue != null) {
                    model.at(effective, () -> queue.suspend(until));
                }
            }
            case "SuspendTenant", "SuspendCampaign" -> {
                if (name.tenant() != null) {
                    final String key = scope(domain, name, kind.equals("SuspendCampaign"));
                    model.at(effective, () -> queueSuspensions.put(key, until));
                }
            }
            case "Bounce", "BounceTenant", "BounceCampaign" -> {
                if (kind.equals("Bounce") || name.tenant() != null) {
                    final String key = kind.equals("Bounce") ? domain : scope(domain, name,
                            kind.equals("BounceCampaign"));
                    model.at(effective, () -> bounces.put(key, until));
                }
            }
            default -> {
                if (queue != null) {
                    override(scoped, (Map<?, ?>) ((Map<?, ?>) action).get(kind), kind, domain, queue, until);
                }
            }
        }
    }

    private void override(AutomationRule.Scoped scoped, Map<?, ?> setting, String kind, String domain,
                          ReadyQueue queue, long until) {
        final boolean rollup = kind.equals("SetConfig") && scoped.rollup();
        final String name = String.valueOf(setting.get("name"));
        final List<Object> key = List.of(domain, rollup, queue.source, name);
        final Object value = setting.get("value");
        final String origin = "TSA: " + scoped.rule().origin();
        model.at(model.now() + parameters.tsaConfigDelayMicros(), () -> {
            overrides.put(key, until);
            policy.tsaOverride(domain, rollup, queue.source, name, value, origin);
            model.refreshPaths(queue.source, queue.site);
            model.at(until + parameters.tsaConfigDelayMicros(), () -> expire(key, domain, rollup, queue, name));
        });
    }

    private void expire(List<Object> key, String domain, boolean rollup, ReadyQueue queue, String name) {
        final Long until = overrides.get(key);
        if (until != null && until <= model.now()) {
            overrides.remove(key);
            policy.tsaOverride(domain, rollup, queue.source, name, null, null);
            model.refreshPaths(queue.source, queue.site);
        }
    }

    private static String kind(Object action) {
        return action instanceof Map ? String.valueOf(((Map<?, ?>) action).keySet().iterator().next())
                : String.valueOf(action);
    }

    private static String scope(String domain, QueueName name, boolean campaign) {
        return domain + "|" + name.tenant() + (campaign ? "|" + name.campaign() : "");
    }

    private void count(String domain, String what) {
        fired.computeIfAbsent(domain, d -> new TreeMap<>()).merge(what, 1L, Long::sum);
    }

    /** @return true while TSA suspends the scheduled queue {@code queue} of messages to {@code domain} */
    boolean suspended(String domain, ScheduledQueue queue, long now) {
        return !queueSuspensions.isEmpty() && (held(queueSuspensions, scopeOf(domain, queue, false), now)
                || held(queueSuspensions, scopeOf(domain, queue, true), now));
    }

    /** @return true when no TSA suspension or bounce of a scheduled queue has been put in force */
    boolean idle() {
        return queueSuspensions.isEmpty() && bounces.isEmpty();
    }

    /** @return true while TSA bounces the messages of {@code queue} to {@code domain}; counts each one bounced */
    boolean bounced(String domain, ScheduledQueue queue, long now) {
        final boolean bounce = !bounces.isEmpty() && (held(bounces, domain, now)
                || held(bounces, scopeOf(domain, queue, false), now)
                || held(bounces, scopeOf(domain, queue, true), now));
        if (bounce) {
            bouncedMessages.merge(domain, 1L, Long::sum);
        }
        return bounce;
    }

    /** @return per domain, how many messages TSA's bounce actions bounced */
    Map<String, Long> bouncedMessages() {
        return bouncedMessages;
    }

    private static String scopeOf(String domain, ScheduledQueue queue, boolean campaign) {
        return scope(domain, QueueName.parse(queue.name), campaign);
    }

    private static boolean held(Map<String, Long> entries, String key, long now) {
        final Long until = entries.get(key);
        return until != null && now < until;
    }

    /** @return per domain, each rule (by where it was written, with its actions), how often it fired */
    Map<String, Map<String, Long>> fired() {
        return fired;
    }
}
