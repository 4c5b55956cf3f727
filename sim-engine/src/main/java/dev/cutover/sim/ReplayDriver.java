package dev.cutover.sim;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import dev.cutover.ingest.Attempt;
import dev.cutover.ingest.Completeness;
import dev.cutover.ingest.MessageRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Publishes the traffic, in reception order, on an LMAX Disruptor ring with one consumer thread per engine, so
 * every engine sees the same messages in the same order on its own virtual clock.
 *
 * <p>The blocking wait strategy is used: on small machines a spinning consumer per engine would take a core each
 * (measured in java-stack.md §2). After the last message each engine drains until the horizon: the last time
 * the log shows plus {@code drainAllowanceMicros}.
 */
public final class ReplayDriver {
    private static final int RING_SIZE = 1 << 14;
    /**
     * Messages a replay from a source publishes at once: the blocking wait strategy wakes the engines once per
     * publication, which for single messages cost the publishing thread more than reading them.
     */
    private static final int BATCH = 256;
    /** How long a replay waits before it looks again for room on a full ring. */
    private static final long ROOM_WAIT_NANOS = 100_000;

    private final long drainAllowanceMicros;
    private final Set<String> bindingGroups;

    /**
     * @param drainAllowanceMicros how long after the last logged event the models may keep delivering
     * @param bindingGroups        binding groups to replay; empty replays all
     */
    public ReplayDriver(long drainAllowanceMicros, Set<String> bindingGroups) {
        this.drainAllowanceMicros = drainAllowanceMicros;
        this.bindingGroups = Set.copyOf(bindingGroups);
    }

    /**
     * Replays every message from {@code source} (which returns null at the end) through {@code engines}.
     *
     * @return what was replayed
     * @throws ReplayException when an engine failed; the first failure is its cause
     */
    public ReplaySummary replay(Supplier<MessageRecord> source, List<Engine> engines) {
        final Replay replay = start(engines);
        final MessageRecord[] batch = new MessageRecord[BATCH];
        try {
            int count = 0;
            for (MessageRecord message = source.get(); message != null; message = source.get()) {
                batch[count++] = message;
                if (count == BATCH) {
                    replay.publish(batch, count);
                    count = 0;
                }
            }
            replay.publish(batch, count);
        } catch (RuntimeException | Error e) {
            replay.abandon();
            throw e;
        }
        return replay.finish();
    }

    /**
     * Starts a replay that is given its messages one at a time, as a following ingest joins them.
     *
     * @return the replay; give it every message in reception order, then {@link Replay#finish()} it
     */
    public Replay start(List<Engine> engines) {
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Disruptor<Slot> disruptor = new Disruptor<>(Slot::new, RING_SIZE, DaemonThreadFactory.INSTANCE,
                ProducerType.SINGLE, new BlockingWaitStrategy());
        disruptor.setDefaultExceptionHandler(new FirstFailure(failure));
        final CountDownLatch finished = new CountDownLatch(engines.size());
        disruptor.handleEventsWith(handlers(engines, finished));
        return new Replay(disruptor, disruptor.start(), failure, finished);
    }

    /**
     * A replay under way: messages are published on the ring as they are given, from one thread. When the ring is
     * full, {@link #publish} waits for the slowest engine.
     *
     * <p>The end is awaited per engine, not with {@link Disruptor#shutdown()}: that looks only at consumer threads
     * already running, so on a short replay an engine whose thread had not started yet could be stopped before it
     * saw a message.
     */
    public final class Replay {
        private final Disruptor<Slot> disruptor;
        private final RingBuffer<Slot> ring;
        private final AtomicReference<Throwable> failure;
        private final CountDownLatch enginesFinished;
        private long messages;
        private long filtered;
        private long noFinal;
        private long first = -1;
        private long last = -1;
        private long lastLogged = Long.MIN_VALUE;
        private boolean finished;

        private Replay(Disruptor<Slot> disruptor, RingBuffer<Slot> ring, AtomicReference<Throwable> failure,
                       CountDownLatch enginesFinished) {
            this.disruptor = disruptor;
            this.ring = ring;
            this.failure = failure;
            this.enginesFinished = enginesFinished;
        }

        /**
         * Gives every engine the next message, unless its binding group is not replayed.
         *
         * @param message the next message in reception order
         * @throws ReplayException when an engine has failed
         */
        public void publish(MessageRecord message) {
            checkOpen();
            if (!replayed(message)) {
                return;
            }
            final long sequence = ring.next();
            put(sequence, message);
            ring.publish(sequence);
        }

        /** Gives every engine {@code batch[0, count)}, in that order, in one publication. */
        private void publish(MessageRecord[] batch, int count) {
            checkOpen();
            int kept = 0;
            for (int i = 0; i < count; i++) {
                if (replayed(batch[i])) {
                    batch[kept++] = batch[i];
                }
            }
            if (kept == 0) {
                return;
            }
            // The ring's own wait for room spins on a 1 ns park, which on two cores takes time from the engines
            // it waits for; a batch's worth of their work is about a few hundred microseconds.
            while (ring.remainingCapacity() < kept) {
                LockSupport.parkNanos(ROOM_WAIT_NANOS);
            }
            final long high = ring.next(kept);
            final long low = high - kept + 1;
            for (int i = 0; i < kept; i++) {
                put(low + i, batch[i]);
            }
            ring.publish(low, high);
        }

