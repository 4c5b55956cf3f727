package dev.cutover.ingest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrafficStoreTest {
    static final long TEST_BLOCK_SIZE = 256 << 10;

    @TempDir
    Path dir;

    @BeforeAll
    static void disableChronicleAnalytics() {
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
    }

    @Test
    void cursor_recordsWithSeveralAttempts_readBackEqualInAppendOrder() {
        final List<MessageRecord> records = sampleRecords();

        try (TrafficStore store = TrafficStore.open(dir, TEST_BLOCK_SIZE)) {
            records.forEach(store::append);

            assertEquals(records, readAll(store));
            assertEquals(3, store.messageCount());
        }
    }

    @Test
    void cursor_textOutsideAscii_readBackUnchanged() {
        final MessageRecord message = new MessageRecord(1, "nœud", "id-é", "bücher.example", "bücher.example",
                "s.example", "pool", "pool-a", 10, List.of(new Attempt(2, Outcome.PERMANENT, 550, "550 Empfänger "
                + "unbekannt \u2014 ✉", 0, 1.5, "c1", "pool", "pool-a", 5, "192.0.2.1", 10)), Completeness.COMPLETE);
        try (TrafficStore store = TrafficStore.open(dir, TEST_BLOCK_SIZE)) {
            store.append(message);

            assertEquals(List.of(message), readAll(store));
        }
    }

    @Test
    void open_afterClose_newInstanceReadsSameRecords() {
        try (TrafficStore store = TrafficStore.open(dir, TEST_BLOCK_SIZE)) {
            sampleRecords().forEach(store::append);
        }

        try (TrafficStore reopened = TrafficStore.open(dir, TEST_BLOCK_SIZE)) {
            assertEquals(sampleRecords(), readAll(reopened));
            assertEquals(3, reopened.messageCount());
        }
    }

    @Test
    void append_afterReopen_addsAfterEarlierRecords() {
        try (TrafficStore store = TrafficStore.open(dir, TEST_BLOCK_SIZE)) {
            store.append(sampleRecords().get(0));
        }

        try (TrafficStore reopened = TrafficStore.open(dir, TEST_BLOCK_SIZE)) {
            reopened.append(sampleRecords().get(1));

            assertEquals(sampleRecords().subList(0, 2), readAll(reopened));
        }
    }

    @Test
    void cursor_emptyStore_returnsNull() {
        try (TrafficStore store = TrafficStore.open(dir, TEST_BLOCK_SIZE); MessageCursor cursor = store.cursor()) {
            assertNull(cursor.next());
            assertEquals(0, store.messageCount());
        }
    }

    @Test
    void open_stateOfAnotherLayout_isLegacyAndReadsAsEmpty() throws IOException {
        Files.createDirectories(dir.resolve("old"));
        Files.write(dir.resolve("old").resolve(IngestState.FILE_NAME), new byte[] {20, 'C', 'U', 'T', 1, 2, 3});

        try (TrafficStore store = TrafficStore.open(dir.resolve("old"), TEST_BLOCK_SIZE)) {
            assertTrue(store.isLegacy());
            assertEquals(IngestState.EMPTY, store.state());
        }
    }

    @Test
    void fileIdentity_sameContentOtherName_equal() throws IOException {
        final FileIdentity first = FileIdentity.of(write("a.ec", "1717430460@@@@M\n"));
        final FileIdentity copy = FileIdentity.of(write("b.ec", "1717430460@@@@M\n"));
        final FileIdentity other = FileIdentity.of(write("c.ec", "1717430520@@@@M\n"));

        assertEquals(first, copy);
        assertNotEquals(first, other);
        assertEquals(16, first.sizeBytes());
    }

    @Test
    void fileIdentity_largeFileDifferingOnlyAtEnd_differs() throws IOException {
        final String body = "1717430460@@@@M\n".repeat(20_000);

        final FileIdentity first = FileIdentity.of(write("a.ec", body + "1717430520@@@@M\n"));
        final FileIdentity second = FileIdentity.of(write("b.ec", body + "1717430580@@@@M\n"));

        assertEquals(first.headSha256(), second.headSha256());
        assertNotEquals(first, second);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    static List<MessageRecord> readAll(TrafficStore store) {
        final List<MessageRecord> records = new ArrayList<>();
        try (MessageCursor cursor = store.cursor()) {
            for (MessageRecord r = cursor.next(); r != null; r = cursor.next()) {
                records.add(r);
            }
        }
        return records;
    }

    static List<MessageRecord> sampleRecords() {
        final Attempt deferred = new Attempt(1_717_430_404_000_000L, Outcome.TRANSIENT, 421,
                "421 4.7.0 [GL01] Message from 192.0.2.44 temporarily deferred — réessayez", 0, 2.71,
                "6E/00-23311-A2E221F9", "retail", "retail-ip-04", 4, "198.51.100.7");
        final Attempt noMx = new Attempt(1_717_431_604_000_000L, Outcome.TRANSIENT, 421,
                "421 4.4.0 [internal] no MXs for this domain could be reached at this time", 1, 1203.40,
                "7F/00-23311-B3E221F9", "retail", "retail-ip-04", 0, "");
        final Attempt delivered = new Attempt(1_717_434_004_000_000L, Outcome.DELIVERED, 250, "", 2, 3603.12,
                "80/00-23311-C4E221F9", "retail", "retail-ip-04", -1, "198.51.100.8");
        return List.of(
                new MessageRecord(1_717_430_401_000_000L, "", "A2/00-23311-1B7C21F9", "example.org", "example.org",
                        "news.example.com", "retail", "retail-ip-04", 48190, List.of(deferred, noMx, delivered),
                        Completeness.COMPLETE),
                new MessageRecord(1_717_430_402_000_000L, "mta2", "A3/00-23311-2C7C21F9", "example.net",
                        "relay.example.com", "news.example.com", "retail", "retail-ip-03", 131, List.of(deferred),
                        Completeness.NO_FINAL_OUTCOME),
                new MessageRecord(1_717_430_403_000_000L, "", "A4/00-23311-3D7C21F9", "example.com", "example.com",
                        "news.example.com", "retail", "retail-ip-05", 0, List.of(), Completeness.NO_FINAL_OUTCOME));
    }
}
