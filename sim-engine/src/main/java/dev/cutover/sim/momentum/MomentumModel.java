package dev.cutover.sim.momentum;

import dev.cutover.ingest.Attempt;
import dev.cutover.ingest.MessageRecord;
import dev.cutover.sim.CapacityReceiver;
import dev.cutover.sim.ConnectionGauge;
import dev.cutover.sim.Destinations;
import dev.cutover.sim.DomainMetrics;
import dev.cutover.sim.Engine;
import dev.cutover.sim.EngineMetrics;
import dev.cutover.sim.EventCalendar;
import dev.cutover.sim.LongMap;
import dev.cutover.sim.ReceiverParameters;
import dev.cutover.sim.RecordedReceiver;
import dev.cutover.sim.Step;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Momentum's outbound path as configured by the user's ecelerity.conf.
 *
 * <p>Implementer notes, with sources (momentum.md §3, support.sparkpost.com/momentum/4/…):
 * <ul>
 *   <li>Messages queue per (binding, routing domain), the binding being the one the reception line records
 *   (loam, ref-binding).</li>
 *   <li>{@code max_outbound_connections} applies to each (binding, domain) pair on its own; an
 *   {@code outbound_throttle_messages} budget is shared by every queue that falls back to the stanza defining it
 *   (ref-max-outbound-connections, ref-outbound-throttle-messages).</li>
 *   <li>A new connection also needs room under {@code scope_max_outbound_connections} and
 *   {@code server_max_outbound_connections}, each a cap shared by the queues falling back to the stanza that sets
 *   it (the server's cap set globally has {@code server_reserve_outbound_connections} on top), and a token of the
 *   {@code outbound_throttle_connections} budget, shared the same way; a queue that finds no room tries again
 *   when a connection closes or the next token is due (ref-scope-max-outbound-connections,
 *   ref-server-max-outbound-connections, ref-outbound-throttle-connections).</li>
 *   <li>After the k-th transient failure the message waits {@code retry_interval * 2^(k-1)}, capped by
 *   {@code max_retry_interval}, in the delayed queue; the maintainer moves it back on its next scan
 *   (ref-retry-interval, ref-max-retry-interval, ref-delayed-queue-scan-interval).</li>
 *   <li>A failing message is given up when its age has reached {@code message_expiration}, or when its retry
 *   count passes {@code max_retries}; {@code auto} allows the largest N with
 *   {@code retry_interval * (2^N - 1) <= message_expiration}, the reading the max_retries page's example implies
 *   (ref-max-retries, ref-message-expiration).</li>
 *   <li>{@code suspend_delivery = true} keeps a queue from opening connections; its messages wait
 *   (ref-suspend-delivery). The log's bindings are replayed as recorded, so the preference of a binding group for
 *   bindings that are not suspended is not modelled.</li>
 *   <li>Queues with {@code adaptive_enabled} are managed by Adaptive Delivery ({@link AdaptiveState}).</li>
 *   <li>When no MX of a domain can be contacted, Momentum moves all the domain's active messages to the delayed
 *   queue: after {@code mx_failures_to_delay} failed connections in a row, or once the failures in a row have
 *   lasted {@code connect_timeout_to_delay} (ref-mx-failures-to-delay, ref-connect-timeout-to-delay). The log
 *   writes a failed connection after Momentum tried the domain's MXs, so each counts as a failure of every MX; the
 *   run is the domain's, over all bindings, and a connection that opens ends it. Each swept message is deferred
 *   as by a transient failure. When the log shows its next attempt failing to connect too, the sweep stands for
 *   that failure, which is then used up: the log records the domain being unreachable once per message, and the
 *   replay must not give the same unreachability again to start the next run. A message the log delivered next is
 *   only delayed.</li>
 * </ul>
 * Host stanzas' connection caps are applied per MX host ({@link HostCaps}, {@link MomentumQueue}). Caveats: other
 * host options are not modelled (a run names each one, see {@link dev.cutover.sim.momentum.conf.HostStanzas}); the
 * reserve's rule that keeps low-volume domains from being starved is not documented beyond its being extra room,
 * and is modelled as that.
 */
public final class MomentumModel implements Engine {
    private final MomentumShaping shaping;
    private final MomentumParameters parameters;
    private final ReceiverParameters receivers;
    private final EngineMetrics metrics = new EngineMetrics("momentum");
    private final EventCalendar calendar = new EventCalendar(Long.MIN_VALUE);
    /** Replies, one SMTP round trip after their command, and connections opening, one connect time after. */
    private final EventCalendar.Lane replies;
    private final EventCalendar.Lane connecting;
    private final Map<String, Map<String, MomentumQueue>> queues = new HashMap<>();
    private final Map<Object, TokenBucket> budgets = new HashMap<>();
    private final Map<Object, TokenBucket> connectionBudgets = new HashMap<>();
    private final Map<Object, ConnectionCap> caps = new HashMap<>();
    /** Per routing domain, the caps of its MX hosts that its queues met, for the explanation. */
    private final Map<String, TreeSet<String>> hostCapsAt = new HashMap<>();
    private final Map<String, ConnectionGauge> domainGauges = new HashMap<>();
    private final Map<String, TreeSet<String>> bindingsByDomain = new TreeMap<>();
    private final Map<String, TreeSet<String>> bindingsByGroup = new TreeMap<>();
    private final Map<String, TreeSet<String>> domainsByDestination = new TreeMap<>();
    private final Destinations destinations;
    private CapacityReceiver receiver = CapacityReceiver.recorded();
    private AdaptiveDelivery adaptive;
    /** The delayed queue: messages by the scan that moves them back to their active queues. */
    private final LongMap<ArrayDeque<MomentumMessage>> delayed = new LongMap<>();
    /** Every queue of each routing domain, in the order they were made, for the domain-wide sweeps. */
    private final Map<String, List<MomentumQueue>> queuesByDomain = new HashMap<>();
    /** Each routing domain's failed connections in a row. */
    private final Map<String, FailureRun> failureRuns = new HashMap<>();
    /** Per recipient domain: the domain-wide sweeps that moved its messages, the messages, the triggers' settings. */
    private final Map<String, Long> sweeps = new TreeMap<>();
    private final Map<String, Long> sweptMessages = new TreeMap<>();
    private final Map<String, String> sweepTriggers = new TreeMap<>();
    /** The queues Adaptive Delivery manages, by recipient domain and binding, for the explanations. */
    private final Map<String, Managed> adaptiveStates = new TreeMap<>();

    /**
     * @param destinations which MX each routing domain's connections reach; connections are counted per
     *                     destination, summed over the domains and bindings that share it
     */
    public MomentumModel(MomentumShaping shaping, MomentumParameters parameters, ReceiverParameters receivers,
                         Destinations destinations) {
        this.shaping = shaping;
        this.parameters = parameters;
        this.receivers = receivers;
        this.replies = calendar.lane(receivers.smtpLatencyMicros());
        this.connecting = calendar.lane(receivers.connectLatencyMicros());
        this.destinations = destinations;
    }

    @Override
    public String name() {
        return metrics.engine();
    }

    @Override
    public void accept(MessageRecord record) {
        calendar.runUntil(record.receptionMicros());
        final DomainMetrics domainMetrics = metrics.domain(record.recipientDomain());
        domainMetrics.received(record.receptionMicros());
        final MomentumQueue queue = queue(record, domainMetrics);
        queue.enqueue(new MomentumMessage(record, domainMetrics, queue));
    }

    @Override
    public void finish(long horizonMicros) {
        calendar.drain(horizonMicros);
        metrics.domains().values().forEach(DomainMetrics::settleRemaining);
        domainsByDestination.forEach((destination, domains) -> explainSharedDestination(domains));
        adaptiveEvents().forEach(this::explainAdaptive);
        adaptiveStates.values().forEach(this::explainAdaptiveValues);
        sweeps.forEach((domain, count) -> appendExplanation(domain, "deferrals", "no MX contactable: "
                + count + (count == 1 ? " sweep" : " sweeps") + " moved " + sweptMessages.get(domain) + " active "
                + (sweptMessages.get(domain) == 1 ? "message" : "messages") + " to the delayed queue ("
                + sweepTriggers.get(domain) + ")"));
    }

    private void explainAdaptive(String domain, Map<String, Long> counts) {
        final Map<String, StringBuilder> byMetric = new TreeMap<>();
        counts.forEach((event, count) -> {
            final StringBuilder text = byMetric.computeIfAbsent(adaptive.metricOf(event), m -> new StringBuilder());
            text.append(text.length() == 0 ? "" : "; ").append(event).append(", ").append(count)
                    .append(count == 1 ? " time" : " times");
        });
        byMetric.forEach((metric, text) -> appendExplanation(domain, metric, "Adaptive Delivery: " + text));
    }

    private void explainAdaptiveValues(Managed managed) {
        final String change = managed.state().changes();
        if (!change.isEmpty()) {
            appendExplanation(managed.domain(), "connections", "Adaptive Delivery left " + managed.binding() + " with "
                    + change);
        }
    }

    /** A queue Adaptive Delivery manages, with the recipient domain and binding its explanation is for. */
    private record Managed(String domain, String binding, AdaptiveState state) {
    }

    private void appendExplanation(String domain, String metric, String text) {
        final String governing = metrics.governing(domain, metric);
        metrics.governedBy(domain, metric, (governing == null ? "" : governing + "; ") + text);
    }

    private void explainSharedDestination(TreeSet<String> domains) {
        metrics.noteShared(domains, "connections", "its MX hosts also serve",
                ", and connections are counted for them together");
    }

    @Override
    public EngineMetrics metrics() {
        return metrics;
    }

    /** @return the bindings the traffic used, by binding group, both sorted; complete after {@link #finish}. */
    public Map<String, TreeSet<String>> bindingsByGroup() {
        return Collections.unmodifiableMap(bindingsByGroup);
    }

    private MomentumQueue queue(MessageRecord record, DomainMetrics domainMetrics) {
        final Map<String, MomentumQueue> byDomain = queues.computeIfAbsent(record.binding(), b -> new HashMap<>());
        final MomentumQueue existing = byDomain.get(record.routingDomain());
        if (existing != null) {
            return existing;
        }
        final QueueSettings settings = shaping.settings(record.bindingGroup(), record.binding(),
                record.routingDomain());
        final String destination = destinations.of(record.routingDomain());
        final ConnectionGauge gauge = domainGauges.computeIfAbsent(destination, d -> new ConnectionGauge());
        domainsByDestination.computeIfAbsent(destination, d -> new TreeSet<>()).add(record.recipientDomain());
        final MomentumQueue created = new MomentumQueue(this, record.binding(), record.routingDomain(), destination,
                settings, budget(budgets, settings.messageThrottle()), budget(connectionBudgets,
                settings.connectionThrottle()),
                cap(settings.scopeCap()), cap(settings.serverCap()), gauge,
                routes(record.binding(), record.routingDomain()));
        byDomain.put(record.routingDomain(), created);
        queuesByDomain.computeIfAbsent(record.routingDomain(), d -> new ArrayList<>()).add(created);
        if (settings.adaptive() != null) {
            if (adaptive == null) {
                adaptive = AdaptiveDelivery.withoutRules(0);
            }
            created.adaptive = new AdaptiveState(this, created, adaptive, shaping.adaptiveModule());
            adaptiveStates.put(record.recipientDomain() + '\u0000' + record.binding() + '\u0000'
                    + record.routingDomain(),
                    new Managed(record.recipientDomain(), record.binding(), created.adaptive));
        }
        domainMetrics.attach(gauge);
        explain(record.recipientDomain(), record.binding(), settings, hostCapsAt.get(record.routingDomain()));
        bindingsByGroup.computeIfAbsent(record.bindingGroup(), g -> new TreeSet<>()).add(record.binding());
        return created;
    }

    private static TokenBucket budget(Map<Object, TokenBucket> budgets, QueueSettings.Throttle throttle) {
        if (throttle == null) {
            return null;
        }
        return budgets.computeIfAbsent(throttle.budgetKey(),
                k -> new TokenBucket(throttle.count(), throttle.periodSeconds()));
    }

    private ConnectionCap cap(QueueSettings.Cap cap) {
        return cap == null ? null : caps.computeIfAbsent(cap.key(), k -> new ConnectionCap(cap.limit()));
    }

    /** @return the domain's MX hosts with their caps for {@code binding}, best first; null when none is capped */
    private HostRoute[] routes(String binding, String domain) {
        final List<String> hosts = destinations.hosts(domain);
        final HostRoute[] routes = new HostRoute[hosts.size()];
        boolean capped = false;
        for (int i = 0; i < routes.length; i++) {
            final String host = hosts.get(i);
            final List<QueueSettings.Cap> hostCaps = shaping.hostCaps(binding, host);
            capped |= !hostCaps.isEmpty();
            routes[i] = new HostRoute(host, hostCaps.stream().map(this::cap).toArray(ConnectionCap[]::new));
            hostCaps.forEach(cap -> hostCapsAt.computeIfAbsent(domain, d -> new TreeSet<>()).add(host + " "
                    + cap.limit() + (cap.key() instanceof List<?> key && "host".equals(key.get(0))
                    ? " per binding" : " over all bindings") + " [" + cap.location() + "]"));
        }
        return capped ? routes : null;
    }

    /** A deferral; while Adaptive Delivery suspends the queue the retry waits for the suspension to end (SD-126). */
    /** A connection of {@code queue} opened: its domain's run of failed connections is over. */
    void contacted(MomentumQueue queue) {
        failureRuns.remove(queue.domain);
    }

    /**
     * A connection of {@code queue} failed before any SMTP exchange; when that makes the domain's run of failures
     * long enough, all the domain's active messages go to the delayed queue and a new run begins.
     */
    void connectionFailed(MomentumQueue queue) {
        final QueueSettings.DomainSweep sweep = queue.settings.domainSweep();
        if (sweep == null) {
            return;
        }
        final FailureRun run = failureRuns.computeIfAbsent(queue.domain, d -> new FailureRun(now()));
        run.failures++;
        if (!sweep.sweeps(run.failures, (now() - run.sinceMicros) / 1e6)) {
            return;
        }
        failureRuns.remove(queue.domain);
        final Set<String> touched = new TreeSet<>();
        for (MomentumQueue swept : queuesByDomain.get(queue.domain)) {
            for (MomentumMessage message = swept.active.poll(); message != null; message = swept.active.poll()) {
                touched.add(message.record().recipientDomain());
                sweptMessages.merge(message.record().recipientDomain(), 1L, Long::sum);
                if (connectionFails(message)) {
                    message.answered++;
                }
                transientFailure(message);
            }
        }
        for (String domain : touched) {
            sweeps.merge(domain, 1L, Long::sum);
            sweepTriggers.putIfAbsent(domain, "mx_failures_to_delay = " + sweep.mxFailures() + " ["
                    + sweep.mxFailuresAt() + "], connect_timeout_to_delay = " + sweep.connectTimeoutSeconds() + " s ["
                    + sweep.connectTimeoutAt() + "]");
        }
    }

    /** A routing domain's failed connections in a row: how many, since when. */
    private static final class FailureRun {
        final long sinceMicros;
        long failures;

        FailureRun(long sinceMicros) {
            this.sinceMicros = sinceMicros;
        }
    }

    void transientFailure(MomentumMessage message) {
        final AdaptiveState adaptive = message.queue.adaptive;
        retryLater(message, adaptive != null && adaptive.suspended() ? adaptive.releaseMicros() : Long.MIN_VALUE);
    }

    /**
     * A message met an Adaptive Delivery suspension: it is temp-failed once and waits in the delayed queue until
     * {@code releaseMicros}, unless its retry schedule brings it later.
     */
    void heldBySuspension(MomentumMessage message, long releaseMicros) {
        retryLater(message, releaseMicros);
    }

    /** A message Adaptive Delivery blackholed: discarded, never delivered, counted as failed. */
    void blackholed(MomentumMessage message) {
        message.metrics.bounced(now(), message.receptionMicros());
    }

    private void retryLater(MomentumMessage message, long notBeforeMicros) {
        message.metrics.transientFailure(now());
        message.retries++;
        final QueueSettings settings = message.queue.settings;
        if (retriesExhausted(settings, message.retries) || expired(settings, message)) {
            message.metrics.expired(now(), message.receptionMicros());
            return;
        }
        final long interval = message.queue.adaptive == null ? settings.retryIntervalSeconds()
                : message.queue.adaptive.retryIntervalSeconds();
        final long due = Math.max(notBeforeMicros,
                now() + retryDelaySeconds(interval, settings.maxRetryIntervalSeconds(), message.retries) * 1_000_000L);
        final long scan = nextScan(due);
        ArrayDeque<MomentumMessage> scanned = delayed.get(scan);
        if (scanned == null) {
            scanned = new ArrayDeque<>();
            delayed.put(scan, scanned);
            at(scan, () -> activate(scan));
        }
        scanned.add(message);
    }

    /** The maintainer's scan at {@code scan}: the messages due by then go back to their active queues, in order. */
    private void activate(long scan) {
        final ArrayDeque<MomentumMessage> due = delayed.remove(scan);
        for (MomentumMessage message = due.poll(); message != null; message = due.poll()) {
            message.queue.enqueue(message);
        }
    }

    private boolean expired(QueueSettings settings, MomentumMessage message) {
        return now() - message.receptionMicros() >= settings.messageExpirationSeconds() * 1_000_000L;
    }

    static boolean retriesExhausted(QueueSettings settings, int retries) {
        final int limit = settings.maxRetries() == QueueSettings.MAX_RETRIES_AUTO
                ? autoMaxRetries(settings) : settings.maxRetries();
        return limit >= 0 && retries > limit;
    }

    /** The largest N with {@code retry_interval * (2^N - 1) <= message_expiration}. */
    static int autoMaxRetries(QueueSettings settings) {
        int n = 0;
        final long expiration = settings.messageExpirationSeconds();
        while (n < 62 && settings.retryIntervalSeconds() * ((1L << (n + 1)) - 1) <= expiration) {
            n++;
        }
        return n;
    }

    /** {@code retry_interval * 2^(k-1)} after the k-th failure, capped by {@code max_retry_interval}. */
    static long retryDelaySeconds(QueueSettings settings, int failures) {
        return retryDelaySeconds(settings.retryIntervalSeconds(), settings.maxRetryIntervalSeconds(), failures);
    }

    private static long retryDelaySeconds(long retryInterval, long maxRetryInterval, int failures) {
        final double delay = retryInterval * Math.pow(2, Math.min(failures - 1, 62));
        return (long) Math.min(delay, maxRetryInterval);
    }

    private long nextScan(long dueMicros) {
        final long scan = parameters.delayedQueueScanMicros();
        return scan <= 0 ? dueMicros : Math.floorDiv(dueMicros + scan - 1, scan) * scan;
    }

    /** Gives the budget's next token to the session that has waited longest. */
    void serveWaiter(TokenBucket budget) {
        if (!budget.tryTake(now())) {
            at(budget.nextTokenMicros(now()), () -> serveWaiter(budget));
            return;
        }
        budget.nextWaiter().run();
        if (budget.hasWaiters()) {
            at(budget.nextTokenMicros(now()), () -> serveWaiter(budget));
        }
    }

    void delivered(MomentumMessage message) {
        message.metrics.delivered(now(), message.receptionMicros());
    }

    void bounced(MomentumMessage message) {
        message.metrics.bounced(now(), message.receptionMicros());
    }

    MomentumParameters parameters() {
        return parameters;
    }

    long now() {
        return calendar.now();
    }

    /** Answers an attempt; a deferral of the rate-sensitive receiver leaves the message's recorded answer. */
    Attempt answer(MomentumMessage message) {
        final Attempt answer = receiver.answer(recorded(message), message.answered, message.queue.destination,
                now());
        if (answer == null && message.repeatLastAnswer) {
            return RecordedReceiver.answer(message.record(), message.answers(), message.answers() - 1);
        }
        if (!receiver.lastDeferred()) {
            message.answered++;
        }
        return answer;
    }

    /** @return true when the log shows the message's next attempt failing before any SMTP exchange */
    boolean connectionFails(MomentumMessage message) {
        final Attempt next = recorded(message);
        return next != null && next.connectionFailure();
    }

    /** @return the log's answer to the message's next attempt, or null */
    private static Attempt recorded(MomentumMessage message) {
        return message.recordedAnswer(message.answered);
    }

    /** @return true when the queue's site would refuse it one more connection */
    boolean refuses(MomentumQueue queue) {
        return receiver.refuses(queue.destination, queue.domainGauge.current());
    }

    /** @return the site's deferral when it refuses the queue one more connection, or null */
    Attempt refusal(MomentumMessage message) {
        return receiver.refusal(recorded(message), message.answered, message.queue.destination, now(),
                message.queue.domainGauge.current());
    }

    /** Answers every attempt through {@code receiver} instead of the recorded answers alone. */
    public void receivedBy(CapacityReceiver receiver) {
        this.receiver = receiver;
    }

    /**
     * Applies {@code adaptive}'s rules to the queues ecelerity.conf enables Adaptive Delivery for; without this
     * they get no response rules and a seed of 0.
     */
    public void adaptWith(AdaptiveDelivery adaptive) {
        this.adaptive = adaptive;
    }

    /** @return how many (binding, domain) queues Adaptive Delivery managed */
    public int adaptiveQueues() {
        return adaptiveStates.size();
    }

    /** @return the adaptive module's timers from the configuration */
    public AdaptiveModule adaptiveModule() {
        return shaping.adaptiveModule();
    }

    /** @return what Adaptive Delivery did, by recipient domain; empty when it managed no queue */
    public Map<String, Map<String, Long>> adaptiveEvents() {
        return adaptive == null ? Map.of() : adaptive.events();
    }

    /** @return Adaptive Delivery's bounce sweeps over all binding::domains; none when it managed no queue */
    public AdaptiveDelivery.BounceSweeps bounceSweeps() {
        return adaptive == null ? new AdaptiveDelivery.BounceSweeps(0, 0, 0) : adaptive.bounceSweeps();
    }

    /** Runs {@code step} once the connection being opened now has opened, the receivers' connect time on. */
    void afterConnecting(Runnable step) {
        connecting.schedule(new Step(step));
    }

    /** Runs {@code step} once the command sent now has its reply, one SMTP round trip on. */
    void afterReply(Runnable step) {
        replies.schedule(new Step(step));
    }

    void at(long timeMicros, Runnable step) {
        calendar.schedule(new Step(step), timeMicros);
    }

    EventCalendar calendar() {
        return calendar;
    }

    private void explain(String domain, String binding, QueueSettings settings, TreeSet<String> hostCaps) {
        final TreeSet<String> bindings = bindingsByDomain.computeIfAbsent(domain, d -> new TreeSet<>());
        bindings.add(binding);
        metrics.governedBy(domain, "connections", String.format(
                "max_outbound_connections = %d per (binding, domain) [%s], %d binding(s) send to it, so up to %d"
                        + "%s; connections grow with the active queue (connection_allocation_aggressiveness %s)",
                settings.maxOutboundConnections(), settings.maxOutboundConnectionsAt(), bindings.size(),
                settings.maxOutboundConnections() * bindings.size(),
                sharedConnectionLimits(settings, settings.maxOutboundConnections() * bindings.size())
                        + (hostCaps == null ? "" : "; the best MX host with room takes each new connection, under "
                        + "the caps of its Host stanza: " + String.join(", ", hostCaps)),
                settings.highAggressiveness() ? "high" : "normal"));
        metrics.governedBy(domain, "delivered_per_minute", throttleText(settings) + (settings.deliverySuspended()
                ? "; suspend_delivery = true [" + settings.suspendDeliveryAt() + "]: no delivery is attempted" : "")
                + (settings.adaptive() == null ? "" : "; adaptive_enabled [" + settings.adaptive().enabledAt()
                + "]: Adaptive Delivery may change these options"));
        metrics.governedBy(domain, "deferrals", String.format(
                "retry_interval %d s doubling, capped at %d s, message_expiration %d s [%s]",
                settings.retryIntervalSeconds(), settings.maxRetryIntervalSeconds(),
                settings.messageExpirationSeconds(), settings.retryAt()));
    }

    /**
     * @param upTo the connections max_outbound_connections allows over the bindings
     * @return the shared caps and the connection throttle that also bound the domain's connections: the scope cap
     *         and the connection throttle when set, the server cap when it is below {@code upTo}
     */
    private static String sharedConnectionLimits(QueueSettings settings, long upTo) {
        final StringBuilder text = new StringBuilder();
        if (settings.scopeCap() != null) {
            text.append(", scope_max_outbound_connections = ").append(settings.scopeCap().limit())
                    .append(" shared by the queues that fall back to [").append(settings.scopeCap().location())
                    .append(']');
        }
        if (settings.serverCap() != null && settings.serverCap().limit() < upTo) {
            text.append(", server_max_outbound_connections allows ").append(settings.serverCap().limit())
                    .append(" [").append(settings.serverCap().location()).append(']');
        }
        final QueueSettings.Throttle throttle = settings.connectionThrottle();
        if (throttle != null) {
            text.append(", outbound_throttle_connections = ").append(trim(throttle.count())).append('/')
                    .append(trim(throttle.periodSeconds())).append(" s new connections [").append(throttle.location())
                    .append(']');
        }
        return text.toString();
    }

    private static String throttleText(QueueSettings settings) {
        final QueueSettings.Throttle throttle = settings.messageThrottle();
        if (throttle == null) {
            return "no outbound_throttle_messages; max_deliveries_per_connection = "
                    + settings.maxDeliveriesPerConnection() + " [" + settings.maxDeliveriesPerConnectionAt() + "]";
        }
        return String.format("outbound_throttle_messages = %s/%s s, one budget for every queue that falls back to [%s]",
                trim(throttle.count()), trim(throttle.periodSeconds()), throttle.location());
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
