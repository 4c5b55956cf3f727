package dev.cutover.sim;

import dev.cutover.ingest.Completeness;
import dev.cutover.ingest.MessageRecord;
import dev.cutover.ingest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.cutover.sim.Traffic.SECOND;
import static dev.cutover.sim.Traffic.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReplayDriverTest {
    private static final long DRAIN = 3_600 * SECOND;

    @Test
    void replay_everyEngineSeesTheSameMessagesInOrderThenTheHorizon() {
        final List<MessageRecord> traffic = List.of(
                Traffic.message(1, "gmail.com", "b1", T0, Outcome.TRANSIENT, Outcome.DELIVERED),
                Traffic.message(2, "yahoo.com", "b1", T0 + SECOND, Outcome.DELIVERED),
                Traffic.message(3, "gmail.com", "b1", T0 + 2 * SECOND, Outcome.TRANSIENT));
        final Recording a = new Recording();
        final Recording b = new Recording();
        final Iterator<MessageRecord> source = traffic.iterator();

        final ReplayDriver.ReplaySummary summary = new ReplayDriver(DRAIN, Set.of())
                .replay(() -> source.hasNext() ? source.next() : null, List.of(a, b));

        final List<String> expected = List.of("id-1", "id-2", "id-3", "finish " + (T0 + 3 * SECOND + DRAIN));
        assertEquals(expected, a.seen);
        assertEquals(expected, b.seen);
        assertEquals(new ReplayDriver.ReplaySummary(3, 0, 1, T0, T0 + 2 * SECOND, T0 + 3 * SECOND), summary);
    }

    @Test
    void replay_oneMessageToManyEngines_everyEngineSeesItEvenWhenItsThreadStartsLate() {
        for (int run = 0; run < 200; run++) {
            final List<Recording> engines = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                engines.add(new Recording());
            }
            final ReplayDriver.Replay replay = new ReplayDriver(DRAIN, Set.of()).start(List.copyOf(engines));
            replay.publish(Traffic.message(1, "gmail.com", "b1", T0, Outcome.DELIVERED));
            replay.finish();

            for (Recording engine : engines) {
                assertEquals(List.of("id-1", "finish " + (T0 + SECOND + DRAIN)), engine.seen, "run " + run);
            }
        }
    }

    @Test
    void start_messagesGivenOneAtATime_sameAsReplayingThemFromASource() {
        final Recording engine = new Recording();
        final ReplayDriver.Replay replay = new ReplayDriver(DRAIN, Set.of("retail")).start(List.of(engine));

        replay.publish(Traffic.message(1, "gmail.com", "b1", T0, Outcome.DELIVERED));
        replay.publish(new MessageRecord(T0 + SECOND, "", "other", "gmail.com", "gmail.com", "s.example", "transact",
                "t1", 10, List.of(), Completeness.NO_FINAL_OUTCOME));
        final ReplayDriver.ReplaySummary summary = replay.finish();

        assertEquals(List.of("id-1", "finish " + (T0 + SECOND + DRAIN)), engine.seen);
        assertEquals(1, summary.messages());
        assertEquals(1, summary.filteredMessages(), "a message of another binding group is counted, not replayed");
        assertThrows(IllegalStateException.class,
                () -> replay.publish(Traffic.message(2, "gmail.com", "b1", T0 + 5 * SECOND, Outcome.DELIVERED)));
    }

    @Test
    void finish_anEngineFailed_theFailureIsTheCause() {
        final Recording failing = new Failing();
        final ReplayDriver.Replay replay = new ReplayDriver(DRAIN, Set.of()).start(List.of(failing, new Recording()));
        replay.publish(Traffic.message(7, "gmail.com", "b1", T0, Outcome.DELIVERED));

        final ReplayDriver.ReplayException thrown = assertThrows(ReplayDriver.ReplayException.class, replay::finish);
        assertEquals("engine broke on id-7", thrown.getCause().getMessage());
    }

    @Test
    void consumers_fewerCoresThanEnginesAndReader_allButTheLastShareAThread() {
        final Recording a = new Recording();
        final Recording b = new Recording();
        final Recording c = new Recording();

        assertEquals(List.of(List.of(a, b), List.of(c)), ReplayDriver.consumers(List.of(a, b, c), 2));
        assertEquals(List.of(List.of(a, b), List.of(c)), ReplayDriver.consumers(List.of(a, b, c), 3));
        assertEquals(List.of(List.of(a), List.of(b), List.of(c)), ReplayDriver.consumers(List.of(a, b, c), 4));
        assertEquals(List.of(List.of(a), List.of(b)), ReplayDriver.consumers(List.of(a, b), 1));
    }

    @Test
    void replay_enginesSharingAThread_eachSeesEveryMessageInOrder() {
        final List<MessageRecord> traffic = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            traffic.add(Traffic.message(i, "gmail.com", "b1", T0 + i * SECOND, Outcome.DELIVERED));
        }
        final List<Recording> engines = List.of(new Recording(), new Recording(), new Recording());
        final Iterator<MessageRecord> source = traffic.iterator();

        final ReplayDriver.ReplaySummary summary = new ReplayDriver(DRAIN, Set.of(), 2)
                .replay(() -> source.hasNext() ? source.next() : null, List.copyOf(engines));

        final List<String> expected = new ArrayList<>(traffic.stream().map(MessageRecord::messageId).toList());
        expected.add("finish " + (T0 + 1000 * SECOND + DRAIN));
        for (Recording engine : engines) {
            assertEquals(expected, engine.seen);
        }
        assertEquals(1000, summary.messages());
    }

    @Test
    void finish_anEngineSharingAThreadFailed_theFailureIsTheCause() {
        final Recording failing = new Failing();
        final Recording sharing = new Recording();
        final ReplayDriver.Replay replay = new ReplayDriver(DRAIN, Set.of(), 1)
                .start(List.of(failing, sharing, new Recording()));
        replay.publish(Traffic.message(7, "gmail.com", "b1", T0, Outcome.DELIVERED));

        final ReplayDriver.ReplayException thrown = assertThrows(ReplayDriver.ReplayException.class, replay::finish);
        assertEquals("engine broke on id-7", thrown.getCause().getMessage());
        assertEquals(List.of(), sharing.seen, "the engine after the failed one on its thread is not given more");
    }

    @Test
    void flush_publishesWhatWasGivenBeforeABatchFills() throws InterruptedException {
        final CountDownLatch arrived = new CountDownLatch(1);
        final Recording engine = new Recording() {
            @Override
            public void accept(MessageRecord message) {
                super.accept(message);
                arrived.countDown();
            }
        };
        final ReplayDriver.Replay replay = new ReplayDriver(DRAIN, Set.of()).start(List.of(engine));
        replay.publish(Traffic.message(1, "gmail.com", "b1", T0, Outcome.DELIVERED));

        replay.flush();

        assertEquals(true, arrived.await(10, TimeUnit.SECONDS), "the flushed message arrived");
        replay.finish();
        assertEquals(List.of("id-1", "finish " + (T0 + SECOND + DRAIN)), engine.seen);
    }

    @Test
    void finish_receptionsOutOfOrder_summaryGivesTheEarliestAndLatest() {
        final ReplayDriver.Replay replay = new ReplayDriver(DRAIN, Set.of()).start(List.of(new Recording()));
        replay.publish(Traffic.message(1, "gmail.com", "b1", T0 + 5 * SECOND, Outcome.DELIVERED));
        replay.publish(Traffic.message(2, "gmail.com", "b1", T0, Outcome.DELIVERED));
        replay.publish(Traffic.message(3, "gmail.com", "b1", T0 + 2 * SECOND, Outcome.DELIVERED));

        final ReplayDriver.ReplaySummary summary = replay.finish();

        assertEquals(T0, summary.firstReceptionMicros());
        assertEquals(T0 + 5 * SECOND, summary.lastReceptionMicros());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8})
    void probe_midReplay_everyEngineAnswersOnceItHasTakenEveryMessageGivenSoFar(int cores) {
        final List<Recording> engines = List.of(new Recording(), new Recording(), new Recording());
        final ReplayDriver.Replay replay = new ReplayDriver(DRAIN, Set.of(), cores).start(List.copyOf(engines));
        for (int i = 0; i < 600; i++) {
            replay.publish(Traffic.message(i, "gmail.com", "b1", T0 + i * SECOND, Outcome.DELIVERED));
        }

        final Map<Engine, Integer> seen = replay.probe(engine -> ((Recording) engine).seen.size());

        assertEquals(Map.of(engines.get(0), 600, engines.get(1), 600, engines.get(2), 600), seen);
        replay.publish(Traffic.message(600, "gmail.com", "b1", T0 + 600 * SECOND, Outcome.DELIVERED));
        assertEquals(601, replay.finish().messages());
        for (Recording engine : engines) {
            assertEquals(602, engine.seen.size(), "every message and the finish, the probe not among them");
        }
    }

    @Test
    void probe_anEngineFailed_theFailureIsTheCause() {
        final Recording failing = new Failing();
        final ReplayDriver.Replay replay = new ReplayDriver(DRAIN, Set.of()).start(List.of(failing));
        replay.publish(Traffic.message(7, "gmail.com", "b1", T0, Outcome.DELIVERED));

        final ReplayDriver.ReplayException thrown = assertThrows(ReplayDriver.ReplayException.class,
                () -> replay.probe(Engine::name));
        assertEquals("engine broke on id-7", thrown.getCause().getMessage());
    }

    /** Fails on the first message it is given. */
    private static final class Failing extends Recording {
        @Override
        public void accept(MessageRecord message) {
            throw new IllegalArgumentException("engine broke on " + message.messageId());
        }
    }

    /** Records what it is given; its metrics are empty. */
    private static class Recording implements Engine {
        final List<String> seen = new ArrayList<>();
        private final EngineMetrics metrics = new EngineMetrics("recording");

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void accept(MessageRecord message) {
            seen.add(message.messageId());
        }

        @Override
        public void finish(long horizonMicros) {
            seen.add("finish " + horizonMicros);
        }

        @Override
        public EngineMetrics metrics() {
            return metrics;
        }
    }
}
