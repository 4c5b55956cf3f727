package dev.cutover.ingest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Mainlogs of two cluster nodes whose message ids collide (fixtures in {@code /cluster}, see its README). */
class ClusterIngestTest extends IngestTestSupport {
    private static final long T0_MICROS = 1_717_430_400_000_000L;
    private static final String B1 = "B1/00-10001-0A000001";
    private static final String B2 = "B2/00-10001-0B000001";

    @Test
    void ingestSources_twoNodesSameIds_bothMessagesKeyedByNodeInReceptionOrder() throws IOException {
        final Path mta1 = copyFixture("mta1-mainlog.ec", "mta1-mainlog.ec");
        final Path mta2 = copyFixture("mta2-mainlog.ec", "mta2-mainlog.ec");

        try (TrafficStore store = store()) {
            final IngestResult result = new Ingestor().ingestSources(
                    List.of(new LogSource(mta2, "mta2"), new LogSource(mta1, "mta1")), store, sink,
                    IngestListener.NONE);

            assertEquals(new IngestResult(2, 0, 7, 3, 0, result.rejects(), 0, 0, T0_MICROS,
                    T0_MICROS + 4_000_000L, 0, 0, 0, List.of()), result);
            assertEquals(List.of(), rejected);
            assertEquals(List.of(
                    "mta1|" + B1 + "|0s|example.net|DELIVERED@3s|COMPLETE",
                    "mta2|" + B1 + "|1s|example.org|TRANSIENT@2s,DELIVERED@5s|COMPLETE",
                    "mta1|" + B2 + "|4s|example.com|DELIVERED@6s|COMPLETE"), summaries(store));
        }
    }

    @Test
    void ingestSources_rotatedNodeLogGivenNewestFirst_readInOrderAndMerged() throws IOException {
        final List<String> mta1Lines = fixtureLines("mta1-mainlog.ec");
        final Path older = Files.write(dir.resolve("mainlog.ec.1"), mta1Lines.subList(0, 2), StandardCharsets.UTF_8);
        final Path newer = Files.write(dir.resolve("mainlog.ec"), mta1Lines.subList(2, 4), StandardCharsets.UTF_8);
        final Path mta2 = copyFixture("mta2-mainlog.ec", "mta2-mainlog.ec");

        try (TrafficStore store = store()) {
            final IngestResult result = new Ingestor().ingestSources(List.of(new LogSource(newer, "mta1"),
                    new LogSource(mta2, "mta2"), new LogSource(older, "mta1")), store, sink, IngestListener.NONE);

            assertEquals(3, result.filesRead());
            assertEquals(List.of(), rejected);
            assertEquals(List.of(B1 + "@mta1", B1 + "@mta2", B2 + "@mta1"), TrafficStoreTest.readAll(store).stream()
                    .map(message -> message.messageId() + "@" + message.node()).toList());
            assertEquals(List.of("mainlog.ec.1:2", "mta2-mainlog.ec:3", "mainlog.ec:2"), store.ingestedFiles()
                    .stream().map(file -> file.name() + ":" + file.lines()).toList());
        }
    }

    @Test
    void ingestSources_customLogsAlongsideTwoNodes_mainlogsKeyedByNode() throws IOException {
        final Path mta1 = copyFixture("mta1-mainlog.ec", "mta1-mainlog.ec");
        final Path mta2 = copyFixture("mta2-mainlog.ec", "mta2-mainlog.ec");

        try (TrafficStore store = store()) {
            final IngestResult result = new CustomLogIngestor().ingestSources(
                    List.of(new LogSource(mta1, "mta1"), new LogSource(mta2, "mta2")), List.of(), store, sink,
                    IngestListener.NONE);

            assertEquals(0, result.messagesStored());
            assertEquals(3, result.pendingMessages());
            assertEquals(List.of(), rejected);
            assertEquals(List.of("mta1", "mta2", "mta1"),
                    TrafficStoreTest.readAll(store).stream().map(MessageRecord::node).toList());
        }
    }

    private static List<String> summaries(TrafficStore store) {
        return TrafficStoreTest.readAll(store).stream().map(ClusterIngestTest::summary).toList();
    }

    private static String summary(MessageRecord message) {
        final String attempts = message.attempts().stream()
                .map(attempt -> attempt.outcome() + "@" + seconds(attempt.timeMicros()))
                .collect(Collectors.joining(","));
        return String.join("|", message.node(), message.messageId(), seconds(message.receptionMicros()),
                message.recipientDomain(), attempts, message.completeness().name());
    }

    private static String seconds(long micros) {
        return (micros - T0_MICROS) / 1_000_000L + "s";
    }

    private static List<String> fixtureLines(String name) {
        return Mainlog2xParserTest.fixtureLines("/cluster/" + name);
    }

    private Path copyFixture(String name, String target) throws IOException {
        return Files.write(dir.resolve(target), fixtureLines(name), StandardCharsets.UTF_8);
    }

    private TrafficStore store() {
        return TrafficStore.open(dir.resolve("store"), TrafficStoreTest.TEST_BLOCK_SIZE);
    }
}
