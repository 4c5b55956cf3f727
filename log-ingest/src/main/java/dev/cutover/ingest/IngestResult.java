package dev.cutover.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * What one ingest did.
 *
 * @param filesRead             files read in this ingest
 * @param filesSkipped          files skipped because the store already held them (or listed twice)
 * @param lines                 lines read, heartbeats and rejected lines included
 * @param messagesStored        messages appended to the store
 * @param filteredMessages      joined messages dropped because their binding group was not selected
 * @param rejects               rejected lines per reason, orphan attempt lines included
 * @param orphanAttemptLines    attempt lines with no open reception
 * @param noFinalOutcome        stored messages without a final D, X or P line
 * @param firstReceptionMicros  earliest reception among stored messages, -1 when none was stored
 * @param lastReceptionMicros   latest reception among stored messages, -1 when none was stored
 * @param pendingMessages       messages whose join is still open at the end, kept in the store's ingest state
 *                              for the next ingest (a replay reads them last)
 * @param bouncesJoined         bouncelog lines whose bounce class was set on their attempt
 * @param outOfBandBounces      out-of-band bouncelog lines (after delivery), counted but not joined
 * @param heldBackLines         half-written last lines of plain files left for the next ingest
 */
public record IngestResult(
        int filesRead,
        int filesSkipped,
        long lines,
        long messagesStored,
        long filteredMessages,
        RejectCounts rejects,
        long orphanAttemptLines,
        long noFinalOutcome,
        long firstReceptionMicros,
        long lastReceptionMicros,
        long pendingMessages,
        long bouncesJoined,
        long outOfBandBounces,
        List<HeldBackLine> heldBackLines) {

    public IngestResult {
        heldBackLines = List.copyOf(heldBackLines);
    }

    /**
     * A half-written last line of a plain file, left for the next ingest.
     *
     * @param file       the file
     * @param lineNumber the number the line will have
     * @param bytes      bytes of it written so far
     */
    public record HeldBackLine(Path file, long lineNumber, long bytes) {
        @Override
        public String toString() {
            return file + ":" + lineNumber + " (" + bytes + " bytes)";
        }
    }
}
