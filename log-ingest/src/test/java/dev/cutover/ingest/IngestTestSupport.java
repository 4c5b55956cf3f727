package dev.cutover.ingest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the ingest tests share: a temporary folder, a reject sink that records {@code file:line:REASON} for each
 * line set aside (and can be rewound like the rejects file), and Chronicle's analytics switched off before any
 * queue class loads.
 */
abstract class IngestTestSupport {
    @TempDir
    Path dir;

    final List<String> rejected = new ArrayList<>();
    final RejectSink sink = new RecordingSink(rejected);

    @BeforeAll
    static void disableChronicleAnalytics() {
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
    }

    /** Records {@code file:line:REASON}; its position is the number of lines recorded. */
    static final class RecordingSink implements RejectSink {
        private final List<String> lines;

        RecordingSink(List<String> lines) {
            this.lines = lines;
        }

        @Override
        public void reject(Path file, long lineNumber, RejectReason reason, String rawText) {
            lines.add(file.getFileName() + ":" + lineNumber + ":" + reason);
        }

        @Override
        public long position() {
            return lines.size();
        }

        @Override
        public void rewind(long position) {
            if (position >= 0) {
                lines.subList((int) position, lines.size()).clear();
            }
        }
    }
}
