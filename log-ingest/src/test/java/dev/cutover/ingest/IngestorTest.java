package dev.cutover.ingest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestorTest extends IngestTestSupport {

    @Test
    void ingest_exampleLog_joinsTwoMessagesAndRejectsAnOrphanAndALineAWeekAheadOfItsNeighbours() throws IOException {
        final Path log = writeLines("mainlog.ec", MainlogParserTest.exampleLines());

        try (TrafficStore store = store()) {
            final IngestResult result = new Ingestor().ingest(List.of(log), store, sink, IngestListener.NONE);

            assertEquals(new IngestResult(1, 0, 9, 2, 0, result.rejects(), 1, 0, 1_717_430_400_000_000L,
                    1_717_430_401_000_000L, 0, 0, 0, List.of()), result);
            assertEquals(Map.of(RejectReason.ORPHAN_ATTEMPT, 1L, RejectReason.BAD_TIMESTAMP, 1L),
                    result.rejects().asMap());
            assertEquals(List.of("mainlog.ec:7:ORPHAN_ATTEMPT", "mainlog.ec:8:BAD_TIMESTAMP"), rejected);
            final List<MessageRecord> stored = TrafficStoreTest.readAll(store);
            assertEquals(List.of("A1/00-23311-0B7C21F9", "A2/00-23311-1B7C21F9"),
                    stored.stream().map(MessageRecord::messageId).toList());
            assertEquals(3, stored.get(1).attempts().size());
            assertEquals(Completeness.COMPLETE, stored.get(1).completeness());
        }
    }

    @Test
    void ingest_sameFileTwice_secondAppendsNothing() throws IOException {
        final Path log = writeLines("mainlog.ec", MainlogParserTest.exampleLines());
        final Path copy = writeLines("copy-of-mainlog.ec", MainlogParserTest.exampleLines());

        try (TrafficStore store = store()) {
            new Ingestor().ingest(List.of(log), store, sink, IngestListener.NONE);
            final IngestResult again = new Ingestor().ingest(List.of(log, copy), store, sink, IngestListener.NONE);

            assertEquals(0, again.filesRead());
            assertEquals(2, again.filesSkipped());
            assertEquals(0, again.messagesStored());
            assertEquals(2, store.messageCount() + store.lateCount());
            assertEquals(0, store.pendingCount());
            assertEquals(9, store.ingestedFiles().get(0).lines());
        }
    }

    @Test
    void ingest_rotatedFilesGivenNewestFirst_readOldestFirstAndJoined() throws IOException {
        final List<String> lines = MainlogParserTest.exampleLines();
        final Path older = writeLines("mainlog.ec.1", lines.subList(0, 2));
        final Path newer = writeLines("mainlog.ec", lines.subList(2, 6));

        try (TrafficStore store = store()) {
            final IngestResult result = new Ingestor().ingest(List.of(newer, older), store, sink, IngestListener.NONE);

            assertEquals(2, result.messagesStored());
            assertEquals(0, result.orphanAttemptLines());
            assertEquals(0, result.noFinalOutcome());
            assertEquals(List.of(), rejected);
        }
    }

    @Test
    void ingest_otherBindingGroupSelected_messagesFilteredNotRejected() throws IOException {
        final Path log = writeLines("mainlog.ec", MainlogParserTest.exampleLines());

        try (TrafficStore store = store()) {
            final IngestResult result = new Ingestor(Set.of("transactional"), "")
                    .ingest(List.of(log), store, sink, IngestListener.NONE);

            assertEquals(0, result.messagesStored());
            assertEquals(2, result.filteredMessages());
            assertEquals(2, result.rejects().total());
            assertEquals(-1, result.firstReceptionMicros());
        }
    }

    @Test
    void ingest_badAndOverlongLines_rejectedWithLineNumbers() throws IOException {
        final Path log = dir.resolve("mainlog.ec");
        try (Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            out.write(ReceptionOrderJoinerTest.reception(1, "A", "example.net") + "\n");
            out.write("1717430001@A@A@C@T@" + "y".repeat(10 << 20) + "\n");
            out.write("garbage\n");
            out.write(ReceptionOrderJoinerTest.delivery(2, "A", "example.net") + "\n");
        }

        try (TrafficStore store = store()) {
            final IngestResult result = new Ingestor().ingest(List.of(log), store, sink, IngestListener.NONE);

            assertEquals(List.of("mainlog.ec:2:LINE_TOO_LONG", "mainlog.ec:3:TOO_FEW_FIELDS"), rejected);
            assertEquals(1, result.messagesStored());
            assertEquals(4, result.lines());
        }
    }

    @Test
    void ingest_progress_reportedAtEndOfFile() throws IOException {
        final Path log = writeLines("mainlog.ec", MainlogParserTest.exampleLines());
        final List<String> events = new ArrayList<>();
        final IngestListener listener = new IngestListener() {
            @Override
            public void progress(Path file, long linesRead, long bytesRead, long messagesStored) {
                events.add(linesRead + "/" + messagesStored);
            }
        };

        try (TrafficStore store = store()) {
            new Ingestor().ingest(List.of(log), store, sink, listener);
        }

        assertEquals(List.of("9/2"), events);
    }

    @Test
    void ingest_emptyFile_ingestExceptionNamingFile() throws IOException {
        final Path empty = Files.createFile(dir.resolve("empty-mainlog.ec"));

        final IngestException e = assertIngestFails(empty);

        assertTrue(e.getMessage().contains("empty-mainlog.ec"), e.getMessage());
        assertTrue(e.getMessage().contains("empty (0 bytes)"), e.getMessage());
    }

    @Test
    void ingest_missingFile_ingestExceptionNamingFile() {
        final IngestException e = assertIngestFails(dir.resolve("no-such-mainlog.ec"));

        assertTrue(e.getMessage().contains("no-such-mainlog.ec: no such file"), e.getMessage());
    }

    @Test
    void ingest_directory_ingestException() throws IOException {
        final IngestException e = assertIngestFails(Files.createDirectory(dir.resolve("logs")));

        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void ingest_binaryFile_ingestException() throws IOException {
        final Path binary = Files.write(dir.resolve("mainlog.ec"), new byte[4096]);

        final IngestException e = assertIngestFails(binary);

        assertTrue(e.getMessage().contains("looks binary"), e.getMessage());
    }

    @Test
    void ingest_textWithoutMainlogLines_ingestException() throws IOException {
        final Path text = writeLines("notes.txt", List.of("hello", "world"));

        final IngestException e = assertIngestFails(text);

        assertTrue(e.getMessage().startsWith(text + ": holds no line that parses; expected a Momentum mainlog"),
                e.getMessage());
    }

    @Test
    void ingest_bzip2HeaderWithoutBlock_ingestExceptionNamingDamage() throws IOException {
        final Path bz2 = Files.writeString(dir.resolve("mainlog.ec.1.bz2"), "BZh91AY&SY");

        final IngestException e = assertIngestFails(bz2);

        assertTrue(e.getMessage().startsWith(bz2 + ": bzip2 data is truncated or corrupt before its first"),
                e.getMessage());
        assertTrue(e.getMessage().contains("expected a complete bzip2 stream"), e.getMessage());
    }

    @Test
    void ingest_mixed22And4xLog_joinsAcrossLayouts() throws IOException {
        final Path log = writeLines("mainlog.ec", Mainlog2xParserTest.fixtureLines("/mainlog/example-mixed-22-4x.ec"));

        try (TrafficStore store = store()) {
            final IngestResult result = new Ingestor().ingest(List.of(log), store, sink, IngestListener.NONE);

            assertEquals(new IngestResult(1, 0, 9, 3, 0, result.rejects(), 0, 0, 1_400_000_000_000_000L,
                    1_400_000_100_000_000L, 0, 0, 0, List.of()), result);
            assertEquals(List.of(), rejected);
            assertEquals(mixedLogMessages(), TrafficStoreTest.readAll(store));
        }
    }

    @Test
    void ingest_example21Log_twoCompleteMessagesWithoutBindingGroup() throws IOException {
        final Path log = writeLines("mainlog.ec", Mainlog2xParserTest.fixtureLines("/mainlog/example-21.ec"));

        try (TrafficStore store = store()) {
            final IngestResult result = new Ingestor().ingest(List.of(log), store, sink, IngestListener.NONE);

            assertEquals(List.of(), rejected);
            final List<MessageRecord> stored = TrafficStoreTest.readAll(store);
            assertEquals(List.of("00/00-25004-51B987F3", "00/00-25004-61B987F3"),
                    stored.stream().map(MessageRecord::messageId).toList());
            assertEquals(List.of("", ""), stored.stream().map(MessageRecord::bindingGroup).toList());
            assertEquals(List.of(Outcome.TRANSIENT, Outcome.PERMANENT),
                    stored.get(1).attempts().stream().map(Attempt::outcome).toList());
            assertEquals(0, result.noFinalOutcome());
        }
    }

    @Test
    void ingest_crlfLineEndings_sameMessagesAsLf() throws IOException {
        final List<String> lines = Mainlog2xParserTest.fixtureLines("/mainlog/example-mixed-22-4x.ec");
        final Path log = Files.writeString(dir.resolve("mainlog.ec"), String.join("\r\n", lines) + "\r\n");

        try (TrafficStore store = store()) {
            final IngestResult result = new Ingestor().ingest(List.of(log), store, sink, IngestListener.NONE);

            assertEquals(9, result.lines());
            assertEquals(List.of(), rejected);
            assertEquals(mixedLogMessages(), TrafficStoreTest.readAll(store));
        }
    }

    /** The three messages of {@code example-mixed-22-4x.ec}, as the store should hold them. */
    static List<MessageRecord> mixedLogMessages() {
        final String a = "00/00-11111-0A000001";
        final String b = "00/00-11111-0A000002";
        final String c = "B1/00-22222-0B000003";
        final String shared = "C1/00-22222-0C000002";
        return List.of(
                new MessageRecord(1_400_000_000_000_000L, "", a, "example.net", "example.net", "mail.example.com",
                        "retail", "retail-ip-01", 5000, List.of(new Attempt(1_400_000_005_000_000L, Outcome.DELIVERED,
                        250, "", 0, 5.02, "", "retail", "retail-ip-01", -1, "203.0.113.5")), Completeness.COMPLETE,
                        "esmtp"),
                new MessageRecord(1_400_000_001_000_000L, "", b, "example.org", "example.org", "mail.example.com",
                        "retail", "retail-ip-02", 6000, List.of(
                        new Attempt(1_400_000_006_000_000L, Outcome.TRANSIENT, 451,
                                "451 4.4.1 [internal] No valid hosts (unable to make any connections)", 0, 5.10, "",
                                "retail", "retail-ip-02", 0, ""),
                        new Attempt(1_400_000_301_000_000L, Outcome.DELIVERED, 250, "", 1, 300.50, shared, "retail",
                                "retail-ip-02", -1, "198.51.100.20")), Completeness.COMPLETE, "xfer"),
                new MessageRecord(1_400_000_100_000_000L, "", c, "example.com", "example.com", "mail.example.com",
                        "retail", "retail-ip-03", 7000, List.of(new Attempt(1_400_000_302_000_000L, Outcome.PERMANENT,
                        550, "550 5.1.1 <carol@example.com>: Recipient address rejected: User unknown", 0, 202.40,
                        shared, "retail", "retail-ip-03", 5, "198.51.100.21")), Completeness.COMPLETE, "esmtp"));
    }

    private IngestException assertIngestFails(Path file) {
        try (TrafficStore store = store()) {
            final IngestException e = assertThrows(IngestException.class,
                    () -> new Ingestor().ingest(List.of(file), store, sink, IngestListener.NONE));
            assertEquals(0, store.messageCount());
            return e;
        }
    }

    private TrafficStore store() {
        return TrafficStore.open(dir.resolve("store"), TrafficStoreTest.TEST_BLOCK_SIZE);
    }

    private Path writeLines(String name, List<String> lines) throws IOException {
        return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }
}
