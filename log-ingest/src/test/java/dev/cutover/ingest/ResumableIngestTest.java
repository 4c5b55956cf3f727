package dev.cutover.ingest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ingests that go on where the last one stopped: grown files, rotation, a killed ingest, rewritten files. */
class ResumableIngestTest extends IngestTestSupport {
    static final long T0 = 1_717_430_400L;
    private static final long TEST_BLOCK_SIZE = 256 << 10;

    @Test
    void ingest_fileGrownBetweenIngests_readsOnlyNewLinesAndJoinsAcrossThem() throws IOException {
        final List<String> lines = traffic(40);
        final Path log = dir.resolve("mainlog.ec");
        Files.write(log, lines.subList(0, 30));

        try (TrafficStore store = store("grown")) {
            final IngestResult first = new Ingestor().ingest(List.of(log), store, sink, IngestListener.NONE);
            Files.write(log, lines.subList(30, lines.size()), StandardOpenOption.APPEND);
            final IngestResult second = new Ingestor().ingest(List.of(log), store, sink, IngestListener.NONE);

            assertEquals(30, first.lines());
            assertEquals(lines.size() - 30, second.lines());
            assertEquals(wholeAtOnce(lines), storedSummaries(store));
            assertEquals(lines.size(), store.ingestedFiles().get(0).lines());
        }
    }

    @Test
    void ingest_halfWrittenLastLine_leftForTheNextIngestAndReadWhole() throws IOException {
        final List<String> lines = traffic(40);
        final Path log = dir.resolve("mainlog.ec");
        final String cut = lines.get(30).substring(0, 25);
        Files.writeString(log, String.join("\n", lines.subList(0, 30)) + "\n" + cut);

        try (TrafficStore store = store("half")) {
            final IngestResult first = new Ingestor().ingest(List.of(log), store, sink, IngestListener.NONE);
            Files.writeString(log, lines.get(30).substring(25) + "\n" + String.join("\n",
                    lines.subList(31, lines.size())) + "\n", StandardOpenOption.APPEND);
            final IngestResult second = new Ingestor().ingest(List.of(log), store, sink, IngestListener.NONE);

            assertEquals(List.of(new IngestResult.HeldBackLine(log, 31, 25)), first.heldBackLines());
            assertEquals(30, first.lines());
            assertEquals(lines.size() - 30, second.lines());
            assertEquals(List.of(), rejected);
            assertEquals(wholeAtOnce(lines), storedSummaries(store));
        }
    }

    @Test
    void ingest_rotatedRenamedAndGzippedThenNewFile_restOfOldFileAndNewFileRead() throws IOException {
        final List<String> lines = traffic(40);
        final Path live = dir.resolve("mainlog.ec");
        Files.write(live, lines.subList(0, 20));

        try (TrafficStore store = store("rotated")) {
            new Ingestor().ingest(List.of(live), store, sink, IngestListener.NONE);
            final Path rotated = dir.resolve("mainlog.ec.1.gz");
            gzip(lines.subList(0, 50), rotated);
            Files.write(live, lines.subList(50, lines.size()));
            final IngestResult second = new Ingestor().ingest(List.of(live, rotated), store, sink,
                    IngestListener.NONE);

            assertEquals(lines.size() - 20, second.lines());
            assertEquals(wholeAtOnce(lines), storedSummaries(store));
            assertEquals(List.of(), rejected);
        }
    }

    @Test
    void ingest_killedAfterAppendingPastLastSave_resumedRunStoresEveryMessageOnce() throws IOException {
        final List<String> lines = traffic(100_000);
        lines.add(4, "not a mainlog line");
        lines.add(150_000, "1717430500@orphan@x@y@D@example.com@100@retail@ip-1@0@1.0@192.0.2.1");
        final Path log = Files.write(dir.resolve("mainlog.ec"), lines);
        final IngestOptions options = IngestOptions.defaults().withCheckpointLines(50_000);
        final IngestListener crashing = new IngestListener() {
            @Override
            public void progress(Path file, long linesRead, long bytesRead, long messagesStored) {
                if (linesRead >= 2 * Ingestor.PROGRESS_INTERVAL_LINES) {
                    throw new SimulatedKill();
                }
            }
        };

        try (TrafficStore store = store("killed")) {
            final List<IngestInput> inputs = List.of(IngestInput.mainlog(LogSource.of(log)));
            assertThrows(SimulatedKill.class, () -> Ingestor.ingestInputs(inputs, store, sink, crashing, options));
            assertTrue(store.messageCount() > store.state().storedMessages(), "appended past the last save");
            Ingestor.ingestInputs(inputs, store, sink, IngestListener.NONE, options);

            assertEquals(wholeAtOnce(lines), storedSummaries(store));
            assertEquals(List.of("mainlog.ec:5:TOO_FEW_FIELDS", "mainlog.ec:150001:ORPHAN_ATTEMPT"), rejected);
        }
    }

