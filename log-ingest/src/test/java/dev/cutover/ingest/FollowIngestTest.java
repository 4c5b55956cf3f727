package dev.cutover.ingest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --follow}: a live mainlog that grows, ends in a half-written line, and is rotated. */
class FollowIngestTest extends IngestTestSupport {
    private static final long TEST_BLOCK_SIZE = 256 << 10;

    @Test
    void follow_growthPartialLineAndRotation_everyLineTakenOnceInOrder() throws Exception {
        final List<String> lines = ResumableIngestTest.traffic(30);
        final Path live = dir.resolve("mainlog.ec");
        Files.write(live, lines.subList(0, 10));
        final FollowStepper stepper = new FollowStepper();

        try (TrafficStore store = TrafficStore.open(dir.resolve("store"), TEST_BLOCK_SIZE)) {
            final CompletableFuture<IngestResult> following = startFollowing(live, store, stepper);

            append(live, String.join("\n", lines.subList(10, 20)) + "\n" + lines.get(20).substring(0, 12));
            stepper.lookAgain();
            assertEquals(20, store.ingestedFiles().get(0).lines(), "the half-written line waits");

            append(live, lines.get(20).substring(12) + "\n" + String.join("\n", lines.subList(21, 25)) + "\n");
            stepper.lookAgain();
            final Path rotated = Files.move(live, dir.resolve("mainlog.ec.1"));
            append(rotated, String.join("\n", lines.subList(25, 28)) + "\n");
            Files.write(live, lines.subList(28, lines.size()));
            stepper.lookAgain();
            stepper.stop();
            final IngestResult result = following.get(30, TimeUnit.SECONDS);

            assertEquals(lines.size(), result.lines());
            assertEquals(List.of(), rejected);
            assertEquals(wholeAtOnce(lines), storedSummaries(store));
            assertEquals(List.of("mainlog.ec:28", "mainlog.ec:" + (lines.size() - 28)), store.ingestedFiles()
                    .stream().map(file -> file.name() + ":" + file.lines()).toList());
        }
    }

    @Test
    void follow_fileReadToItsEndBefore_followedFromWhereTheStoreStopped() throws Exception {
        final List<String> lines = ResumableIngestTest.traffic(30);
        final Path live = dir.resolve("mainlog.ec");
        Files.write(live, lines.subList(0, 20));

        try (TrafficStore store = TrafficStore.open(dir.resolve("store"), TEST_BLOCK_SIZE)) {
            new Ingestor().ingest(List.of(live), store, sink, IngestListener.NONE);
            final IngestResult result = follow(live, store, 1,
                    () -> append(live, String.join("\n", lines.subList(20, lines.size())) + "\n"));

            assertEquals(lines.size() - 20, result.lines());
            assertEquals(0, result.filesSkipped(), "the file the store held was followed, not skipped");
            assertEquals(wholeAtOnce(lines), storedSummaries(store));
        }
    }

    @Test
    void follow_compressedLog_readOnceToItsEndAndNotAgainAtEachLook() throws Exception {
        final List<String> lines = ResumableIngestTest.traffic(30);
        final Path compressed = dir.resolve("mainlog.ec.gz");
        ResumableIngestTest.gzip(lines, compressed);

        try (TrafficStore store = TrafficStore.open(dir.resolve("store"), TEST_BLOCK_SIZE)) {
            final IngestResult result = follow(compressed, store, 2, () -> { });

            assertEquals(lines.size(), result.lines());
            assertEquals(wholeAtOnce(lines), storedSummaries(store));
        }
    }

    @Test
    void follow_emptyLogAtStart_waitsForItsLines() throws Exception {
        final List<String> lines = ResumableIngestTest.traffic(30);
        final Path live = Files.createFile(dir.resolve("mainlog.ec"));

        try (TrafficStore store = TrafficStore.open(dir.resolve("store"), TEST_BLOCK_SIZE)) {
            final IngestResult result = follow(live, store, 1, () -> append(live, String.join("\n", lines) + "\n"));

            assertEquals(lines.size(), result.lines());
            assertEquals(wholeAtOnce(lines), storedSummaries(store));
        }
    }

