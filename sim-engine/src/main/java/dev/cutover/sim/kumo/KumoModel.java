package dev.cutover.sim.kumo;

import dev.cutover.ingest.MessageRecord;
import dev.cutover.kumo.EgressPathConfig;
import dev.cutover.kumo.EgressPool;
import dev.cutover.kumo.Gcra;
import dev.cutover.kumo.KumoPolicy;
import dev.cutover.kumo.QueueConfig;
import dev.cutover.kumo.QueueName;
import dev.cutover.kumo.ReceivedMessage;
import dev.cutover.kumo.Reception;
import dev.cutover.kumo.ThrottleSpec;
import dev.cutover.ingest.Attempt;
import dev.cutover.sim.CapacityReceiver;
import dev.cutover.sim.ConnectionGauge;
import dev.cutover.sim.DomainMetrics;
import dev.cutover.sim.Engine;
import dev.cutover.sim.EngineMetrics;
import dev.cutover.sim.EventCalendar;
import dev.cutover.sim.ReceiverParameters;
import dev.cutover.sim.RecordedReceiver;
import dev.cutover.sim.Step;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * KumoMTA's delivery path as kumod runs it, configured by the user's policy through {@link KumoPolicy}.
 *
 * <p>Implementer notes, each rule with its source in KumoCorp/kumomta (kumomta.md §3):
 * <ul>
 *   <li>A message enters the scheduled queue {@code tenant@domain} and is promoted at once
 *   ({@code queue/queue.rs}); a policy with {@code smtp_server_message_received} names the queue through the
 *   message's meta instead ({@link Reception}), or refuses the message, which is then counted as refused and
 *   never queued ({@code smtp_server.rs}); a scheduled-queue {@code max_message_rate} re-delays it by exactly
 *   the throttle's retry-after, attempts unchanged.</li>
 *   <li>Promotion picks a source of the queue's egress pool by weighted round robin, skipping full ready queues;
 *   when every one is full the message is re-delayed by a uniform random 1 to 59 whole seconds, into the timer
 *   wheel like any delayed message ({@code egress_source.rs}, {@code queue/queue.rs} {@code force_into_delayed},
 *   {@code message.rs} {@code delay_with_jitter}).</li>
 *   <li>Ready queues are per (source, site), the site being the factored MX host list, so domains that share MX
 *   hosts share limits ({@code mailexchanger/src/lib.rs}); a queue config whose {@code protocol} sends SMTP to a
 *   fixed {@code mx_list} names its site {@code mx_list:<h1>,<h2>} instead, so domains routed to the same smart
 *   hosts share it; the queue's path config comes from the domain whose message created it
 *   ({@code ready_queue.rs}).</li>
 *   <li>After a transient failure with k earlier attempts the next try is {@code retry_interval * 2^k}, capped by
 *   {@code max_retry_interval}, plus a jitter uniform in [-m/2, m/2) with {@code m = min(retry_interval/20, 60 s)}
 *   in whole seconds; if the message's age plus the delay passes {@code max_age} it expires at that failure
 *   ({@code queue/config.rs} {@code delay_for_attempt}, {@code queue/queue.rs}).</li>
 *   <li>Delayed messages are popped by the timer wheel on its tick ({@link KumoParameters#timerWheelTickMicros}).</li>
 *   <li>Traffic Shaping Automation, when the policy publishes its logs to TSA, acts on the failures the receiver
 *   gives ({@link Automation}); a suspended ready queue is skipped at promotion, and with no other source a message
 *   fails inside kumod (attempts + 1, normal backoff), as one of a suspended scheduled queue does.</li>
 * </ul>
 * Every attempt replays the receiver's recorded answer: a 421 closes the connection, and an attempt that never
 * reached SMTP is a failed connection, counted toward {@code consecutive_connection_failures_before_delay}
 * ({@link Dispatcher}).
 */
public final class KumoModel implements Engine {
    private final KumoPolicy policy;
    private final KumoParameters parameters;
    private final ReceiverParameters receivers;
    private final long seed;
    private final EngineMetrics metrics = new EngineMetrics("kumomta");
    private final EventCalendar calendar = new EventCalendar(Long.MIN_VALUE);
    /** Replies, one SMTP round trip after their command, and connections opening, one connect time after. */
    private final EventCalendar.Lane replies;
    private final EventCalendar.Lane connecting;
    private final Map<String, Map<String, ScheduledQueue>> scheduledQueues = new HashMap<>();
    private final Map<String, ReadyQueue> readyQueues = new HashMap<>();
    private final Map<String, ConnectionGauge> siteGauges = new HashMap<>();
    private final Map<String, Gcra> sharedThrottles = new HashMap<>();
    private final Map<String, TreeSet<String>> domainsBySite = new TreeMap<>();
    static final String SMTP_EVENT = dev.cutover.kumo.LuaKumoPolicy.RECEPTION_EVENT;
    static final String HTTP_EVENT = dev.cutover.kumo.LuaKumoPolicy.HTTP_EVENT;
    /** Messages injected over HTTP, by domain, while the policy handles only the SMTP reception event. */
    private final Map<String, Long> unhookedHttp = new TreeMap<>();
    /** What the injector gives each binding's messages, by binding; the group is checked, a binding belongs to one. */
    private final Map<String, Injected> injectedByBinding = new HashMap<>();
    private final ConnectionLeases leases = new ConnectionLeases();
    private final Map<String, ScheduledQueue> queuesByName = new HashMap<>();
    private final Map<String, Map<String, Long>> refusals = new TreeMap<>();
    private final boolean receptionHook;
    private final Automation automation;
    private CapacityReceiver receiver = CapacityReceiver.recorded();

    public KumoModel(KumoPolicy policy, KumoParameters parameters, ReceiverParameters receivers, long seed) {
        this.policy = policy;
        this.parameters = parameters;
        this.receivers = receivers;
        this.replies = calendar.lane(receivers.smtpLatencyMicros());
        this.connecting = calendar.lane(receivers.connectLatencyMicros());
        this.seed = seed;
        this.receptionHook = policy.handlesReception();
        this.automation = new Automation(this, policy, parameters);
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
        final ScheduledQueue queue = receptionHook ? receivedQueue(record, domainMetrics) : scheduledQueue(record);
        if (queue != null) {
            queue.holds(domainMetrics);
            promote(new KumoMessage(record, queue, domainMetrics));
        }
    }

    /**
     * The queue {@code smtp_server_message_received} puts the message in, or null when the policy refused it
     * ({@code kumo.reject}) or sent it to the queue {@code null}, which kumod discards.
     */
    private ScheduledQueue receivedQueue(MessageRecord record, DomainMetrics domainMetrics) {
        final String domain = record.recipientDomain();
        final Injected injected = injected(record);
        final boolean viaHttp = parameters.viaHttp(record.protocol());
        if (viaHttp && !policy.handlesHttpInjection()) {
            unhookedHttp.merge(domain, 1L, Long::sum);
        }
        final Reception reception = policy.receive(new ReceivedMessage(record.senderDomain(), domain,
                record.routingDomain().equals(domain) ? null : record.routingDomain(), injected.tenant,
                injected.headers, viaHttp ? injected.httpMeta : injected.meta, viaHttp), record.receptionMicros());
        if (reception.refused() || reception.discarded()) {
            domainMetrics.refused();
            refusals.computeIfAbsent(domain, d -> new TreeMap<>()).merge((reception.refused() ? "refused by "
                    + "kumo.reject(" + reception.rejectCode() + ", \"" + reception.rejectText() + "\")"
                    : "discarded in the queue \"null\"") + " in " + (viaHttp ? HTTP_EVENT : SMTP_EVENT), 1L,
                    Long::sum);
            return null;
        }
        final ScheduledQueue known = queuesByName.get(reception.queueName());
        if (known != null) {
            return known;
        }
        final QueueName name = reception.queue();
        final QueueConfig config = policy.queueConfig(name.domain(), name.tenant(), name.campaign(),
                name.routingDomain());
        final EgressPool pool = policy.egressPool(config.egressPool()).requireSources(policy.label(),
                reception.queueName());
        explainQueue(domain, config);
        if (!reception.queueName().equals(new ReceivedMessage(record.senderDomain(), domain, null, tenant(record),
                Map.of()).unchanged().queueName())) {
            metrics.governedBy(domain, "deferrals", "queue " + reception.queueName() + " (named by "
                    + "smtp_server_message_received): " + metrics.governing(domain, "deferrals"));
        }
        final ScheduledQueue created = new ScheduledQueue(reception.queueName(), reception.routeDomain(), config,
                pool, seed);
        queuesByName.put(reception.queueName(), created);
        return created;
    }

    @Override
    public void finish(long horizonMicros) {
        calendar.drain(horizonMicros);
        metrics.domains().values().forEach(DomainMetrics::settleRemaining);
        domainsBySite.forEach(this::explainSharedSite);
        refusals.forEach(this::explainRefusals);
        automation.fired().forEach(this::explainAutomation);
    }

    @Override
    public EngineMetrics metrics() {
        return metrics;
    }

    private ScheduledQueue scheduledQueue(MessageRecord record) {
        final String tenant = tenant(record);
        final Map<String, ScheduledQueue> byDomain = scheduledQueues.computeIfAbsent(tenant == null ? "" : tenant,
                t -> new HashMap<>());
        final ScheduledQueue queue = byDomain.get(record.recipientDomain());
        if (queue != null) {
            return queue;
        }
        final String domain = record.recipientDomain();
        final ScheduledQueue created = newScheduledQueue(tenant == null ? domain : tenant + "@" + domain, record,
                tenant);
        byDomain.put(domain, created);
        return created;
    }

    private ScheduledQueue newScheduledQueue(String name, MessageRecord record, String tenant) {
        final String domain = record.recipientDomain();
        final String routing = record.routingDomain().equals(domain) ? null : record.routingDomain();
        final QueueConfig config = policy.queueConfig(domain, tenant, null, routing);
        final EgressPool pool = policy.egressPool(config.egressPool()).requireSources(policy.label(), name);
        explainQueue(domain, config);
        return new ScheduledQueue(name, record.routingDomain(), config, pool, seed);
    }

    /** @return what the injector gives a message of the record's binding group and binding, made once for each */
    private Injected injected(MessageRecord record) {
        final String group = record.bindingGroup();
        final String binding = record.binding();
        Injected known = injectedByBinding.get(binding);
        if (known == null || !known.group.equals(group)) {
            known = new Injected(group, tenant(record), ReceivedMessage.fixed(parameters.headers(group, binding)),
                    ReceivedMessage.fixed(KumoParameters.meta(group, binding)),
                    ReceivedMessage.fixed(parameters.httpMeta(group, binding)));
            injectedByBinding.put(binding, known);
        }
        return known;
    }

    /** The tenant, headers and meta (over SMTP, over HTTP) the injector gives one binding group and binding. */
    private record Injected(String group, String tenant, Map<String, String> headers, Map<String, String> meta,
            Map<String, String> httpMeta) {
    }

    private String tenant(MessageRecord record) {
        return parameters.tenant(record.bindingGroup(), record.binding());
    }

    /** @return true when every eligible ready queue was full, so the message went back to the timer wheel */
    private boolean promote(KumoMessage message) {
        final ScheduledQueue queue = message.queue;
        final long now = now();
        // Without a TSA bounce or suspension in force, the message's record need not be read.
        if (!automation.idle() && automation.bounced(message.record().recipientDomain(), queue, now)) {
            bounced(message);
            return false;
        }
        if (!automation.idle() && automation.suspended(message.record().recipientDomain(), queue, now)) {
            automation.internalFailure(message, queue.name, "KumoMTA internal: scheduled queue is suspended: TSA");
            transientFailure(message);
            return false;
        }
        final long wait = queue.messageRate == null ? 0 : queue.messageRate.acquire(now);
        if (wait > 0) {
            throttled(message, wait);
            return false;
        }
        boolean eligible = false;
        final int first = queue.nextSource();
        final int sources = queue.sources();
        for (int i = 0; i < sources; i++) {
            final ReadyQueue ready = readyQueue(queue, (first + i) % sources, message);
            if (ready.isSuspended(now)) {
                continue;
            }
            eligible = true;
            if (!ready.isFull()) {
                if (!message.metrics.siteNoted()) {
                    noteSite(message, ready);
                }
                ready.insert(message);
                return false;
            }
        }
        if (!eligible) {
            automation.internalFailure(message, "", "KumoMTA internal: no sources for " + queue.name + " pool=`"
                    + queue.pool.name() + "` are eligible for selection at this time");
            transientFailure(message);
            return false;
        }
        message.metrics.throttleDelay();
        scheduleDue(message, now() + requeueDelayMicros(queue.random));
        return true;
    }

    /**
     * kumod's {@code delay_with_jitter(60)}: whole seconds below the limit, drawn again while they come to 0, since
     * a due time that is not in the future is not delayed ({@code force_into_delayed}).
     */
    private long requeueDelayMicros(SplittableRandom random) {
        return requeueDelaySeconds(random) * 1_000_000L;
    }

    /**
     * Draws by scaling 32 random bits to the range, which needs no division: uniform within one part in 10^7 for a
     * range of 59 seconds, as kumod scales a random float.
     */
    private long requeueDelaySeconds(SplittableRandom random) {
        return requeueDelaySeconds(random, requeueLimitSeconds());
    }

    /** @param limitSeconds {@link #requeueLimitSeconds()}, which a caller drawing many times takes once */
    private static long requeueDelaySeconds(SplittableRandom random, long limitSeconds) {
        return limitSeconds <= 1 ? 1 : 1 + ((random.nextInt() & 0xFFFF_FFFFL) * (limitSeconds - 1) >>> 32);
    }

    private long requeueLimitSeconds() {
        return parameters.maxRequeueJitterMicros() / 1_000_000L;
    }

    private ReadyQueue readyQueue(ScheduledQueue queue, int sourceIndex, KumoMessage message) {
        final ReadyQueue known = queue.readyQueues[sourceIndex];
        if (known != null) {
            return known;
        }
        final ReadyQueue resolved = readyQueue(queue.pool.entries().get(sourceIndex).name(), message);
        queue.readyQueues[sourceIndex] = resolved;
        return resolved;
    }

    private ReadyQueue readyQueue(String source, KumoMessage message) {
        final String site = policy.siteName(message.queue.domain, message.queue.config);
        final String key = source + "->" + site;
        final ReadyQueue existing = readyQueues.get(key);
        if (existing != null) {
            return existing;
        }
        policy.egressSource(source);
        final EgressPathConfig config = policy.egressPathConfig(message.queue.domain, source, site);
        final ConnectionGauge gauge = siteGauges.computeIfAbsent(site, s -> new ConnectionGauge());
        final ReadyQueue created = new ReadyQueue(this, source, site, message.queue.domain, config, gauge);
        readyQueues.put(key, created);
        return created;
    }

    private void noteSite(KumoMessage message, ReadyQueue queue) {
        final String domain = message.record().recipientDomain();
        message.metrics.siteNoted(true);
        if (metrics.site(domain) != null) {
            return;
        }
        message.metrics.attach(queue.siteGauge);
        metrics.site(domain, queue.site);
        domainsBySite.computeIfAbsent(queue.site, s -> new TreeSet<>()).add(domain);
        explainPath(domain, queue);
    }

    /** @return what the replay shows the policy would get wrong in production ({@link KumoFindings}); call after */
    public List<String> findings() {
        return KumoFindings.of(policy, readyQueues.values(), domainsBySite, unhookedHttp);
    }

    /** Sends a message a suspended ready queue gave back through promotion again. */
    void repromote(KumoMessage message) {
        promote(message);
    }

    /** Re-resolves the path config of the ready queues of {@code source} to {@code site}, after a TSA override. */
    void refreshPaths(String source, String site) {
        readyQueues.values().stream().filter(q -> q.source.equals(source) && q.site.equals(site)).sorted(
                Comparator.comparing(q -> q.name)).forEach(q -> q.reconfigure(policy.egressPathConfig(
                        q.domain, source, site)));
    }

    /** Answers an attempt; a deferral of the rate-sensitive receiver leaves the message's recorded answer. */
    Attempt answer(KumoMessage message, ReadyQueue queue) {
        final Attempt answer = receiver.answer(recorded(message), message.answered, queue.site, now());
        if (!receiver.lastDeferred()) {
            message.answered++;
        }
        return answer;
    }

    /** @return true when the log shows the message's next attempt failing before any SMTP exchange */
    boolean connectionFails(KumoMessage message) {
        final Attempt next = recorded(message);
        return next != null && next.connectionFailure();
    }

    /** @return the log's answer to the message's next attempt, or null */
    private static Attempt recorded(KumoMessage message) {
        return message.recordedAnswer(message.answered);
    }

    /** @return the site's deferral when it refuses {@code queue} one more connection, or null */
    Attempt refusal(KumoMessage message, ReadyQueue queue) {
        return receiver.refusal(recorded(message), message.answered, queue.site, now(), queue.siteGauge.current());
    }

    /** Answers every attempt through {@code receiver} instead of the recorded answers alone. */
    public void receivedBy(CapacityReceiver receiver) {
        this.receiver = receiver;
    }

    Automation automation() {
        return automation;
    }

    /** Counts a message held on an open connection by a rate limit, once per hold. */
    void heldOnConnection(KumoMessage message) {
        if (!message.heldOnConnection) {
            message.heldOnConnection = true;
            message.metrics.throttleDelay();
        }
    }

    /** Holds a message back for {@code delayMicros} without counting an attempt (a local throttle). */
    void throttled(KumoMessage message, long delayMicros) {
        message.heldOnConnection = false;
        message.metrics.throttleDelay();
        final long due = now() + delayMicros;
        if (due >= message.receptionMicros() + message.queue.config.maxAgeMicros()) {
            expire(message);
            return;
        }
        scheduleDue(message, due);
    }

    void transientFailure(KumoMessage message) {
        message.metrics.transientFailure(now());
        final QueueConfig config = message.queue.config;
        final long delay = retryDelayMicros(config, message.attempts);
        final long age = now() - message.receptionMicros();
        if (age + delay > config.maxAgeMicros()) {
            expire(message);
            return;
        }
        message.attempts++;
        scheduleDue(message, now() + delay + jitterMicros(config, message.queue.random));
    }

    /** {@code retry_interval * 2^attempts}, capped by {@code max_retry_interval} when set. */
    static long retryDelayMicros(QueueConfig config, int attempts) {
        final double delay = config.retryIntervalMicros() * Math.pow(2, Math.min(attempts, 62));
        final double capped = config.maxRetryIntervalMicros() > 0
                ? Math.min(delay, config.maxRetryIntervalMicros()) : delay;
        return (long) Math.min(capped, Long.MAX_VALUE / 4);
    }

    private static long jitterMicros(QueueConfig config, SplittableRandom random) {
        final long spanSeconds = Math.min(config.retryIntervalMicros() / 20, 60_000_000L) / 1_000_000L;
        if (spanSeconds == 0) {
            return 0;
        }
        return (random.nextLong(spanSeconds) - spanSeconds / 2) * 1_000_000L;
    }

    /** Puts a message in its scheduled queue's timer wheel, to be promoted on the first tick at or after its due. */
    private void scheduleDue(KumoMessage message, long dueMicros) {
        final long tick = parameters.timerWheelTickMicros();
        final long popped = Math.max(now(), tick <= 0 ? dueMicros : Math.floorDiv(dueMicros + tick - 1, tick) * tick);
        wheelSlot(message.queue, popped).add(message);
    }

    /** @return the messages {@code queue}'s timer wheel pops at {@code popped}, a tick the wheel then has */
    private ArrayDeque<KumoMessage> wheelSlot(ScheduledQueue queue, long popped) {
        ArrayDeque<KumoMessage> slot = queue.wheel.get(popped);
        if (slot == null) {
            slot = queue.spareSlot();
            queue.wheel.put(popped, slot);
            at(popped, () -> pop(queue, popped));
        }
        return slot;
    }

    /**
     * Promotes the messages of one tick of a queue's timer wheel, in the order they were delayed.
     *
     * <p>Once one of them found every ready queue full, so will the rest of the tick when nothing else can turn
     * them away first (no scheduled-queue rate, no TSA suspension or bounce in force): a failed promotion frees no
     * ready-queue room and nothing else runs in between. Those are re-delayed as promotion would, in the same order
     * and from the same random stream, without the per-message checks.
     */
    private void pop(ScheduledQueue queue, long tick) {
        final ArrayDeque<KumoMessage> due = queue.wheel.remove(tick);
        for (KumoMessage message = due.poll(); message != null; message = due.poll()) {
            if (promote(message) && queue.messageRate == null && automation.idle()) {
                requeueFull(queue, due);
            }
        }
        queue.spare(due);
    }

    /** Re-delays every message of {@code due}, all of whose ready queues are full, as {@link #promote} would. */
    private void requeueFull(ScheduledQueue queue, ArrayDeque<KumoMessage> due) {
        final DomainMetrics sole = queue.soleMetrics();
        if (sole != null) {
            sole.throttleDelays(due.size());
        }
        queue.skipSources(due.size());
        final long now = now();
        final long tick = parameters.timerWheelTickMicros();
        // Each whole-second delay's wheel slot, and each tick's, found once for the whole tick's messages.
        final ArrayDeque<?>[] bySecond = new ArrayDeque<?>[(int) Math.max(requeueLimitSeconds(), 1) + 1];
        final ArrayDeque<?>[] byTick = new ArrayDeque<?>[tick <= 0 ? 0
                : (int) (parameters.maxRequeueJitterMicros() / tick) + 2];
        final long firstTick = tick <= 0 ? 0 : Math.floorDiv(now + tick - 1, tick) * tick;
        final long limitSeconds = requeueLimitSeconds();
        // Taken as plain references: a cast to KumoMessage would read every message's header, a cache miss each
        // on a backlog of thousands, where moving the reference reads nothing of the message.
        @SuppressWarnings("unchecked")
        final ArrayDeque<Object> messages = (ArrayDeque<Object>) (ArrayDeque<?>) due;
        for (Object message = messages.poll(); message != null; message = messages.poll()) {
            if (sole == null) {
                ((KumoMessage) message).metrics.throttleDelay();
            }
            final int seconds = (int) requeueDelaySeconds(queue.random, limitSeconds);
            if (bySecond[seconds] == null) {
                final long dueMicros = now + seconds * 1_000_000L;
                final long popped = tick <= 0 ? dueMicros : Math.floorDiv(dueMicros + tick - 1, tick) * tick;
                final int index = tick <= 0 ? -1 : (int) ((popped - firstTick) / tick);
                if (index < 0 || index >= byTick.length) {
                    bySecond[seconds] = wheelSlot(queue, popped);
                } else {
                    if (byTick[index] == null) {
                        byTick[index] = wheelSlot(queue, popped);
                    }
                    bySecond[seconds] = byTick[index];
                }
            }
            @SuppressWarnings("unchecked")
            final ArrayDeque<Object> slot = (ArrayDeque<Object>) bySecond[seconds];
            slot.add(message);
        }
    }

    void delivered(KumoMessage message) {
        message.metrics.delivered(now(), message.receptionMicros());
    }

    void bounced(KumoMessage message) {
        message.metrics.bounced(now(), message.receptionMicros());
    }

    void unresolved(KumoMessage message) {
        message.metrics.unresolved();
    }

    private void expire(KumoMessage message) {
        message.metrics.expired(now(), message.receptionMicros());
    }

    Gcra sharedThrottle(String key, ThrottleSpec spec) {
        return sharedThrottles.computeIfAbsent(key + ":" + spec, k -> new Gcra(spec));
    }

    ConnectionLeases leases() {
        return leases;
    }

    long now() {
        return calendar.now();
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

    private void explainQueue(String domain, QueueConfig config) {
        metrics.governedBy(domain, "deferrals", String.format(
                "retry_interval %s doubling per attempt%s, max_age %s (%s)",
                KumoExplain.duration(config.retryIntervalMicros()),
                config.maxRetryIntervalMicros() > 0
                        ? ", capped at " + KumoExplain.duration(config.maxRetryIntervalMicros()) : "",
                KumoExplain.duration(config.maxAgeMicros()), config.originOf("retry_interval")));
    }

    private void explainPath(String domain, ReadyQueue queue) {
        metrics.governedBy(domain, "connections", KumoExplain.connections(queue));
        metrics.governedBy(domain, "delivered_per_minute", KumoExplain.messageRate(queue));
    }

    private void explainAutomation(String domain, Map<String, Long> counts) {
        final StringBuilder text = new StringBuilder();
        counts.forEach((rule, count) -> text.append(text.length() == 0 ? "" : ", ").append(rule).append(" fired ")
                .append(count).append(count == 1 ? " time" : " times"));
        final Long bounced = automation.bouncedMessages().get(domain);
        if (bounced != null) {
            text.append("; its bounce actions bounced ").append(bounced)
                    .append(bounced == 1 ? " message" : " messages");
        }
        final String governing = metrics.governing(domain, "delivered_per_minute");
        metrics.governedBy(domain, "delivered_per_minute", (governing == null ? "" : governing + "; ") + "TSA: "
                + text);
    }

    private void explainRefusals(String domain, Map<String, Long> counts) {
        final StringBuilder text = new StringBuilder();
        counts.forEach((what, count) -> text.append(text.length() == 0 ? "" : ", ").append(count)
                .append(count == 1 ? " message " : " messages ").append(what));
        final String governing = metrics.governing(domain, "delivered_per_minute");
        metrics.governedBy(domain, "delivered_per_minute", (governing == null ? "" : governing + "; ")
                + "at reception, " + text + ", never queued");
    }

    private void explainSharedSite(String site, TreeSet<String> domains) {
        metrics.noteShared(domains, "connections", "site " + site + " is shared by",
                ", so these limits cover all of them together");
    }
}