    @Test
    void ingest_slowMessageAcrossKillAndGrowth_stepsOutOfOrderAndIsStoredOnceInPlace() throws IOException {
        final List<String> lines = new ArrayList<>(traffic(3_000));
        lines.add(0, reception(0).replace("@M0@", "@SLOW@"));
        lines.add(attempt(0, T0 + 4_000, "D").replace("@M0@", "@SLOW@"));
        final Path log = dir.resolve("mainlog.ec");
        Files.write(log, lines.subList(0, 4_000));
        final IngestOptions options = IngestOptions.defaults().withCheckpointLines(1_000).withMaxHeldInMemory(2);
        final List<IngestInput> inputs = List.of(IngestInput.mainlog(LogSource.of(log)));
        final IngestListener crashing = new IngestListener() {
            @Override
            public void fileStarted(Path file, long sizeBytes) {
                throw new SimulatedKill();
            }
        };

        try (TrafficStore store = store("spilling")) {
            Ingestor.ingestInputs(inputs, store, sink, IngestListener.NONE, options);
            final long openStragglers = store.state().join().open().stream().filter(IngestState.Pending::straggler)
                    .count();
            final long storedWhileOpen = store.messageCount();
            Files.write(log, lines.subList(4_000, lines.size()), StandardOpenOption.APPEND);
            assertThrows(SimulatedKill.class, () -> Ingestor.ingestInputs(inputs, store, sink, crashing, options));
            Ingestor.ingestInputs(inputs, store, sink, IngestListener.NONE, options);

            assertEquals(1, openStragglers, "the slow message stepped out of reception order");
            assertTrue(storedWhileOpen > 1_000, "the messages behind it were stored without waiting: "
                    + storedWhileOpen);
            assertEquals(1, store.lateCount());
            assertEquals(wholeAtOnce(lines), storedSummaries(store));
            assertEquals(List.of(), rejected);
        }
    }

    @Test
    void ingest_fileRewrittenWithSameStart_refusedNamingTheFile() throws IOException {
        final List<String> lines = traffic(40);
        final Path log = Files.write(dir.resolve("mainlog.ec"), lines.subList(0, 60));

        try (TrafficStore store = store("rewritten")) {
            new Ingestor().ingest(List.of(log), store, sink, IngestListener.NONE);
            final List<String> changed = new ArrayList<>(lines.subList(0, 60));
            changed.set(59, changed.get(59).replace("example", "exampel"));
            Files.write(log, changed);

            final IngestException e = assertThrows(IngestException.class,
                    () -> new Ingestor().ingest(List.of(log), store, sink, IngestListener.NONE));
            assertTrue(e.getMessage().startsWith(log + ": starts like mainlog.ec but differs before byte"),
                    e.getMessage());
        }
    }

    @Test
    void ingest_restOfRotatedLogReadAfterTheNewLog_refusedBecauseItIsOlder() throws IOException {
        final List<String> lines = traffic(2_000);
        final Path live = dir.resolve("mainlog.ec");
        Files.write(live, lines.subList(0, 1_000));

        try (TrafficStore store = store("late-rest")) {
            new Ingestor().ingest(List.of(live), store, sink, IngestListener.NONE);
            Files.write(live, lines.subList(1_000, 2_000), StandardOpenOption.APPEND);
            final Path rotated = Files.move(live, dir.resolve("mainlog.ec.1"));
            Files.write(live, lines.subList(2_000, lines.size()));
            new Ingestor().ingest(List.of(live), store, sink, IngestListener.NONE);

            final IngestException e = assertThrows(IngestException.class,
                    () -> new Ingestor().ingest(List.of(rotated, live), store, sink, IngestListener.NONE));
            assertTrue(e.getMessage().startsWith(rotated + ": its lines after byte "), e.getMessage());
            assertTrue(e.getMessage().contains("newer logs were ingested first"), e.getMessage());
            assertTrue(Ingestor.whyNotResumable(List.of(IngestInput.mainlog(LogSource.of(rotated)),
                    IngestInput.mainlog(LogSource.of(live))), store).contains("newer logs were ingested first"));
        }
    }

