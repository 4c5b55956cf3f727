package dev.cutover.ingest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.cutover.ingest.ResumableIngestTest.T0;
import static dev.cutover.ingest.ResumableIngestTest.attempt;
import static dev.cutover.ingest.ResumableIngestTest.reception;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A replay that follows a live store: what the store holds before ({@link TrafficStore#cursorBeforeFollowing}),
 * what the following ingest's {@link LiveFeed} gives, and what the store holds open after it stops
 * ({@link TrafficStore#cursorAfterFollowing}) make every message once, in reception order.
 */
class LiveFeedTest extends IngestTestSupport {
    private static final long TEST_BLOCK_SIZE = 256 << 10;

    @Test
    void follow_storeThenFeedThenOpen_everyMessageOnceAsAWholeIngestOfTheSameLines() throws Exception {
        final List<String> lines = slowTraffic();
        final List<String> given = lines.subList(0, lines.size() - 4);
        final Path live = Files.write(dir.resolve("mainlog.ec"), given.subList(0, 2_500));

        try (TrafficStore store = TrafficStore.open(dir.resolve("store"), TEST_BLOCK_SIZE)) {
            Ingestor.ingestInputs(inputs(live), store, sink, IngestListener.NONE, IngestOptions.defaults());
            assertEquals(1, store.pendingStragglers(), "the slow message stepped out before following starts");
            final Replayed replayed = follow(store, live, given.subList(2_500, given.size()));

            assertEquals(wholeAtOnce(given), replayed.summaries());
            assertEquals(0, replayed.steppedOut, "it stepped out before: the store's cursor gave it");
            assertTrue(replayed.after > 0, "messages still open when following stopped came last");
            assertEquals(List.of(), rejected);
        }
    }

    @Test
    void follow_messageStepsOutWhileFollowed_givenOnceAsItWasThenStoredWhole() throws Exception {
        final List<String> lines = slowTraffic();
        final Path live = Files.write(dir.resolve("mainlog.ec"), lines.subList(0, 500));

        try (TrafficStore store = TrafficStore.open(dir.resolve("store"), TEST_BLOCK_SIZE)) {
            Ingestor.ingestInputs(inputs(live), store, sink, IngestListener.NONE, IngestOptions.defaults());
            final Replayed replayed = follow(store, live, lines.subList(500, lines.size()));

            final List<String> expected = new ArrayList<>(wholeAtOnce(lines));
            assertEquals("SLOW|" + T0 * 1_000_000 + "|1|COMPLETE", expected.get(0));
            expected.set(0, "SLOW|" + T0 * 1_000_000 + "|0|NO_FINAL_OUTCOME");
            assertEquals(expected, replayed.summaries(), "the replay had the slow message as it stepped out");
            assertEquals(1, replayed.steppedOut);
            assertEquals(wholeAtOnce(lines), storedSummaries(store), "the store has it whole");
        }
    }

    @Test
    void follow_afterAKilledIngest_messagesAppendedPastTheSaveComeFromTheFeedOnce() throws Exception {
        final List<String> lines = ResumableIngestTest.traffic(60_000);
        final Path live = Files.write(dir.resolve("mainlog.ec"), lines.subList(0, 100_000));
        final IngestOptions options = IngestOptions.defaults().withCheckpointLines(50_000);
        final IngestListener crashing = new IngestListener() {
            @Override
            public void progress(Path file, long linesRead, long bytesRead, long messagesStored) {
                if (linesRead >= Ingestor.PROGRESS_INTERVAL_LINES) {
                    throw new ResumableIngestTest.SimulatedKill();
                }
            }
        };

        try (TrafficStore store = TrafficStore.open(dir.resolve("store"), TEST_BLOCK_SIZE)) {
            assertThrows(ResumableIngestTest.SimulatedKill.class,
                    () -> Ingestor.ingestInputs(inputs(live), store, sink, crashing, options));
            assertTrue(store.messageCount() > store.state().storedMessages(), "appended past the last save");
            final Replayed replayed = follow(store, live, lines.subList(100_000, lines.size()));

            assertEquals(wholeAtOnce(lines), replayed.summaries());
            assertEquals(wholeAtOnce(lines), storedSummaries(store));
        }
    }

    @Test
    void ingest_liveFeedWithHoldBack_refused() {
        final IngestOptions options = IngestOptions.defaults().withLive(new Replayed());

        assertThrows(IllegalArgumentException.class, () -> options.withHoldBack(1));
    }

    /** Traffic with one message, SLOW, received first and delivered after all the others. */
    private static List<String> slowTraffic() {
        final List<String> lines = new ArrayList<>(ResumableIngestTest.traffic(3_000));
        lines.add(0, reception(0).replace("@M0@", "@SLOW@"));
        lines.add(attempt(0, T0 + 4_000, "D").replace("@M0@", "@SLOW@"));
        return lines;
    }

    private static List<IngestInput> inputs(Path live) {
        return List.of(IngestInput.mainlog(LogSource.of(live)));
    }

    /**
     * Reads the store as a following replay would, follows {@code live} while {@code more} is appended to it, and
     * reads the messages left open.
     */
    private Replayed follow(TrafficStore store, Path live, List<String> more) throws Exception {
        final Replayed replayed = new Replayed();
        try (MessageCursor cursor = store.cursorBeforeFollowing()) {
            replayed.addAll(cursor);
        }
        final FollowStepper stepper = new FollowStepper();
        final CompletableFuture<IngestResult> following = CompletableFuture.supplyAsync(() -> Ingestor.ingestInputs(
                inputs(live), store, sink, IngestListener.NONE,
                IngestOptions.defaults().withFollow(stepper).withLive(replayed)));
        stepper.awaitParked();
        Files.writeString(live, String.join("\n", more) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        stepper.lookAgain();
        stepper.stop();
        following.get(60, TimeUnit.SECONDS);
        final int before = replayed.messages.size();
        try (MessageCursor cursor = store.cursorAfterFollowing()) {
            replayed.addAll(cursor);
        }
        replayed.after = replayed.messages.size() - before;
        return replayed;
    }

    /** The messages a following replay was given, in order. */
    private static final class Replayed implements LiveFeed {
        final List<MessageRecord> messages = new ArrayList<>();
        int steppedOut;
        int after;

        @Override
        public void inOrder(MessageRecord message) {
            messages.add(message);
        }

        @Override
        public void steppedOut(MessageRecord soFar) {
            steppedOut++;
            messages.add(soFar);
        }

        void addAll(MessageCursor cursor) {
            for (MessageRecord message = cursor.next(); message != null; message = cursor.next()) {
                messages.add(message);
            }
        }

        List<String> summaries() {
            return messages.stream().map(m -> m.messageId() + "|" + m.receptionMicros() + "|" + m.attempts().size()
                    + "|" + m.completeness()).toList();
        }
    }
}
