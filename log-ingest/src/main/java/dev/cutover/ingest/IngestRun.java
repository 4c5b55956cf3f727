package dev.cutover.ingest;

import dev.cutover.ingest.ParsedLine.AttemptLine;
import dev.cutover.ingest.ParsedLine.Heartbeat;
import dev.cutover.ingest.ParsedLine.Reception;
import dev.cutover.ingest.ParsedLine.Rejected;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The state of one {@link Ingestor} or {@link CustomLogIngestor} call: the parser, the join, the counters and
 * the store writes. Files read one after another ({@link #read}) are of the run's node; lines of a
 * {@link MergedRead} name their own node. Joined messages of an unselected binding group are counted and
 * dropped before the store. A run for custom logs passes joined messages through a {@link ReceptionHoldBack},
 * since their receptions are rebuilt from attempt lines that may arrive after later receptions.
 */
final class IngestRun {
    private final TrafficStore store;
    private final RejectSink rejects;
    private final IngestListener listener;
    private final Set<String> bindingGroups;
    private final String node;
    private final MainlogParser parser = new MainlogParser();
    private final ReceptionOrderJoiner joiner = new ReceptionOrderJoiner(this::joined);
    private final ReceptionHoldBack holdBack;
    private final RejectCounts rejectCounts = new RejectCounts();
    private long lines;
    private long messagesStored;
    private long filteredMessages;
    private long noFinalOutcome;
    private long firstReceptionMicros = -1;
    private long lastReceptionMicros = -1;
    private long newestLineMicros = Long.MIN_VALUE;

    IngestRun(TrafficStore store, RejectSink rejects, IngestListener listener, Set<String> bindingGroups,
              String node) {
        this(store, rejects, listener, bindingGroups, node, 0);
    }

    /** @param holdBackMicros how long joined messages wait for earlier receptions; 0 stores them at once */
    IngestRun(TrafficStore store, RejectSink rejects, IngestListener listener, Set<String> bindingGroups,
              String node, long holdBackMicros) {
        this.store = store;
        this.rejects = rejects;
        this.listener = listener;
        this.bindingGroups = bindingGroups;
        this.node = node;
        this.holdBack = holdBackMicros > 0 ? new ReceptionHoldBack(holdBackMicros) : null;
    }

    /**
     * Reads one file to its end, or to the first damage in its compressed data. Damage is reported as one
     * {@link RejectReason#COMPRESSED_DATA_DAMAGED} line: the unfinished line it cut, or an empty line after
     * the last complete one when it fell between lines (that empty line is not counted as read).
     *
     * @return lines read from {@code file}
     */
    long read(Path file) {
        listener.fileStarted(file, LogFiles.size(file));
        try (DecompressionGuard bytes = LogFiles.openBytes(file); BoundedLineReader reader = LogFiles.lines(bytes)) {
            final boolean lastLineCut = readLines(file, bytes, reader);
            if (bytes.damaged() && !lastLineCut) {
                reject(file, reader.lineNumber() + 1, RejectReason.COMPRESSED_DATA_DAMAGED, "");
            }
            listener.progress(file, reader.lineNumber(), messagesStored);
            return reader.lineNumber();
        } catch (IOException e) {
            throw LogFiles.unreadable(file, e);
        }
    }

    /** @return true when the last line was cut short by damaged compressed data */
    private boolean readLines(Path file, DecompressionGuard bytes, BoundedLineReader reader) throws IOException {
        boolean cut = false;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            cut = bytes.damaged() && !reader.endedAtLineBreak();
            final RejectReason preset = cut ? RejectReason.COMPRESSED_DATA_DAMAGED
                    : reader.tooLong() ? RejectReason.LINE_TOO_LONG : null;
            handle(file, reader.lineNumber(), line, preset);
            if (reader.lineNumber() % Ingestor.PROGRESS_INTERVAL_LINES == 0) {
                listener.progress(file, reader.lineNumber(), messagesStored);
            }
        }
        return cut;
    }

    void finish() {
        joiner.finish();
        if (holdBack != null) {
            holdBack.releaseAll(this::store);
        }
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

    /** Sets aside damage that is not a line: nothing is counted as read. */
    void rejectDamage(Path file, long lineNumber, String text) {
        reject(file, lineNumber, RejectReason.COMPRESSED_DATA_DAMAGED, text);
    }

    /** @return messages appended to the store so far */
    long messagesStored() {
        return messagesStored;
    }

    private RejectReason open(String lineNode, Reception implied) {
        final boolean late = holdBack != null && holdBack.isLate(implied.timeMicros());
        return late ? RejectReason.LATE_RECEPTION : joiner.accept(lineNode, implied);
    }

    IngestResult result(int filesRead, int filesSkipped) {
        return new IngestResult(filesRead, filesSkipped, lines, messagesStored, filteredMessages,
                rejectCounts.copy(), rejectCounts.count(RejectReason.ORPHAN_ATTEMPT), noFinalOutcome,
                firstReceptionMicros, lastReceptionMicros);
    }

    static long timeOf(ParsedLine line) {
        if (line instanceof Reception) {
            return ((Reception) line).timeMicros();
        }
        if (line instanceof AttemptLine) {
            return ((AttemptLine) line).timeMicros();
        }
        return line instanceof Heartbeat ? ((Heartbeat) line).timeMicros() : -1;
    }

    /** @param preset a reason decided before parsing (damage, over-long line), or null to parse the line */
    private void handle(Path file, long lineNumber, String text, RejectReason preset) {
        lines++;
        final ParsedLine parsed = preset != null ? new Rejected(preset) : parser.parse(text);
        final RejectReason reason = parsed instanceof Rejected
                ? ((Rejected) parsed).reason()
                : joiner.accept(node, parsed);
        if (reason != null) {
            reject(file, lineNumber, reason, text);
        }
    }

    private void reject(Path file, long lineNumber, RejectReason reason, String text) {
        rejectCounts.add(reason);
        rejects.reject(file, lineNumber, reason, text);
    }

    private void joined(MessageRecord message) {
        if (holdBack != null) {
            holdBack.add(message);
        } else {
            store(message);
        }
    }

    private void store(MessageRecord message) {
        if (!bindingGroups.isEmpty() && !bindingGroups.contains(message.bindingGroup())) {
            filteredMessages++;
            return;
        }
        store.append(message);
        messagesStored++;
        noFinalOutcome += message.completeness() == Completeness.NO_FINAL_OUTCOME ? 1 : 0;
        noteReception(message.receptionMicros());
    }

    private void noteReception(long receptionMicros) {
        firstReceptionMicros = firstReceptionMicros < 0 ? receptionMicros : Math.min(firstReceptionMicros,
                receptionMicros);
        lastReceptionMicros = Math.max(lastReceptionMicros, receptionMicros);
    }
}