    @Test
    void whyNotResumable_bouncelogAddedAfterMessagesWereStored_rebuildsSoTheyGetTheirClasses() throws IOException {
        final Path mainlog = Files.write(dir.resolve("with-bounces.ec"), traffic(50));
        final Path bouncelog = Files.write(dir.resolve("bouncelog.ec"), List.of(
                "1717430500@M1@B@C1@B@ann@example1.com@news@sender.example@retail@ip-1@5@10@1000@192.0.2.9@550 no"));

        try (TrafficStore store = store("bouncelog-added")) {
            new Ingestor().ingest(List.of(mainlog), store, sink, IngestListener.NONE);

            assertEquals("the bouncelog bouncelog.ec is new, and the messages it holds were stored without its bounce "
                    + "classes", Ingestor.whyNotResumable(List.of(IngestInput.mainlog(LogSource.of(mainlog)),
                    IngestInput.bouncelog(LogSource.of(bouncelog))), store));
        }
    }

    @Test
    void ingest_sameLogAlternatelyPlainAndGzippedAfterAHalfLine_recognisedEachTime() throws IOException {
        final List<String> lines = traffic(300);
        final String text = String.join("\n", lines) + "\n";
        final Path plain = dir.resolve("m.ec");
        Files.writeString(plain, text.substring(0, text.length() / 2 + 17));
        final Path gz = dir.resolve("m.ec.1.gz");

        try (TrafficStore store = store("alternate")) {
            new Ingestor().ingest(List.of(plain), store, sink, IngestListener.NONE);
            Files.writeString(plain, text);
            gzip(lines, gz);
            new Ingestor().ingest(List.of(gz), store, sink, IngestListener.NONE);
            new Ingestor().ingest(List.of(plain), store, sink, IngestListener.NONE);
            final IngestResult again = new Ingestor().ingest(List.of(gz), store, sink, IngestListener.NONE);

            assertEquals(0, again.lines());
            assertEquals(wholeAtOnce(lines), storedSummaries(store));
            assertEquals(List.of(), rejected);
        }
    }

