package dev.cutover.cli;

import dev.cutover.ingest.IngestListener;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A one-line progress display for long ingests, redrawn in place at most twice a second: the file, lines read,
 * megabytes read of the total, the line rate and the time left at the current byte rate. Silent unless standard
 * error is a terminal. Sizes are as stored on disk, so a compressed file counts its compressed bytes.
 */
final class ProgressLine implements IngestListener {
    private static final long REDRAW_NANOS = 500_000_000L;
    private static final double MIB = 1024.0 * 1024.0;

    private final PrintWriter err;
    private final boolean enabled;
    private long startNanos;
    private long totalBytes;
    private long bytesOfEndedFiles;
    private long bytesOfFile;
    private long linesOfEndedFiles;
    private long linesOfFile;
    private long linesAtFileStart;
    private long lastDrawNanos;
    private boolean drawn;

    ProgressLine(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** @return a progress line on {@code err}, drawn only when the process runs on a terminal. */
    static ProgressLine forTerminal(PrintWriter err) {
        return new ProgressLine(err, System.console() != null && !"dumb".equals(System.getenv("TERM")));
    }

    @Override
    public void started(int files, long bytes) {
        startNanos = System.nanoTime();
        totalBytes = bytes;
    }

    @Override
    public void fileStarted(Path file, long sizeBytes) {
        if (startNanos == 0) {
            startNanos = System.nanoTime();
        }
        bytesOfEndedFiles += bytesOfFile;
        linesOfEndedFiles += linesOfFile;
        bytesOfFile = 0;
        linesOfFile = 0;
        linesAtFileStart = 0;
    }

    @Override
    public void fileResumed(Path file, long linesBefore) {
        linesAtFileStart = linesBefore;
    }

    @Override
    public void progress(Path file, long linesRead, long bytesRead, long messagesStored) {
        bytesOfFile = bytesRead;
        linesOfFile = linesRead - linesAtFileStart;
        final long now = System.nanoTime();
        if (!enabled || now - lastDrawNanos < REDRAW_NANOS) {
            return;
        }
        lastDrawNanos = now;
        err.print("\r" + render(file, now - startNanos, messagesStored) + "   ");
        err.flush();
        drawn = true;
    }

    /** @return the line for {@code file} after {@code elapsedNanos} of reading */
    String render(Path file, long elapsedNanos, long messagesStored) {
        final double seconds = Math.max(1e-3, elapsedNanos / 1e9);
        final long bytes = bytesOfEndedFiles + bytesOfFile;
        final long lines = linesOfEndedFiles + linesOfFile;
        final StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "cutover: ingesting %s: %,d lines, %,d messages stored, %,.0f lines/s, %,.1f", file.getFileName(),
                lines, messagesStored, lines / seconds, bytes / MIB));
        if (totalBytes > 0) {
            line.append(String.format(Locale.ROOT, " of %,.1f MiB", totalBytes / MIB));
            if (bytes > 0 && bytes < totalBytes) {
                line.append(", ").append(duration((totalBytes - bytes) * seconds / bytes)).append(" left");
            }
        } else {
            line.append(" MiB");
        }
        return line.toString();
    }

    private static String duration(double seconds) {
        final long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    /** Clears the line so the summary starts on a clean line. */
    void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(120) + "\r");
            err.flush();
            drawn = false;
        }
    }
}
