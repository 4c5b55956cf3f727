package dev.cutover.ingest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
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

    /** @return {@link #storedSummaries} of a fresh store holding {@code lines} ingested in one go */
    List<String> wholeAtOnce(List<String> lines) throws IOException {
        final Path whole = Files.write(dir.resolve("whole-" + lines.size() + ".ec"), lines);
        try (TrafficStore store = TrafficStore.open(dir.resolve("whole-store-" + lines.size()), 256 << 10)) {
            new Ingestor().ingest(List.of(whole), store, RejectSink.DISCARD, IngestListener.NONE);
            return storedSummaries(store);
        }
    }

    /** @return each stored message as {@code id|reception|attempts|completeness}, in the store's order */
    static List<String> storedSummaries(TrafficStore store) {
        return TrafficStoreTest.readAll(store).stream().map(m -> m.messageId() + "|" + m.receptionMicros() + "|"
                + m.attempts().size() + "|" + m.completeness()).toList();
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