    @Test
    void ingest_truncatedGzipThenTheWholeOne_cutLineReadWholeFromTheSecond() throws IOException {
        final List<String> lines = traffic(2_000);
        final Path whole = dir.resolve("full.gz");
        gzip(lines, whole);
        final byte[] bytes = Files.readAllBytes(whole);
        final Path truncated = Files.write(dir.resolve("trunc.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        try (TrafficStore store = store("truncated")) {
            new Ingestor().ingest(List.of(truncated), store, sink, IngestListener.NONE);
            new Ingestor().ingest(List.of(whole), store, sink, IngestListener.NONE);

            assertEquals(wholeAtOnce(lines), storedSummaries(store));
            assertEquals(1, rejected.size(), "the cut line of the damaged copy: " + rejected);
            assertTrue(rejected.get(0).startsWith("trunc.gz:") && rejected.get(0).endsWith(":COMPRESSED_DATA_DAMAGED"),
                    rejected.get(0));
        }
    }

    @Test
    void ingest_emptyLiveLogBesideItsRotation_skippedAndTheRestRead() throws IOException {
        final List<String> lines = traffic(100);
        final Path rotated = Files.write(dir.resolve("mainlog.ec.1"), lines);
        final Path live = Files.write(dir.resolve("mainlog.ec"), new byte[0]);

        try (TrafficStore store = store("empty-live")) {
            final IngestResult result = new Ingestor().ingest(List.of(rotated, live), store, sink,
                    IngestListener.NONE);

            assertEquals(1, result.filesSkipped());
            assertEquals(wholeAtOnce(lines), storedSummaries(store));
        }
    }

    @Test
    void ingest_copyTruncatedLogCutMidLineThenCompressed_fragmentTakenAndRestAccepted() throws IOException {
        final List<String> lines = traffic(400);
        final String text = String.join("\n", lines) + "\n";
        final int cut = text.indexOf('\n', text.length() / 2) + 20;
        final Path live = dir.resolve("mainlog.ec");
        Files.writeString(live, text.substring(0, cut));

        try (TrafficStore store = store("copy-truncate")) {
            new Ingestor().ingest(List.of(live), store, sink, IngestListener.NONE);
            final Path rotated = dir.resolve("mainlog.ec.1.gz");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(rotated))) {
                out.write(text.substring(0, cut).getBytes(StandardCharsets.UTF_8));
            }
            Files.writeString(live, text.substring(cut));
            final IngestResult next = new Ingestor().ingest(List.of(rotated, live), store, sink,
                    IngestListener.NONE);
            final IngestResult again = new Ingestor().ingest(List.of(rotated, live), store, sink,
                    IngestListener.NONE);

            assertEquals(1 + text.substring(cut).lines().count(), next.lines(), "the copy's last fragment, then the "
                    + "new log");
            assertEquals(0, again.lines());
            assertEquals(2, rejected.size(), "the line cut in two by copy and truncate: " + rejected);
        }
    }

    @Test
    void ingest_newLogWhileTheEarlierOneWasReadOnlyInPart_refusedNamingIt() throws IOException {
        final List<String> lines = traffic(100);
        final Path live = dir.resolve("mainlog.ec");
        Files.writeString(live, String.join("\n", lines.subList(0, 50)) + "\n" + lines.get(50).substring(0, 9));

        try (TrafficStore store = store("left-behind")) {
            new Ingestor().ingest(List.of(live), store, sink, IngestListener.NONE);
            Files.move(live, dir.resolve("mainlog.ec.1"));
            Files.write(live, lines.subList(60, lines.size()));

            final IngestException e = assertThrows(IngestException.class,
                    () -> new Ingestor().ingest(List.of(live), store, sink, IngestListener.NONE));
            assertTrue(e.getMessage().contains("the store read only part of an earlier log of the same node "
                    + "(mainlog.ec, 50 lines)"), e.getMessage());
        }
    }

    @Test
    void ingest_olderShorterCopyGivenFirst_onlyTheLongestCopyIsRead() throws IOException {
        final List<String> lines = traffic(200);
        final Path shorter = Files.write(dir.resolve("copy-of-mainlog.ec"), lines.subList(0, 150));
        final Path longer = dir.resolve("mainlog.ec.gz");
        gzip(lines, longer);

        try (TrafficStore store = store("copies")) {
            final IngestResult result = new Ingestor().ingest(List.of(shorter, longer), store, sink,
                    IngestListener.NONE);

            assertEquals(1, result.filesSkipped());
            assertEquals(lines.size(), result.lines());
            assertEquals(wholeAtOnce(lines), storedSummaries(store));
        }
    }

    @Test
    void ingest_mainlogAlsoGivenAsBouncelog_isReadAsBouncelogAndRefused() throws IOException {
        final List<String> lines = traffic(200);
        final Path mainlog = Files.write(dir.resolve("mainlog.ec"), lines);

        try (TrafficStore store = store("wrong-kind")) {
            final IngestException e = assertThrows(IngestException.class, () -> Ingestor.ingestInputs(List.of(
                    IngestInput.mainlog(LogSource.of(mainlog)), IngestInput.bouncelog(LogSource.of(mainlog))), store,
                    sink, IngestListener.NONE, IngestOptions.defaults()));
            assertTrue(e.getMessage().contains("expected a Momentum bouncelog"), e.getMessage());
        }
    }

    @Test
    void ingest_newFileOlderThanStore_refusedBecauseStoreKeepsReceptionOrder() throws IOException {
        final List<String> lines = traffic(40);
        final Path newer = Files.write(dir.resolve("mainlog.ec"), lines.subList(40, lines.size()));
        final Path older = Files.write(dir.resolve("mainlog.ec.1"), lines.subList(0, 40));

        try (TrafficStore store = store("older")) {
            new Ingestor().ingest(List.of(newer), store, sink, IngestListener.NONE);

            final IngestException e = assertThrows(IngestException.class,
                    () -> new Ingestor().ingest(List.of(older), store, sink, IngestListener.NONE));
            assertTrue(e.getMessage().contains("before the newest message the store holds"), e.getMessage());
        }
    }

    /** Messages i = 0..count-1: R at T0+i s, a T line 2 s later for every third, a D line 5 s after reception. */
    static List<String> traffic(int count) {
        final List<String> lines = new ArrayList<>();
        for (long second = 0; second < count + 6; second++) {
            if (second < count) {
                lines.add(reception(second));
            }
            if (second >= 2 && second - 2 < count && (second - 2) % 3 == 0) {
                lines.add(attempt(second - 2, T0 + second, "T"));
            }
            if (second >= 5 && second - 5 < count) {
                lines.add(attempt(second - 5, T0 + second, "D"));
            }
        }
        return lines;
    }

    static String reception(long i) {
        return (T0 + i) + "@M" + i + "@B@C@R@user" + i + "@example" + (i % 7) + ".com@bounce@news.example.com"
                + "@192.0.2.1@1000@esmtp@retail@ip-" + (i % 3);
    }

    static String attempt(long i, long time, String type) {
        final String tail = type.equals("D") ? "@0@5.0@192.0.2.9"
                : "@5@1@2.0@192.0.2.9@421 4.7.0 try later";
        return time + "@M" + i + "@B@C" + i + "@" + type + "@example" + (i % 7) + ".com@1000@retail@ip-" + (i % 3)
                + tail;
    }



    private TrafficStore store(String name) {
        return TrafficStore.open(dir.resolve(name), TEST_BLOCK_SIZE);
    }

    static void gzip(List<String> lines, Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Stands for the process being killed: the ingest stops where it is, without saving. */
    static final class SimulatedKill extends RuntimeException {
        SimulatedKill() {
            super("simulated kill", null, false, false);
        }
    }
}
