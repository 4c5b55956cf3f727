package dev.cutover.ingest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.cutover.ingest.ReceptionOrderJoinerTest.delivery;
import static dev.cutover.ingest.ReceptionOrderJoinerTest.reception;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lines stamped by a wrong clock, and real quiet spells, as an ingest takes them ({@link IngestRun}). */
class MisdatedLinesTest extends IngestTestSupport {
    private static final long DAY = 86_400;

    /** Messages m0..m{count-1} received a second apart from {@code second}, each delivered a second later. */
    private static List<String> traffic(long second, int from, int count) {
        final List<String> lines = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            lines.add(reception(second + 2L * (i - from), "m" + i, "example.net"));
            lines.add(delivery(second + 2L * (i - from) + 1, "m" + i, "example.net"));
        }
        return lines;
    }

    private IngestResult ingest(List<String> lines) throws IOException {
        final Path log = Files.write(dir.resolve("mainlog.ec"), lines, StandardCharsets.UTF_8);
        try (TrafficStore store = TrafficStore.open(dir.resolve("store"), TrafficStoreTest.TEST_BLOCK_SIZE)) {
            return new Ingestor().ingest(List.of(log), store, sink, IngestListener.NONE);
        }
    }

    @Test
    void ingest_oneReceptionTenDaysAhead_setAsideAndEveryOtherMessageJoined() throws IOException {
        final List<String> lines = new ArrayList<>(traffic(100, 0, 10));
        lines.add(4, reception(100 + 10 * DAY, "skewed", "example.net"));

        final IngestResult result = ingest(lines);

        assertEquals(List.of("mainlog.ec:5:BAD_TIMESTAMP"), rejected);
        assertEquals(10, result.messagesStored());
        assertEquals(0, result.noFinalOutcome());
    }

    @Test
    void ingest_threeLinesInARowTenDaysAheadThenBack_allThreeSetAside() throws IOException {
        final List<String> lines = new ArrayList<>(traffic(100, 0, 10));
        lines.addAll(6, List.of(reception(100 + 10 * DAY, "s1", "example.net"),
                delivery(101 + 10 * DAY, "m3", "example.net"), reception(102 + 10 * DAY, "s2", "example.net")));

        final IngestResult result = ingest(lines);

        assertEquals(List.of("mainlog.ec:7:BAD_TIMESTAMP", "mainlog.ec:8:BAD_TIMESTAMP", "mainlog.ec:9:BAD_TIMESTAMP"),
                rejected);
        assertEquals(10, result.messagesStored());
        assertEquals(0, result.noFinalOutcome());
        assertEquals(0, result.orphanAttemptLines(), "the misdated delivery of m3 is set aside, not an orphan");
    }

    @Test
    void ingest_twoDaysQuietThenTrafficAgain_nothingSetAside() throws IOException {
        final List<String> lines = new ArrayList<>(traffic(100, 0, 10));
        lines.addAll(traffic(100 + 2 * DAY, 10, 15));

        final IngestResult result = ingest(lines);

        assertEquals(List.of(), rejected);
        assertEquals(25, result.messagesStored());
        assertEquals(0, result.noFinalOutcome());
    }

    @Test
    void ingest_quietSpellWithTooFewLinesAfterItBeforeTheEnd_thoseLinesSetAside() throws IOException {
        final List<String> lines = new ArrayList<>(traffic(100, 0, 10));
        lines.addAll(traffic(100 + 2 * DAY, 10, 2));

        final IngestResult result = ingest(lines);

        assertEquals(List.of("mainlog.ec:21:BAD_TIMESTAMP", "mainlog.ec:22:BAD_TIMESTAMP",
                "mainlog.ec:23:BAD_TIMESTAMP", "mainlog.ec:24:BAD_TIMESTAMP"), rejected);
        assertEquals(10, result.messagesStored());
    }
}
