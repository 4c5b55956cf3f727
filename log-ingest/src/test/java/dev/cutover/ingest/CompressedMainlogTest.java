package dev.cutover.ingest;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ingest of rotated, compressed logs. The bzip2 and gzip files are made here from the text fixtures; a
 * damaged file is made by cutting the compressed bytes.
 */
class CompressedMainlogTest {
    private static final String MIXED = "/mainlog/example-mixed-22-4x.ec";

    @TempDir
    Path dir;

    private final List<String> rejected = new ArrayList<>();
    private final RejectSink sink = (file, line, reason, text) -> rejected.add(line + ":" + reason + ":" + text);

    @BeforeAll
    static void disableChronicleAnalytics() {
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
    }

    @Test
    void ingest_bzip2Log_sameMessagesAsPlainText() throws IOException {
        final Path log = Files.write(dir.resolve("mainlog.ec.1.bz2"), bzip2(fixtureText(MIXED)));

        try (TrafficStore store = store()) {
            final IngestResult result = new Ingestor().ingest(List.of(log), store, sink, IngestListener.NONE);

            assertEquals(9, result.lines());
            assertEquals(List.of(), rejected);
            assertEquals(IngestorTest.mixedLogMessages(), TrafficStoreTest.readAll(store));
        }
    }

    @Test
    void ingest_concatenatedBzip2StreamsSplitMidLine_readAsOneText() throws IOException {
        final String text = fixtureText(MIXED);
        final int split = text.indexOf("@T@");
        final byte[] bytes = concat(bzip2(text.substring(0, split)), bzip2(text.substring(split)));
        final Path log = Files.write(dir.resolve("mainlog.ec.2.bz2"), bytes);

        try (TrafficStore store = store()) {
            final IngestResult result = new Ingestor().ingest(List.of(log), store, sink, IngestListener.NONE);

            assertEquals(9, result.lines());
            assertEquals(List.of(), rejected);
            assertEquals(IngestorTest.mixedLogMessages(), TrafficStoreTest.readAll(store));
        }
    }

    @Test
    void ingest_bzip2CutInSecondStreamMidLine_earlierLinesKeptAndCutLineRejected() throws IOException {
        final String text = fixtureText("/mainlog/example-22.ec");
        final int split = text.indexOf("@T@");
        final byte[] second = bzip2(text.substring(split));
        final byte[] bytes = concat(bzip2(text.substring(0, split)), Arrays.copyOf(second, second.length / 2));
        final Path log = Files.write(dir.resolve("mainlog.ec.1.bz2"), bytes);

        try (TrafficStore store = store()) {
            final IngestResult result = new Ingestor().ingest(List.of(log), store, sink, IngestListener.NONE);

            final String cutLine = text.substring(text.lastIndexOf('\n', split) + 1, split);
            assertEquals(List.of("4:COMPRESSED_DATA_DAMAGED:" + cutLine), rejected);
            assertEquals(4, result.lines());
            assertEquals(Map.of(RejectReason.COMPRESSED_DATA_DAMAGED, 1L), result.rejects().asMap());
            assertEquals(1, result.messagesStored());
            assertEquals(1, result.pendingMessages());
            assertEquals(3, store.ingestedFiles().get(0).lines(), "the cut line is read again from a whole copy");
        }
    }

    @Test
    void ingest_bzip2CutBetweenLines_damageReportedAfterLastLine() throws IOException {
        final String text = fixtureText("/mainlog/example-22.ec");
        final int split = text.indexOf('\n', text.indexOf("@D@")) + 1;
        final byte[] second = bzip2(text.substring(split));
        final byte[] bytes = concat(bzip2(text.substring(0, split)), Arrays.copyOf(second, second.length / 2));
        final Path log = Files.write(dir.resolve("mainlog.ec.1.bz2"), bytes);

        try (TrafficStore store = store()) {
            final IngestResult result = new Ingestor().ingest(List.of(log), store, sink, IngestListener.NONE);

            assertEquals(List.of("4:COMPRESSED_DATA_DAMAGED:"), rejected);
            assertEquals(3, result.lines());
            assertEquals(1, result.messagesStored());
            assertEquals(1, result.pendingMessages());
        }
    }

