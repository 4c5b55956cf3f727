package dev.cutover.ingest;

import java.nio.file.Path;

/**
 * Progress of an ingest, for a progress display. Callbacks arrive on the ingesting thread; every method
 * does nothing by default.
 */
public interface IngestListener {
    /** A listener that ignores everything. */
    IngestListener NONE = new IngestListener() { };

    /** The store already holds {@code file}; it is not read again. */
    default void fileSkipped(Path file) {
    }

    /** Reading of {@code file} starts. */
    default void fileStarted(Path file, long sizeBytes) {
    }

    /**
     * Reading of {@code file} goes on after the lines an earlier ingest read; called right after
     * {@link #fileStarted}.
     *
     * @param linesBefore lines of the file read before, which {@link #progress} counts in its {@code linesRead}
     */
    default void fileResumed(Path file, long linesBefore) {
    }

    /**
     * Reading starts, after the files were matched with what the store holds.
     *
     * @param files      files to read, in part or whole
     * @param totalBytes bytes of those files still to read, as stored on disk (compressed or not)
     */
    default void started(int files, long totalBytes) {
    }

    /**
     * Called every {@link Ingestor#PROGRESS_INTERVAL_LINES} lines and at the end of each file.
     *
     * @param linesRead      lines read from {@code file} so far, from its start
     * @param bytesRead      bytes of {@code file} read in this ingest, as stored on disk
     * @param messagesStored messages appended to the store by this ingest so far
     */
    default void progress(Path file, long linesRead, long bytesRead, long messagesStored) {
    }
}
