package dev.cutover.ingest;

import java.nio.file.Path;

/**
 * Receives every line that ingest sets aside, so that none is dropped silently. The command-line tool
 * writes them to {@code rejects.tsv}; nothing in this module writes report files.
 */
@FunctionalInterface
public interface RejectSink {
    /** A sink that keeps nothing; counts are still kept by the ingestor. */
    RejectSink DISCARD = (file, lineNumber, reason, rawText) -> { };

    /**
     * @param file       the log file the line came from
     * @param lineNumber 1-based line number in that file
     * @param reason     why the line was set aside
     * @param rawText    the line as read, at most {@link MainlogParser#MAX_LINE_CHARS} characters (an
     *                   over-long line is cut to that length)
     */
    void reject(Path file, long lineNumber, RejectReason reason, String rawText);

    /**
     * Makes everything received so far durable and says where the sink stands, so that an ingest state saved now
     * can later {@link #rewind} to it.
     *
     * @return the sink's position, or -1 for a sink that cannot rewind
     */
    default long position() {
        return -1;
    }

    /**
     * Forgets every line received after {@code position}, which an ingest killed after saving its state had
     * set aside; the resumed ingest sets them aside again.
     *
     * @param position a value {@link #position()} returned, or -1 for nothing to forget
     */
    default void rewind(long position) {
    }
}
