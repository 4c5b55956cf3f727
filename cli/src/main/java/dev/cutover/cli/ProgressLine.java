package dev.cutover.cli;

import dev.cutover.ingest.IngestListener;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A one-line progress display for long ingests, redrawn in place at most twice a second: the file, lines read,
 * messages stored and the line rate. Silent unless standard error is a terminal.
 */
final class ProgressLine implements IngestListener {
    private static final long REDRAW_NANOS = 500_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private long fileStartNanos;
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
    public void fileStarted(Path file, long sizeBytes) {
        fileStartNanos = System.nanoTime();
        lastDrawNanos = 0;
    }

    @Override
    public void progress(Path file, long linesRead, long messagesStored) {
        final long now = System.nanoTime();
        if (!enabled || now - lastDrawNanos < REDRAW_NANOS) {
            return;
        }
        lastDrawNanos = now;
        final double seconds = Math.max(1e-3, (now - fileStartNanos) / 1e9);
        err.printf(Locale.ROOT, "\rcutover: ingesting %s: %,d lines, %,d messages stored, %,.0f lines/s   ",
                file.getFileName(), linesRead, messagesStored, linesRead / seconds);
        err.flush();
        drawn = true;
    }

    /** Clears the line so the summary starts on a clean line. */
    void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(100) + "\r");
            err.flush();
        }
    }
}
