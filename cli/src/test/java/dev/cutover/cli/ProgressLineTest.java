package dev.cutover.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The progress line's text: lines, messages, rate, megabytes of the total and the time left. */
class ProgressLineTest {
    private static final long MIB = 1 << 20;

    @Test
    void render_quarterOfTheBytesInTenSeconds_thirtySecondsLeft() {
        final StringWriter err = new StringWriter();
        final ProgressLine progress = new ProgressLine(new PrintWriter(err), false);
        progress.started(2, 400 * MIB);
        progress.fileStarted(Path.of("mainlog.ec.1"), 100 * MIB);
        progress.progress(Path.of("mainlog.ec.1"), 500_000, 100 * MIB, 200_000);

        final String line = progress.render(Path.of("logs/mainlog.ec.1"), 10_000_000_000L, 200_000);

        assertEquals("cutover: ingesting mainlog.ec.1: 500,000 lines, 200,000 messages stored, 50,000 lines/s, "
                + "100.0 of 400.0 MiB, 30s left", line);
        assertEquals("", err.toString(), "nothing is drawn when standard error is not a terminal");
    }

    @Test
    void render_resumedFileAfterAFirst_addsBothFilesNewBytesAndLines() {
        final ProgressLine progress = new ProgressLine(new PrintWriter(new StringWriter()), false);
        progress.started(2, 300 * MIB);
        progress.fileStarted(Path.of("mainlog.ec.1"), 100 * MIB);
        progress.progress(Path.of("mainlog.ec.1"), 400_000, 100 * MIB, 150_000);
        progress.fileStarted(Path.of("mainlog.ec"), 200 * MIB);
        progress.fileResumed(Path.of("mainlog.ec"), 1_000_000);
        progress.progress(Path.of("mainlog.ec"), 1_065_536, 50 * MIB, 180_000);

        final String line = progress.render(Path.of("mainlog.ec"), 3_600_000_000_000L, 180_000);

        assertEquals("cutover: ingesting mainlog.ec: 465,536 lines, 180,000 messages stored, 129 lines/s, "
                + "150.0 of 300.0 MiB, 1h00m left", line);
    }
}
