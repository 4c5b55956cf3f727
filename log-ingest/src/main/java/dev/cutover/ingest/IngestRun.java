package dev.cutover.ingest;

import dev.cutover.ingest.ParsedLine.AttemptLine;
import dev.cutover.ingest.ParsedLine.Heartbeat;
import dev.cutover.ingest.ParsedLine.Reception;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The state of one ingest: the join, the counters and the store writes. Lines of a {@link MergedRead} name their
 * own node. Joined messages of an unselected binding group are counted and dropped before the store. A run for
 * custom logs passes joined messages through a {@link ReceptionHoldBack}, since their receptions are rebuilt from
 * attempt lines that may arrive after later receptions.
 *
 * <p>Exactly once: a run starts from the store's saved {@link IngestState}. When the queue (or the late queue of
 * stragglers) holds more messages than the state says (an ingest was killed after appending them), the first
 * messages this run joins for it are those very messages, so that many are counted but not appended again.
 * {@link #save} writes the state; at the end of a run the messages still open stay in it instead of the queue.
 *
 * <p>Misdated lines: a line more than {@link #MAX_CLOCK_JUMP_MICROS} ahead of the newest line read is held until
 * {@link #CONFIRMING_LINES} lines in a row that far ahead confirm a quiet spell in the log, and then taken. When a
 * line nearer the newest comes first, the held lines were stamped by a wrong clock and are set aside as
 * {@link RejectReason#BAD_TIMESTAMP}, as are lines still held when the state is saved (the end of a run, or a save
 * while following).
 *
 * <p>A run given a {@link LiveFeed} hands it each message it stores in order, those counted but not appended again
 * included (the feed's reader reads the queue only as far as the saved state counts), each straggler as it
 * steps out, and each straggler again when it finishes.
 */
final class IngestRun {
    private final TrafficStore store;
    private final RejectSink rejects;
    private final IngestListener listener;
    private final Set<String> bindingGroups;
    private final ReceptionOrderJoiner joiner;
    private final ReceptionHoldBack holdBack;
    private final LiveFeed live;
    private final RejectCounts rejectCounts = new RejectCounts();
    private final List<IngestResult.HeldBackLine> heldBackLines = new ArrayList<>();
    private long alreadyAppended;
    private long alreadyAppendedLate;
    private long lines;
    private long messagesStored;
    private long filteredMessages;
    private long noFinalOutcome;
    private long firstReceptionMicros = -1;
    private long lastReceptionMicros = -1;
    private long lastStoredMicros;
    /**
     * How far ahead of the newest line read a line must be to be doubted: one day. Momentum writes its log in time
     * order, so such a line is either the first after a long quiet spell or stamped by a skewed clock.
     */
    static final long MAX_CLOCK_JUMP_MICROS = 86_400L * MainlogNumbers.MICROS_PER_SECOND;
    /**
     * How many lines in a row that far ahead confirm a quiet spell rather than a skewed clock. Until then they are
     * held: taken, one line moving the join's clock a day or more would make every open message look too old to
     * wait for, storing them without their outcomes and setting every later attempt line aside as an orphan.
     */
    static final int CONFIRMING_LINES = 20;
    private final List<AheadLine> ahead = new ArrayList<>();
    private long newestLineMicros;

    /**
     * @param holdBackMicros how long joined messages wait for earlier receptions; 0 stores them at once
     * @param from           the state saved by the ingest before, or {@link IngestState#EMPTY}
     * @param maxHeld        finished messages held in memory before the store's spill queue is used
     * @param live           receives the messages as they are joined, or null; not with a hold-back
     */
    IngestRun(TrafficStore store, RejectSink rejects, IngestListener listener, Set<String> bindingGroups,
              long holdBackMicros, IngestState from, int maxHeld, LiveFeed live) {
        this.store = store;
        this.live = live;
        this.rejects = rejects;
        this.listener = listener;
        this.bindingGroups = bindingGroups;
        store.clearSpillIfUnused();
        final MessageSpill spill = new MessageSpill() {
            @Override
            public long write(MessageRecord message) {
                return store.spill(message);
            }

            @Override
            public MessageRecord read(long index) {
                return store.spilled(index);
            }
        };
        this.joiner = new ReceptionOrderJoiner(this::joined, ReceptionOrderJoiner.DEFAULT_MAX_MESSAGE_AGE_MICROS,
                from.join());
        joiner.stragglersTo(this::storeLate, ReceptionOrderJoiner.DEFAULT_STRAGGLER_AFTER_MICROS);
        if (live != null) {
            joiner.stepOutsTo(this::steppedOut);
        }
        final boolean holding = holdBackMicros > 0 || !from.held().held().isEmpty();
        if (holding && live != null) {
            throw new IngestException("the store holds messages back for custom logs, which a replay cannot follow "
                    + "live; ingest into a new store folder");
        }
        this.holdBack = holding ? new ReceptionHoldBack(Math.max(holdBackMicros, 1), from.held(), spill, maxHeld)
                : null;
        this.newestLineMicros = from.newestLineMicros();
        this.lastStoredMicros = from.lastStoredMicros();
        this.alreadyAppended = store.messageCount() - from.storedMessages();
        this.alreadyAppendedLate = store.lateCount() - from.storedLate();
        if (alreadyAppended < 0 || alreadyAppendedLate < 0) {
            throw new IngestException("the traffic store holds " + store.messageCount() + " messages but its ingest "
                    + "state counts " + from.storedMessages() + "; the store is damaged (ingest into a new store)");
        }
        rejects.rewind(from.rejectsPosition());
    }

    /** A line held as too far ahead of the newest line before it, with what {@link #accept} was given. */
    private record AheadLine(String node, Path file, long lineNumber, String text, Reception implied,
                             ParsedLine line) {
    }

    /** Keeps finished messages open a few seconds for their bouncelog lines, as when a bouncelog is read. */
    void waitForBounces() {
        joiner.finalGrace(ReceptionOrderJoiner.BOUNCE_GRACE_MICROS);
    }

    /**
     * Takes one parsed line of a merged read; a custom log line brings the reception it implies, which opens
     * its message unless the message is open already.
     *
     * @param lineNode the node that wrote the line; message ids are unique per node
     * @param implied  the reception a custom log line implies, or null for a mainlog line
     * @param line     a parsed reception, attempt or heartbeat
     */
    void accept(String lineNode, Path file, long lineNumber, String text, Reception implied, ParsedLine line) {
        final long time = timeOf(line);
        if (time >= 0 && newestLineMicros != Long.MIN_VALUE && time - newestLineMicros > MAX_CLOCK_JUMP_MICROS) {
            ahead.add(new AheadLine(lineNode, file, lineNumber, text, implied, line));
            if (ahead.size() >= CONFIRMING_LINES) {
                final List<AheadLine> confirmed = List.copyOf(ahead);
                ahead.clear();
                confirmed.forEach(held -> take(held.node(), held.file(), held.lineNumber(), held.text(),
                        held.implied(), held.line()));
            }
            return;
        }
        setAsideAhead();
        take(lineNode, file, lineNumber, text, implied, line);
    }

    /**
     * The lines held as too far ahead of the newest line before them did not stay there: the log came back, so
     * their clock was wrong. They are set aside.
     */
    private void setAsideAhead() {
        for (AheadLine held : ahead) {
            rejectLine(held.file(), held.lineNumber(), RejectReason.BAD_TIMESTAMP, held.text());
        }
        ahead.clear();
    }

    private void take(String lineNode, Path file, long lineNumber, String text, Reception implied, ParsedLine line) {
        lines++;
        final RejectReason opening = implied == null || joiner.isOpen(lineNode, implied.messageId()) ? null
                : open(lineNode, implied);
        final RejectReason reason = opening != null ? opening : joiner.accept(lineNode, line);
        if (reason != null) {
            reject(file, lineNumber, reason, text);
        }
        newestLineMicros = Math.max(newestLineMicros, timeOf(line));
        if (holdBack != null) {
            holdBack.releaseBefore(newestLineMicros, this::store);
        }
    }

    /** Counts a line read and sets it aside. */
    void rejectLine(Path file, long lineNumber, RejectReason reason, String text) {
        lines++;
        reject(file, lineNumber, reason, text);
    }

    /**
     * Notes a half-written last line left in a file for the next ingest.
     *
     * @param lineNumber the number the line will have
     * @param bytes      bytes of it written so far
     */
    void heldBack(Path file, long lineNumber, long bytes) {
        heldBackLines.add(new IngestResult.HeldBackLine(file, lineNumber, bytes));
    }

    /** Sets aside damage that is not a line: nothing is counted as read. */
    void rejectDamage(Path file, long lineNumber, String text) {
        reject(file, lineNumber, RejectReason.COMPRESSED_DATA_DAMAGED, text);
    }

    /** @return messages appended to the store so far */
    long messagesStored() {
        return messagesStored;
    }

    /** @return lines taken so far */
    long lines() {
        return lines;
    }

    /** @return the reception time of the last message stored, by this run or before */
    long lastStoredMicros() {
        return lastStoredMicros;
    }

    /**
     * Saves where every file stands, the open join and the counts of queue and rejects, so a later ingest goes on
     * from exactly here.
     *
     * @param files the progress of every file the store has read, this run's included
     */
    void save(List<FileProgress> files) {
        setAsideAhead();
        final IngestState.HoldState held = holdBack != null ? holdBack.state()
                : IngestState.EMPTY.held();
        store.saveState(new IngestState(store.messageCount(), store.lateCount(), rejects.position(), newestLineMicros,
                lastStoredMicros, files, joiner.state(), held));
    }

    private RejectReason open(String lineNode, Reception implied) {
        final boolean late = holdBack != null && holdBack.isLate(implied.timeMicros());
        return late ? RejectReason.LATE_RECEPTION : joiner.accept(lineNode, implied);
    }

    IngestResult result(int filesRead, int filesSkipped) {
        return new IngestResult(filesRead, filesSkipped, lines, messagesStored, filteredMessages,
                rejectCounts.copy(), rejectCounts.count(RejectReason.ORPHAN_ATTEMPT), noFinalOutcome,
                firstReceptionMicros, lastReceptionMicros, joiner.openMessages() + (holdBack == null ? 0
                : holdBack.size()), joiner.bouncesJoined(), joiner.outOfBandBounces(), heldBackLines);
    }

    static long timeOf(ParsedLine line) {
        if (line instanceof Reception) {
            return ((Reception) line).timeMicros();
        }
        if (line instanceof AttemptLine) {
            return ((AttemptLine) line).timeMicros();
        }
        if (line instanceof ParsedLine.Bounce) {
            return ((ParsedLine.Bounce) line).timeMicros();
        }
        return line instanceof Heartbeat ? ((Heartbeat) line).timeMicros() : -1;
    }

    private void reject(Path file, long lineNumber, RejectReason reason, String text) {
        rejectCounts.add(reason);
        rejects.reject(file, lineNumber, reason, text);
    }

    private void joined(long sequence, MessageRecord message) {
        if (holdBack != null) {
            holdBack.add(message);
        } else {
            store(sequence, message);
        }
    }

    private void store(long sequence, MessageRecord message) {
        if (filtered(message)) {
            return;
        }
        if (alreadyAppended > 0) {
            alreadyAppended--;
        } else {
            store.append(sequence, message);
        }
        counted(message);
        if (live != null) {
            live.inOrder(message);
        }
    }

    /** Gives the live feed a straggler as it steps out; the store takes it when it finishes. */
    private void steppedOut(MessageRecord soFar) {
        if (bindingGroups.isEmpty() || bindingGroups.contains(soFar.bindingGroup())) {
            live.steppedOut(soFar);
        }
    }

    /** Stores a straggler, which the store's readers merge back into reception order. */
    private void storeLate(long sequence, MessageRecord message) {
        if (filtered(message)) {
            return;
        }
        if (alreadyAppendedLate > 0) {
            alreadyAppendedLate--;
        } else {
            store.appendLate(sequence, message);
        }
        counted(message);
        if (live != null) {
            live.finishedLate(message);
        }
    }

    private boolean filtered(MessageRecord message) {
        final boolean filtered = !bindingGroups.isEmpty() && !bindingGroups.contains(message.bindingGroup());
        filteredMessages += filtered ? 1 : 0;
        return filtered;
    }

    private void counted(MessageRecord message) {
        messagesStored++;
        noFinalOutcome += message.completeness() == Completeness.NO_FINAL_OUTCOME ? 1 : 0;
        noteReception(message.receptionMicros());
    }

    private void noteReception(long receptionMicros) {
        firstReceptionMicros = firstReceptionMicros < 0 ? receptionMicros : Math.min(firstReceptionMicros,
                receptionMicros);
        lastReceptionMicros = Math.max(lastReceptionMicros, receptionMicros);
        lastStoredMicros = Math.max(lastStoredMicros, receptionMicros);
    }
}