        /** @throws ReplayException when an engine has failed; the replay is then abandoned */
        private void checkOpen() {
            if (finished) {
                throw new IllegalStateException("the replay is finished");
            }
            if (failure.get() != null) {
                abandon();
                throw new ReplayException(failure.get());
            }
        }

        /** @return true when {@code message} is of a replayed binding group; counts it as filtered when not */
        private boolean replayed(MessageRecord message) {
            if (!bindingGroups.isEmpty() && !bindingGroups.contains(message.bindingGroup())) {
                filtered++;
                return false;
            }
            return true;
        }

        private void put(long sequence, MessageRecord message) {
            final Slot slot = ring.get(sequence);
            slot.message = message;
            slot.horizonMicros = 0;
            messages++;
            noFinal += message.completeness() == Completeness.NO_FINAL_OUTCOME ? 1 : 0;
            first = first < 0 ? message.receptionMicros() : first;
            last = message.receptionMicros();
            lastLogged = Math.max(lastLogged, lastLoggedTime(message));
        }

        /** @return messages published so far (not counting those of other binding groups) */
        public long messages() {
            return messages;
        }

        /**
         * Lets every engine drain until the horizon (the last logged time plus the drain allowance) and waits for
         * them.
         *
         * @return what was replayed
         * @throws ReplayException when an engine failed; the first failure is its cause
         */
        public ReplaySummary finish() {
            if (finished) {
                throw new IllegalStateException("the replay is finished");
            }
            final long lastKnown = Math.max(lastLogged, last);
            final long sequence = ring.next();
            final Slot slot = ring.get(sequence);
            slot.message = null;
            slot.horizonMicros = lastKnown + drainAllowanceMicros;
            ring.publish(sequence);
            finished = true;
            try {
                enginesFinished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                disruptor.halt();
                throw new ReplayException(e);
            }
            disruptor.halt();
            if (failure.get() != null) {
                throw new ReplayException(failure.get());
            }
            return new ReplaySummary(messages, filtered, noFinal, first, last, lastKnown);
        }

        /** Stops the engines without a report, after a failure elsewhere; the replay cannot be used again. */
        public void abandon() {
            if (!finished) {
                finished = true;
                disruptor.halt();
            }
        }
    }

    private static long lastLoggedTime(MessageRecord message) {
        long time = message.receptionMicros();
        for (Attempt attempt : message.attempts()) {
            time = Math.max(time, attempt.timeMicros());
        }
        return time;
    }

    @SuppressWarnings("unchecked")
    private static EventHandler<Slot>[] handlers(List<Engine> engines, CountDownLatch finished) {
        final List<EventHandler<Slot>> handlers = new ArrayList<>();
        for (Engine engine : engines) {
            handlers.add(new EngineHandler(engine, finished));
        }
        return handlers.toArray(new EventHandler[0]);
    }

    /**
     * What the driver published.
     *
     * @param messages            messages replayed
     * @param filteredMessages    messages of other binding groups, not replayed
     * @param noFinalOutcome      replayed messages whose log shows no final outcome
     * @param firstReceptionMicros first reception, -1 when none
     * @param lastReceptionMicros  last reception, -1 when none
     * @param lastLoggedMicros     the latest time the log shows for the replayed messages
     */
    public record ReplaySummary(long messages, long filteredMessages, long noFinalOutcome, long firstReceptionMicros,
                                long lastReceptionMicros, long lastLoggedMicros) {
    }

    /** An engine failed during the replay. */
    public static final class ReplayException extends RuntimeException {
        ReplayException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final class Slot {
        MessageRecord message;
        long horizonMicros;
    }

    private static final class EngineHandler implements EventHandler<Slot> {
        private final Engine engine;
        private final CountDownLatch finished;
        private boolean failed;

        EngineHandler(Engine engine, CountDownLatch finished) {
            this.engine = engine;
            this.finished = finished;
        }

        @Override
        public void onEvent(Slot slot, long sequence, boolean endOfBatch) {
            try {
                if (!failed) {
                    dispatch(slot);
                }
            } catch (RuntimeException | Error e) {
                failed = true;
                throw e;
            } finally {
                if (slot.message == null) {
                    finished.countDown();
                }
            }
        }

        private void dispatch(Slot slot) {
            if (slot.message != null) {
                engine.accept(slot.message);
            } else {
                engine.finish(slot.horizonMicros);
            }
        }
    }

    private static final class FirstFailure implements ExceptionHandler<Slot> {
        private final AtomicReference<Throwable> failure;

        FirstFailure(AtomicReference<Throwable> failure) {
            this.failure = failure;
        }

        @Override
        public void handleEventException(Throwable ex, long sequence, Slot event) {
            failure.compareAndSet(null, ex);
        }

        @Override
        public void handleOnStartException(Throwable ex) {
            failure.compareAndSet(null, ex);
        }

        @Override
        public void handleOnShutdownException(Throwable ex) {
            failure.compareAndSet(null, ex);
        }
    }
}