    @Test
    void ingest_gzipCutInTheMiddle_linesBeforeCutKeptAndOneDamageReject() throws IOException {
        final String text = fixtureText(MIXED);
        final byte[] whole = gzip(text);
        final Path log = Files.write(dir.resolve("mainlog.ec.gz"), Arrays.copyOf(whole, whole.length * 2 / 3));

        try (TrafficStore store = store()) {
            final IngestResult result = new Ingestor().ingest(List.of(log), store, sink, IngestListener.NONE);

            assertEquals(1, rejected.size(), rejected.toString());
            final String[] reject = rejected.get(0).split(":", 3);
            final int lineNumber = Integer.parseInt(reject[0]);
            assertEquals("COMPRESSED_DATA_DAMAGED", reject[1]);
            assertTrue(lineNumber > 1 && lineNumber <= 9, rejected.toString());
            assertTrue(text.lines().toList().get(lineNumber - 1).startsWith(reject[2]), reject[2]);
            assertEquals(Map.of(RejectReason.COMPRESSED_DATA_DAMAGED, 1L), result.rejects().asMap());
            assertTrue(result.messagesStored() >= 1, result.toString());
        }
    }

    @Test
    void ingest_gzipSecondMemberWithDamagedHeader_firstMembersLinesKeptAndDamageRejectAfterThem() throws IOException {
        final String text = fixtureText(MIXED);
        final int split = text.indexOf('\n', text.length() / 2) + 1;
        final byte[] first = gzip(text.substring(0, split));
        final byte[] both = concat(first, gzip(text.substring(split)));
        both[first.length + 2] = 7;
        final Path log = Files.write(dir.resolve("mainlog.ec.gz"), both);
        final long firstLines = text.substring(0, split).lines().count();

        try (TrafficStore store = store()) {
            new Ingestor().ingest(List.of(log), store, sink, IngestListener.NONE);

            assertEquals(List.of((firstLines + 1) + ":COMPRESSED_DATA_DAMAGED:"), rejected);
        }
    }

    @Test
    void ingest_gzipWithTwoSoundMembers_noDamage() throws IOException {
        final String text = fixtureText(MIXED);
        final int split = text.indexOf('\n', text.length() / 2) + 1;
        final Path log = Files.write(dir.resolve("mainlog.ec.gz"),
                concat(gzip(text.substring(0, split)), gzip(text.substring(split))));

        try (TrafficStore store = store()) {
            final IngestResult result = new Ingestor().ingest(List.of(log), store, sink, IngestListener.NONE);

            assertEquals(List.of(), rejected);
            assertEquals(9, result.lines());
        }
    }

    @Test
    void ingest_gzipCutInsideHeader_ingestExceptionNamingFile() throws IOException {
        final Path log = Files.write(dir.resolve("mainlog.ec.gz"), Arrays.copyOf(gzip(fixtureText(MIXED)), 6));

        try (TrafficStore store = store()) {
            final IngestException e = assertThrows(IngestException.class,
                    () -> new Ingestor().ingest(List.of(log), store, sink, IngestListener.NONE));

            assertTrue(e.getMessage().startsWith(log + ": gzip data is truncated or corrupt"), e.getMessage());
            assertTrue(e.getMessage().contains("expected a complete gzip stream"), e.getMessage());
            assertEquals(0, store.messageCount());
        }
    }

    private TrafficStore store() {
        return TrafficStore.open(dir.resolve("store"), TrafficStoreTest.TEST_BLOCK_SIZE);
    }

    private static String fixtureText(String resource) {
        return String.join("\n", Mainlog2xParserTest.fixtureLines(resource)) + "\n";
    }

    private static byte[] bzip2(String text) throws IOException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new BZip2CompressorOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(String text) throws IOException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        final byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
