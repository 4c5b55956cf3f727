package dev.cutover.ingest;

import dev.cutover.ingest.ParsedLine.AttemptLine;
import dev.cutover.ingest.ParsedLine.Reception;

import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Joins each R line with the later D, T, P and X lines of the same message and hands the joined
 * {@link MessageRecord}s downstream in reception order. Momentum logs one R line and at most one final
 * line (D, X or P) per recipient, keyed by a message id that is unique per node
 * (support.sparkpost.com/momentum/4/log-formats-mainlog).
 *
 * <p>Example: R(a) at t=0, R(b) at t=1, D(b) at t=2, D(a) at t=9. Message b is final at t=2 but waits
 * until a is final at t=9; then a and b are emitted, in that order.
 *
 * <p>Stragglers: a joiner given a {@link LateSink} does not let one slow message hold back all the rest. A message
 * still open {@code stragglerAfterMicros} behind the newest line (a deferral retried for hours, say) steps out of
 * the reception order: the messages behind it are emitted without it, and when it finishes (or ages out) it goes
 * to the late sink with its sequence number, where a reader merges it back by (reception time, sequence). Memory
 * then grows with the messages in flight, not with how long the slowest one takes.
 *
 * <p>Rules: receptions are ordered by (time, arrival sequence), so equal times keep log order. An attempt
 * line whose message is not open (never received in the window, already final, or already emitted) is an
 * {@link RejectReason#ORPHAN_ATTEMPT}; a second R line for an open message is a
 * {@link RejectReason#DUPLICATE_RECEPTION}; a line with an empty domain is a {@link RejectReason#MISSING_DOMAIN}, one
 * whose domain holds a character no domain can a {@link RejectReason#BAD_DOMAIN}.
 * The routing domain is the domain of the last attempt line.
 *
 * <p>Bouncelog: a B or T line of the bouncelog sets the bounce class of the P or T attempt of the same message
 * logged within {@link #BOUNCE_MATCH_MICROS} of it (the nearest one still without a class). Bounce lines are
 * merged {@link #BOUNCE_LAG_MICROS} behind the mainlog lines of their time, and a joiner for logs with a
 * bouncelog keeps a finished message {@code finalGraceMicros} after its final line before emitting it, so the
 * attempt is there when the bounce line comes and the message is still open. An out-of-band bounce (stage 21)
 * arrives after delivery; it is counted, not joined.
 *
 * <p>Note: a message that stays open longer than {@code maxMessageAgeMicros} behind the newest line seen
 * is emitted as {@link Completeness#NO_FINAL_OUTCOME} so it cannot hold back the rest of the log; a final
 * line arriving for it later is then an orphan. The default age is Momentum's shipped
 * {@code message_expiration} (7 days) plus one day.
 */
public final class ReceptionOrderJoiner {
    /** Default for {@code maxMessageAgeMicros}: 8 days. */
    public static final long DEFAULT_MAX_MESSAGE_AGE_MICROS = 8L * 86_400L * MainlogNumbers.MICROS_PER_SECOND;
    /** How far apart a bouncelog line and the mainlog attempt it classifies may be logged. */
    public static final long BOUNCE_MATCH_MICROS = MainlogNumbers.MICROS_PER_SECOND;
    /** How far behind the mainlog lines of their time bouncelog lines are merged. */
    public static final long BOUNCE_LAG_MICROS = MainlogNumbers.MICROS_PER_SECOND;
    /** How long a finished message waits for its bouncelog line when a bouncelog is read. */
    public static final long BOUNCE_GRACE_MICROS = 3 * MainlogNumbers.MICROS_PER_SECOND;
    /** How far behind the newest line an open message becomes a straggler, by default: ten minutes. */
    public static final long DEFAULT_STRAGGLER_AFTER_MICROS = 600 * MainlogNumbers.MICROS_PER_SECOND;

    /** Receives joined messages, each with its sequence number: in reception order, or the stragglers. */
    @FunctionalInterface
    interface LateSink {
        void accept(long sequence, MessageRecord message);
    }

    private static final Comparator<OpenMessage> RECEPTION_ORDER = ReceptionOrderJoiner::compareReceptions;

    private final LateSink downstream;
    private final long maxMessageAgeMicros;
    private long finalGraceMicros;
    private final Map<String, OpenIndex<OpenMessage>> openByNode = new HashMap<>();
    private String lastNode;
    private OpenIndex<OpenMessage> lastOpen;
    private final ReceptionQueue<OpenMessage> byReception = new ReceptionQueue<>(RECEPTION_ORDER);
    private final TreeSet<OpenMessage> stragglers = new TreeSet<>(RECEPTION_ORDER);
    /** Reception time of the first straggler, kept so the check made on every line does not walk the tree. */
    private long firstStragglerMicros = Long.MAX_VALUE;
    private final ArrayDeque<OpenMessage> finishedStragglers = new ArrayDeque<>();
    private LateSink late;
    private Consumer<MessageRecord> steppedOut;
    private long stragglerAfterMicros = Long.MAX_VALUE;
    private final StringPool pool = new StringPool();
    private long nextSequence;
    private long newestMicros = Long.MIN_VALUE;
    private long orphanAttempts;
    private long duplicateReceptions;
    private long noFinalOutcome;
    private long emitted;
    private long bouncesJoined;
    private long outOfBandBounces;

    /** @param downstream receives each joined message, in reception order */
    public ReceptionOrderJoiner(Consumer<MessageRecord> downstream) {
        this(downstream, DEFAULT_MAX_MESSAGE_AGE_MICROS);
    }

    /**
     * @param downstream          receives each joined message, in reception order
     * @param maxMessageAgeMicros how long a message may stay open behind the newest line, &gt; 0
     */
    public ReceptionOrderJoiner(Consumer<MessageRecord> downstream, long maxMessageAgeMicros) {
        this(maxMessageAgeMicros, (sequence, message) -> downstream.accept(message));
    }

    /**
     * @param maxMessageAgeMicros how long a message may stay open behind the newest line, &gt; 0
     * @param downstream          receives each joined message with its sequence number, in reception order
     */
    private ReceptionOrderJoiner(long maxMessageAgeMicros, LateSink downstream) {
        if (maxMessageAgeMicros <= 0) {
            throw new IllegalArgumentException("maxMessageAgeMicros must be positive: " + maxMessageAgeMicros);
        }
        this.downstream = downstream;
        this.maxMessageAgeMicros = maxMessageAgeMicros;
    }

    /**
     * A join that goes on from a saved {@link #state()}: its open messages are open again, in their order.
     *
     * @param restored the state saved by an earlier join over the same logs
     */
    ReceptionOrderJoiner(LateSink downstream, long maxMessageAgeMicros, IngestState.JoinState restored) {
        this(maxMessageAgeMicros, downstream);
        nextSequence = restored.nextSequence();
        newestMicros = restored.newestMicros();
        final List<IngestState.Pending> bySequence = new ArrayList<>(restored.open());
        bySequence.sort(Comparator.comparingLong(IngestState.Pending::sequence));
        for (IngestState.Pending pending : bySequence) {
            final OpenMessage message = new OpenMessage(pending, pool);
            openOf(message.node).put(message.messageId, message);
            if (message.straggler) {
                addStraggler(message);
                if (message.isFinal) {
                    finishedStragglers.add(message);
                }
            } else {
                byReception.add(message);
            }
        }
    }

    /**
     * Lets messages open longer than {@code afterMicros} step out of reception order (see the class comment).
     *
     * @param sink        receives them when they finish or age out
     * @param afterMicros how far behind the newest line an open message becomes a straggler, &gt; 0
     */
    void stragglersTo(LateSink sink, long afterMicros) {
        this.late = sink;
        this.stragglerAfterMicros = afterMicros;
    }

    /**
     * @param sink receives each message as it steps out of reception order, with its attempts so far, in the same
     *             order as the messages handed downstream (see {@link LiveFeed})
     */
    void stepOutsTo(Consumer<MessageRecord> sink) {
        this.steppedOut = sink;
    }

    /** @param micros how long a finished message stays open for its bouncelog line; 0 emits it at once */
    void finalGrace(long micros) {
        this.finalGraceMicros = micros;
    }

    /**
     * @return the open messages and counters, for the next ingest to go on from; each message is copied when it is
     *         read from the list, so saving a large state holds one copy at a time
     */
    IngestState.JoinState state() {
        final List<OpenMessage> open = byReception.toList();
        open.addAll(stragglers);
        open.sort(RECEPTION_ORDER);
        return new IngestState.JoinState(nextSequence, newestMicros, new AbstractList<>() {
            @Override
            public IngestState.Pending get(int index) {
                final OpenMessage message = open.get(index);
                return IngestState.Pending.open(message.sequence, message.toRecord(), message.straggler);
            }

            @Override
            public int size() {
                return open.size();
            }
        });
    }

    /**
     * Takes the next line in file order.
     *
     * @param node the node that wrote the line ("" for a single node); message ids are unique per node
     * @param line a parsed line; heartbeats only advance the clock and rejections are ignored
     * @return {@link RejectReason#ORPHAN_ATTEMPT}, {@link RejectReason#DUPLICATE_RECEPTION},
     *         {@link RejectReason#MISSING_DOMAIN} or {@link RejectReason#BAD_DOMAIN} when the line could not be joined
     *         (the caller reports it), otherwise null
     */
    public RejectReason accept(String node, ParsedLine line) {
        RejectReason verdict = null;
        if (line instanceof Reception) {
            verdict = receive(node, (Reception) line);
        } else if (line instanceof AttemptLine) {
            verdict = attempt(node, (AttemptLine) line);
        } else if (line instanceof ParsedLine.Bounce) {
            verdict = bounce(node, (ParsedLine.Bounce) line);
        } else if (line instanceof ParsedLine.Heartbeat) {
            advanceClock(((ParsedLine.Heartbeat) line).timeMicros());
        }
        emitReady();
        return verdict;
    }

    /**
     * Emits every message still open, in reception order, stragglers to the late sink; those without a final line
     * as NO_FINAL_OUTCOME.
     */
    public void finish() {
        while (!byReception.isEmpty()) {
            emit(byReception.poll());
        }
        while (!stragglers.isEmpty()) {
            emitLate(stragglers.first());
        }
    }

    /**
     * @return true when a message with this id was received and is not yet emitted (final or not), so an
     *         attempt line for it joins it or is an orphan
     */
    public boolean isOpen(String node, String messageId) {
        final OpenIndex<OpenMessage> open = openByNode.get(node);
        return open != null && open.containsKey(messageId);
    }

    /** @return attempt lines that could not be joined so far */
    public long orphanAttempts() {
        return orphanAttempts;
    }

    /** @return R lines repeated for an open message so far */
    public long duplicateReceptions() {
        return duplicateReceptions;
    }

    /** @return messages emitted without a final outcome so far */
    public long noFinalOutcome() {
        return noFinalOutcome;
    }

    /** @return bouncelog lines whose class was set on an attempt so far */
    public long bouncesJoined() {
        return bouncesJoined;
    }

    /** @return out-of-band bouncelog lines counted so far */
    public long outOfBandBounces() {
        return outOfBandBounces;
    }

    /** @return messages emitted so far */
    public long emitted() {
        return emitted;
    }

    /** @return messages received and not yet emitted */
    public int openMessages() {
        return byReception.size() + stragglers.size();
    }

    /** The longest domain and label a mail domain may have (RFC 5321 §4.5.3.1.2, RFC 1035 §2.3.4). */
    private static final int MAX_DOMAIN = 255;
    private static final int MAX_LABEL = 63;

    /**
     * @return true when {@code domain} holds a character no mail domain can (the replacement character included:
     *         the log's bytes were no UTF-8), an empty label ({@code a..b}, {@code .a}), a label that starts or ends
     *         with {@code -}, or is longer than a domain or a label may be ({@link RejectReason#BAD_DOMAIN})
     */
    public static boolean notADomain(String domain) {
        if (domain.length() > MAX_DOMAIN) {
            return true;
        }
        final boolean literal = domain.charAt(0) == '[';
        int label = 0;
        for (int i = 0; i < domain.length(); i++) {
            final char c = domain.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '"' || c == '<' || c == '>' || c == ',' || c == ';' || c == '\\'
                    || c == '\uFFFD' || Character.isWhitespace(c) || Character.isISOControl(c)
                    || Character.isSpaceChar(c)) {
                return true;
            }
            if (!literal && (c == '.' ? label == 0 || domain.charAt(i - 1) == '-'
                    : c == '-' && label == 0 || ++label > MAX_LABEL)) {
                return true;
            }
            label = c == '.' ? 0 : label;
        }
        return !literal && label > 0 && domain.charAt(domain.length() - 1) == '-';
    }

    private RejectReason receive(String node, Reception reception) {
        if (reception.recipientDomain().isEmpty()) {
            return RejectReason.MISSING_DOMAIN;
        }
        if (notADomain(reception.recipientDomain())) {
            return RejectReason.BAD_DOMAIN;
        }
        final OpenMessage message = new OpenMessage(node, reception, nextSequence, pool);
        if (!openOf(node).putIfAbsent(message.messageId, message)) {
            duplicateReceptions++;
            return RejectReason.DUPLICATE_RECEPTION;
        }
        nextSequence++;
        byReception.add(message);
        advanceClock(reception.timeMicros());
        return null;
    }

    private RejectReason attempt(String node, AttemptLine line) {
        if (line.domain().isEmpty()) {
            return RejectReason.MISSING_DOMAIN;
        }
        if (notADomain(line.domain())) {
            return RejectReason.BAD_DOMAIN;
        }
        final OpenMessage message = openOf(node).get(line.messageId());
        if (message == null || message.isFinal) {
            orphanAttempts++;
            return RejectReason.ORPHAN_ATTEMPT;
        }
        message.add(line, pool);
        if (message.isFinal && message.straggler) {
            finishedStragglers.add(message);
        }
        advanceClock(line.timeMicros());
        return null;
    }

    private RejectReason bounce(String node, ParsedLine.Bounce line) {
        advanceClock(line.timeMicros());
        if (line.outOfBand()) {
            outOfBandBounces++;
            return null;
        }
        final OpenMessage message = openOf(node).get(line.messageId());
        if (message == null || !message.classify(line)) {
            return RejectReason.UNMATCHED_BOUNCE;
        }
        bouncesJoined++;
        return null;
    }

    /** @return the open messages of {@code node}; lines of one node come in long runs, so the last is kept at hand */
    private OpenIndex<OpenMessage> openOf(String node) {
        if (node == lastNode) {
            return lastOpen;
        }
        final OpenIndex<OpenMessage> known = openByNode.get(node);
        final OpenIndex<OpenMessage> open = known != null ? known : newNode(node);
        lastNode = node;
        lastOpen = open;
        return open;
    }

    private OpenIndex<OpenMessage> newNode(String node) {
        final OpenIndex<OpenMessage> open = new OpenIndex<>();
        openByNode.put(node, open);
        return open;
    }

    private static int compareReceptions(OpenMessage a, OpenMessage b) {
        final int byTime = Long.compare(a.receptionMicros, b.receptionMicros);
        return byTime != 0 ? byTime : Long.compare(a.sequence, b.sequence);
    }

    private void advanceClock(long timeMicros) {
        newestMicros = Math.max(newestMicros, timeMicros);
    }

    private void emitReady() {
        final long oldestKeptMicros = newestMicros - maxMessageAgeMicros;

        final long stragglerBeforeMicros = late == null ? Long.MIN_VALUE : newestMicros - stragglerAfterMicros;

        OpenMessage head = byReception.peek();
        while (head != null) {
            if (head.isFinal && head.finalMicros + finalGraceMicros <= newestMicros
                    || head.receptionMicros < oldestKeptMicros) {
                emit(byReception.poll());
            } else if (!head.isFinal && head.receptionMicros < stragglerBeforeMicros) {
                byReception.poll();
                head.straggler = true;
                addStraggler(head);
                if (steppedOut != null) {
                    steppedOut.accept(head.toRecord());
                }
            } else {
                break;
            }
            head = byReception.peek();
        }
        emitLateReady(oldestKeptMicros);
    }

    /** Hands the late sink every straggler past its grace, and every one too old to wait for. */
    private void emitLateReady(long oldestKeptMicros) {
        OpenMessage finished = finishedStragglers.peekFirst();
        while (finished != null && finished.finalMicros + finalGraceMicros <= newestMicros) {
            finishedStragglers.pollFirst();
            if (stragglers.contains(finished)) {
                emitLate(finished);
            }
            finished = finishedStragglers.peekFirst();
        }
        while (firstStragglerMicros < oldestKeptMicros) {
            emitLate(stragglers.first());
        }
    }

    private void addStraggler(OpenMessage message) {
        stragglers.add(message);
        firstStragglerMicros = Math.min(firstStragglerMicros, message.receptionMicros);
    }

    private void emitLate(OpenMessage message) {
        stragglers.remove(message);
        firstStragglerMicros = stragglers.isEmpty() ? Long.MAX_VALUE : stragglers.first().receptionMicros;
        openOf(message.node).remove(message.messageId);
        emitted++;
        if (!message.isFinal) {
            noFinalOutcome++;
        }
        late.accept(message.sequence, message.toRecord());
    }

    private void emit(OpenMessage message) {
        openOf(message.node).remove(message.messageId);
        emitted++;
        if (!message.isFinal) {
            noFinalOutcome++;
        }
        downstream.accept(message.sequence, message.toRecord());
    }

    /**
     * What a {@link MessageRecord} needs of an open message; the rest of the R line is not kept. Attempts
     * sit in an array grown by one per attempt: most messages have one, few more than a handful.
     */
    private static final class OpenMessage {
        private static final Attempt[] NO_ATTEMPTS = {};

        private final String node;
        private final String messageId;
        private final long receptionMicros;
        private final long sequence;
        private final String recipientDomain;
        private final String senderDomain;
        private final String bindingGroup;
        private final String binding;
        private final long sizeBytes;
        private final String protocol;
        private Attempt[] attempts = NO_ATTEMPTS;
        private String routingDomain;
        private boolean isFinal;
        private long finalMicros;
        private boolean straggler;

        OpenMessage(String node, Reception reception, long sequence, StringPool pool) {
            this.node = node;
            this.messageId = reception.messageId();
            this.receptionMicros = reception.timeMicros();
            this.sequence = sequence;
            this.recipientDomain = pool.canonical(reception.recipientDomain());
            this.senderDomain = pool.canonical(reception.senderDomain());
            this.bindingGroup = pool.canonical(reception.bindingGroup());
            this.binding = pool.canonical(reception.binding());
            this.sizeBytes = reception.sizeBytes();
            this.protocol = pool.canonical(reception.protocol().toLowerCase(java.util.Locale.ROOT));
            this.routingDomain = recipientDomain;
        }

        OpenMessage(IngestState.Pending pending, StringPool pool) {
            final MessageRecord record = pending.message();
            this.node = record.node();
            this.messageId = record.messageId();
            this.receptionMicros = record.receptionMicros();
            this.sequence = pending.sequence();
            this.recipientDomain = pool.canonical(record.recipientDomain());
            this.senderDomain = pool.canonical(record.senderDomain());
            this.bindingGroup = pool.canonical(record.bindingGroup());
            this.binding = pool.canonical(record.binding());
            this.sizeBytes = record.sizeBytes();
            this.protocol = pool.canonical(record.protocol());
            this.attempts = record.attempts().toArray(NO_ATTEMPTS);
            this.routingDomain = pool.canonical(record.routingDomain());
            this.isFinal = record.completeness() == Completeness.COMPLETE;
            this.straggler = pending.straggler();
            this.finalMicros = isFinal ? attempts[attempts.length - 1].timeMicros() : 0;
        }

        void add(AttemptLine line, StringPool pool) {
            attempts = Arrays.copyOf(attempts, attempts.length + 1);
            attempts[attempts.length - 1] = new Attempt(line.timeMicros(), line.kind().outcome(),
                    line.responseCode(), line.responseText(), line.retryCount(), line.queueSeconds(),
                    pool.canonical(line.connectionId()), pool.canonical(line.bindingGroup()),
                    pool.canonical(line.binding()), line.stage(), pool.canonical(line.remoteIp()));
            routingDomain = pool.canonical(line.domain());
            isFinal = line.kind().outcome().isFinal();
            finalMicros = line.timeMicros();
        }

        /** @return true when an attempt of the bounce's outcome, near it in time and not yet classified, took it */
        boolean classify(ParsedLine.Bounce bounce) {
            int nearest = -1;
            long nearestGap = Long.MAX_VALUE;
            for (int i = 0; i < attempts.length; i++) {
                final Attempt attempt = attempts[i];
                final long gap = Math.abs(attempt.timeMicros() - bounce.timeMicros());
                if (attempt.outcome() == bounce.outcome() && attempt.bounceClass() == 0 && gap <= BOUNCE_MATCH_MICROS
                        && gap < nearestGap) {
                    nearest = i;
                    nearestGap = gap;
                }
            }
            if (nearest >= 0) {
                attempts[nearest] = attempts[nearest].withBounceClass(bounce.bounceClass());
            }
            return nearest >= 0;
        }

        MessageRecord toRecord() {
            final Completeness completeness = isFinal ? Completeness.COMPLETE : Completeness.NO_FINAL_OUTCOME;
            return new MessageRecord(receptionMicros, node, messageId, recipientDomain, routingDomain,
                    senderDomain, bindingGroup, binding, sizeBytes, List.of(attempts), completeness, protocol);
        }
    }
}