    @Test
    void follow_stopRequestedDuringABacklog_stopsEarlyAndTheNextIngestTakesTheRestOnce() throws Exception {
        final List<String> lines = ResumableIngestTest.traffic(20_000);
        final Path live = Files.write(dir.resolve("mainlog.ec"), lines);
        final FollowControl stopped = new FollowControl() {
            @Override
            public boolean awaitMore() {
                return false;
            }

            @Override
            public boolean stopRequested() {
                return true;
            }
        };
        final List<IngestInput> inputs = List.of(IngestInput.mainlog(LogSource.of(live)));

        try (TrafficStore store = TrafficStore.open(dir.resolve("store"), TEST_BLOCK_SIZE)) {
            final IngestResult first = Ingestor.ingestInputs(inputs, store, sink, IngestListener.NONE,
                    IngestOptions.defaults().withFollow(stopped));
            final IngestResult rest = new Ingestor().ingest(List.of(live), store, sink, IngestListener.NONE);

            assertTrue(first.lines() < 10_000, "stopped after a few thousand lines: " + first.lines());
            assertEquals(lines.size(), first.lines() + rest.lines());
            assertEquals(wholeAtOnce(lines), storedSummaries(store));
            assertEquals(List.of(), rejected);
        }
    }

    @Test
    void follow_stoppedWithAHalfWrittenLastLine_namesItInTheResult() throws Exception {
        final List<String> lines = ResumableIngestTest.traffic(30);
        final Path live = dir.resolve("mainlog.ec");
        Files.writeString(live, String.join("\n", lines.subList(0, 10)) + "\n" + lines.get(10).substring(0, 12));

        try (TrafficStore store = TrafficStore.open(dir.resolve("store"), TEST_BLOCK_SIZE)) {
            final IngestResult result = follow(live, store, 0, () -> { });

            assertEquals(List.of(new IngestResult.HeldBackLine(live, 11, 12)), result.heldBackLines());
        }
    }

    @Test
    void follow_logOverwrittenWithOlderLines_refusedNamingTheFile() throws Exception {
        final List<String> lines = ResumableIngestTest.traffic(400);
        final Path live = Files.write(dir.resolve("mainlog.ec"), lines.subList(500, lines.size()));
        final FollowStepper stepper = new FollowStepper();

        try (TrafficStore store = TrafficStore.open(dir.resolve("store"), TEST_BLOCK_SIZE)) {
            final CompletableFuture<IngestResult> following = startFollowing(live, store, stepper);
            Files.write(live, lines.subList(0, 20));
            stepper.lookAgainWithoutWaiting();
            final ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> following.get(30, TimeUnit.SECONDS));

            assertTrue(failed.getCause().getMessage().contains("mainlog.ec: now starts at 2024-06-03T16:00:00Z, "
                    + "before the newest message the store holds"), failed.getCause().getMessage());
        }
    }

    @Test
    void follow_copyTruncateThenGrownPastTheOldSize_newContentReadFromItsStart() throws Exception {
        final List<String> lines = ResumableIngestTest.traffic(60);
        final Path live = dir.resolve("mainlog.ec");
        Files.write(live, lines.subList(0, 20));

        try (TrafficStore store = TrafficStore.open(dir.resolve("store"), TEST_BLOCK_SIZE)) {
            final IngestResult result = follow(live, store, 1, () -> {
                Files.copy(live, dir.resolve("mainlog.ec.1"));
                Files.write(live, lines.subList(20, lines.size()));
            });

            assertEquals(lines.size(), result.lines());
            assertEquals(List.of(), rejected);
            assertEquals(wholeAtOnce(lines), storedSummaries(store));
        }
    }

    /**
     * Follows {@code live} into {@code store}: once the ingest has read to the end, changes the file, lets the ingest
     * look again {@code looks} times, and stops it.
     *
     * @return what the following ingest did
     */
    private IngestResult follow(Path live, TrafficStore store, int looks, FileChange change) throws Exception {
        final FollowStepper stepper = new FollowStepper();
        final CompletableFuture<IngestResult> following = startFollowing(live, store, stepper);
        change.run();
        for (int look = 0; look < looks; look++) {
            stepper.lookAgain();
        }
        stepper.stop();
        return following.get(30, TimeUnit.SECONDS);
    }

    /** A change made to the followed files while the ingest waits. */
    @FunctionalInterface
    private interface FileChange {
        void run() throws IOException;
    }

    /** Starts following {@code live} on another thread and waits until it has read to the end. */
    private CompletableFuture<IngestResult> startFollowing(Path live, TrafficStore store, FollowStepper stepper)
            throws InterruptedException {
        final List<IngestInput> inputs = List.of(IngestInput.mainlog(LogSource.of(live)));
        final CompletableFuture<IngestResult> following = CompletableFuture.supplyAsync(() -> Ingestor
                .ingestInputs(inputs, store, sink, IngestListener.NONE, IngestOptions.defaults().withFollow(stepper)));
        stepper.awaitParked();
        return following;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
