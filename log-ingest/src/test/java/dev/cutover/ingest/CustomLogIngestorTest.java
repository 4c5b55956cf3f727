package dev.cutover.ingest;

import dev.cutover.ingest.custom.CustomLogFile;
import dev.cutover.ingest.custom.CustomLogFormat;
import dev.cutover.ingest.custom.CustomLogStage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomLogIngestorTest extends IngestTestSupport {
    static final String DELIVERY_FORMAT = "%t,%i,%BI,%CI,%g,%b,%r,%R,%d,%H,%N,%T{3},%n";
    static final String FAILURE_FORMAT = "%t,%i,%BI,%CI,%g,%b,%r,%R,%d,%H,%N,%T{3},%S,%n";

    static List<CustomLogFile> fixture() throws URISyntaxException {
        final Path folder = Path.of(CustomLogIngestorTest.class.getResource("/custom/delivery.csv").toURI())
                .getParent();
        final CustomLogFormat failure = CustomLogFormat.parse(FAILURE_FORMAT);
        return List.of(
                new CustomLogFile(folder.resolve("delivery.csv"), CustomLogStage.DELIVERY,
                        CustomLogFormat.parse(DELIVERY_FORMAT)),
                new CustomLogFile(folder.resolve("tempfail.csv"), CustomLogStage.TRANSIENT_FAILURE, failure),
                new CustomLogFile(folder.resolve("permfail.csv"), CustomLogStage.PERMANENT_FAILURE, failure));
    }

    @Test
    void ingest_goldenFixture_joinsFourMessagesInReceptionOrder() throws Exception {
        try (TrafficStore store = store()) {
            final IngestResult result = ingest(fixture(), store);

            assertEquals(new IngestResult(3, 0, 7, 1, 0, result.rejects(), 0, 0, 1_717_430_401_290_000L,
                    1_717_430_401_290_000L, 3, 0, 0, List.of()), result);
            assertEquals(Map.of(RejectReason.TOO_FEW_FIELDS, 1L), result.rejects().asMap());
            assertEquals(List.of("permfail.csv:2:TOO_FEW_FIELDS"), rejected);
            final List<MessageRecord> stored = TrafficStoreTest.readAll(store);
            assertEquals(List.of("A1/00-23311-0B7C21F9", "A3/00-23311-2C7C21F9", "A2/00-23311-1B7C21F9",
                    "A5/00-23311-5E7C21F9"), stored.stream().map(MessageRecord::messageId).toList());
            assertEquals(new MessageRecord(1_717_430_399_820_000L, "", "A1/00-23311-0B7C21F9", "example.net",
                    "example.net", "", "retail", "retail-ip-03", 0, List.of(new Attempt(1_717_430_403_000_000L,
                    Outcome.DELIVERED, 250, "", 0, 3.18, "5D/00-23311-91E221F9", "retail", "retail-ip-03", -1,
                    "203.0.113.25")), Completeness.COMPLETE), stored.get(0));
        }
    }

    @Test
    void ingest_goldenFixture_joinsRetriesAcrossStageFiles() throws Exception {
        try (TrafficStore store = store()) {
            ingest(fixture(), store);

            final MessageRecord retried = TrafficStoreTest.readAll(store).get(2);
            assertEquals(1_717_430_401_290_000L, retried.receptionMicros());
            assertEquals(List.of(Outcome.TRANSIENT, Outcome.TRANSIENT, Outcome.DELIVERED),
                    retried.attempts().stream().map(Attempt::outcome).toList());
            assertEquals(new Attempt(1_717_430_404_000_000L, Outcome.TRANSIENT, 421,
                    "421 4.7.0 [GL01] deferred, try later", 0, 2.71, "6E/00-23311-A2E221F9", "retail",
                    "retail-ip-04", 4, "198.51.100.7"), retried.attempts().get(0));
            assertEquals("", retried.attempts().get(1).remoteIp());
            assertEquals(2, retried.attempts().get(2).retryCount());
            assertEquals(Completeness.COMPLETE, retried.completeness());
        }
    }

    @Test
    void ingest_goldenFixture_keepsUnquotedBounceTextAndFlushesOpenMessage() throws Exception {
        try (TrafficStore store = store()) {
            ingest(fixture(), store);

            final List<MessageRecord> stored = TrafficStoreTest.readAll(store);
            final Attempt bounce = stored.get(1).finalAttempt();
            assertEquals(Outcome.PERMANENT, bounce.outcome());
            assertEquals(550, bounce.responseCode());
            assertEquals("550 5.1.1 <carol@example.net>: Recipient address rejected, User unknown",
                    bounce.responseText());
            assertEquals(1_717_431_690_000_000L, stored.get(3).receptionMicros());
            assertEquals(Completeness.NO_FINAL_OUTCOME, stored.get(3).completeness());
        }
    }

    @Test
    void ingest_sameFilesTwice_secondSkipsAll() throws Exception {
        try (TrafficStore store = store()) {
            ingest(fixture(), store);
            final IngestResult again = ingest(fixture(), store);

            assertEquals(0, again.filesRead());
            assertEquals(3, again.filesSkipped());
            assertEquals(0, again.lines());
            assertEquals(1, store.lateCount(), "the message open for over ten minutes stepped out of order");
            assertEquals(3, store.pendingCount());
            assertEquals(List.of(2L, 3L, 2L), store.ingestedFiles().stream().map(FileProgress::lines).toList());
        }
    }

    @Test
    void ingest_lateFirstLineBeyondHoldBack_isRejectedAndOrderKept() throws IOException {
        final Path log = Files.writeString(dir.resolve("delivery.csv"), String.join("\n",
                "1717430100,B1,example.net,10", "1717430200,B2,example.net,10", "1717430300,B3,example.net,290", ""));
        final CustomLogFile file = new CustomLogFile(log, CustomLogStage.DELIVERY,
                CustomLogFormat.parse("%t,%i,%R,%T"));

        try (TrafficStore store = store()) {
            final IngestResult result = new CustomLogIngestor(Set.of(), "", 60_000_000L)
                    .ingest(List.of(), List.of(file), store, sink, IngestListener.NONE);

            assertEquals(2, result.messagesStored());
            assertEquals(List.of("delivery.csv:3:LATE_RECEPTION"), rejected);
            assertEquals(List.of("B1", "B2"),
                    TrafficStoreTest.readAll(store).stream().map(MessageRecord::messageId).toList());
        }
    }

    @Test
    void ingest_fileWithoutUsableLine_storesNothing() throws IOException {
        final Path log = Files.writeString(dir.resolve("delivery.csv"), "no,such\nlines\n");
        final CustomLogFile file = new CustomLogFile(log, CustomLogStage.DELIVERY,
                CustomLogFormat.parse("%t,%i,%R,%T"));

        try (TrafficStore store = store()) {
            final IngestException e = assertThrows(IngestException.class, () -> ingest(List.of(file), store));

            assertTrue(e.getMessage().contains("holds no line that parses (2 lines read; line 1: TOO_FEW_FIELDS)"),
                    e.getMessage());
            assertEquals(0, store.messageCount());
        }
    }

    @Test
    void ingest_holdBackSpilledBeyondOneMessage_storesTheSameMessagesInTheSameOrder() throws Exception {
        final List<MessageRecord> inMemory;
        try (TrafficStore store = store()) {
            ingest(fixture(), store);
            inMemory = TrafficStoreTest.readAll(store);
        }
        final List<IngestInput> inputs = fixture().stream().map(log -> IngestInput.custom(log, "")).toList();

        try (TrafficStore store = TrafficStore.open(dir.resolve("spilling"), 256 << 10)) {
            Ingestor.ingestInputs(inputs, store, RejectSink.DISCARD, IngestListener.NONE, IngestOptions.defaults()
                    .withHoldBack(ReceptionOrderJoiner.DEFAULT_MAX_MESSAGE_AGE_MICROS).withMaxHeldInMemory(1));

            assertEquals(inMemory, TrafficStoreTest.readAll(store));
            assertEquals(1, store.state().held().held().stream().filter(IngestState.Pending::isSpilled).count(),
                    "of the two finished messages held back, all but one are spilled");
        }
    }

    private IngestResult ingest(List<CustomLogFile> logs, TrafficStore store) {
        return new CustomLogIngestor().ingest(List.of(), logs, store, sink, IngestListener.NONE);
    }

    private TrafficStore store() {
        return TrafficStore.open(dir.resolve("store"), 256 << 10);
    }
}
