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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Publishes the traffic, in reception order, on an LMAX Disruptor ring with one consumer thread per engine, so
 * every engine sees the same messages in the same order on its own virtual clock.
 *
 * <p>On a machine without a core for each engine and one for the reader, the engines but the last share one
 * consumer thread, and the last (callers list the costliest last: the KumoMTA model) keeps its own. With four
 * threads on two cores, the scheduler gave the costliest engine a core only about three quarters of the time,
 * and the replay went at its pace; sharing a thread cut a 1,000,000-message replay from 0.95 to 1.18 s to 0.92 to
 * 1.05 s. Each engine still runs on one thread and sees every message in order, so the results are the same.
 *
 * <p>The blocking wait strategy is used: on small machines a spinning consumer per engine would take a core each
 * (measured in java-stack.md §2). After the last message each engine drains until the horizon: the last time
 * the log shows plus {@code drainAllowanceMicros}.
 */
public final class ReplayDriver {
    /**
     * Messages the ring holds. The models' cost per message varies over the traffic (a backlog makes the KumoMTA
     * model re-delay thousands at a tick), so a ring of a few milliseconds' messages left the slowest engine
     * waiting for the reader in its cheap stretches and the reader waiting for it in its dear ones; a quarter of a
     * million lets the reader run ahead (measured: 1,000,000 messages in 0.90 to 1.05 s against 0.96 to 1.14 s
     * with 16,384). The ring holds at most this many messages beyond those the engines hold, tens of megabytes.
     */
    private static final int RING_SIZE = 1 << 18;
    /**
     * Messages a replay publishes at once: the blocking wait strategy wakes the engines once per publication,
     * which for single messages cost the publishing thread more than reading them.
     */
    private static final int BATCH = 256;
    /** How often a probe's wait looks whether an engine has failed. */
    private static final long PROBE_CHECK_MILLIS = 100;
    /** How long a replay waits before it looks again for room on a full ring. */
    private static final long ROOM_WAIT_NANOS = 100_000;

    private final long drainAllowanceMicros;
    private final Set<String> bindingGroups;
    private final int cores;

    /**
     * A driver for this machine's cores.
     *
     * @param drainAllowanceMicros how long after the last logged event the models may keep delivering
     * @param bindingGroups        binding groups to replay; empty replays all
     */
    public ReplayDriver(long drainAllowanceMicros, Set<String> bindingGroups) {
        this(drainAllowanceMicros, bindingGroups, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param cores the cores to plan consumer threads for: fewer than the engines plus one make engines share
     */
    public ReplayDriver(long drainAllowanceMicros, Set<String> bindingGroups, int cores) {
        if (cores < 1) {
            throw new IllegalArgumentException("a replay needs at least one core, not " + cores);
        }
        this.drainAllowanceMicros = drainAllowanceMicros;
        this.bindingGroups = Set.copyOf(bindingGroups);
        this.cores = cores;
    }

    /**
     * Replays every message from {@code source} (which returns null at the end) through {@code engines}.
     *
     * @return what was replayed
     * @throws ReplayException when an engine failed; the first failure is its cause
     */
    public ReplaySummary replay(Supplier<MessageRecord> source, List<Engine> engines) {
        final Replay replay = start(engines);
        try {
            for (MessageRecord message = source.get(); message != null; message = source.get()) {
                replay.publish(message);
            }
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
        final List<List<Engine>> consumers = consumers(engines, cores);
        final CountDownLatch finished = new CountDownLatch(consumers.size());
        disruptor.handleEventsWith(handlers(consumers, finished));
        return new Replay(disruptor, disruptor.start(), failure, finished, consumers.size());
    }

    /**
     * Which engines each consumer thread runs: one each when there are cores for every engine and the reader;
     * otherwise all but the last share one thread and the last has its own.
     */
    static List<List<Engine>> consumers(List<Engine> engines, int cores) {
        if (engines.size() <= 2 || cores > engines.size()) {
            return engines.stream().map(List::of).toList();
        }
        final int last = engines.size() - 1;
        return List.of(List.copyOf(engines.subList(0, last)), List.of(engines.get(last)));
    }

    /**
     * A replay under way: messages are published on the ring as they are given, from one thread, {@value #BATCH}
     * at a time ({@link #flush()} publishes fewer). When the ring is full, publishing waits for the slowest engine.
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
        private final int consumerThreads;
        private final MessageRecord[] pending = new MessageRecord[BATCH];
        private int pendingCount;
        private long messages;
        private long filtered;
        private long noFinal;
        private long first = -1;
        private long last = -1;
        private long lastLogged = Long.MIN_VALUE;
        private boolean finished;

        private Replay(Disruptor<Slot> disruptor, RingBuffer<Slot> ring, AtomicReference<Throwable> failure,
                       CountDownLatch enginesFinished, int consumerThreads) {
            this.disruptor = disruptor;
            this.ring = ring;
            this.failure = failure;
            this.enginesFinished = enginesFinished;
            this.consumerThreads = consumerThreads;
        }

        /**
         * Gives every engine the next message, unless its binding group is not replayed: it is published with the
         * batch it completes, or by {@link #flush()} or {@link #finish()}.
         *
         * @param message the next message in reception order
         * @throws ReplayException when an engine has failed
         */
        public void publish(MessageRecord message) {
            checkOpen();
            if (!replayed(message)) {
                return;
            }
            count(message);
            pending[pendingCount++] = message;
            if (pendingCount == BATCH) {
                flush();
            }
        }

        /** Publishes the messages given since the last publication, so the engines see them without waiting. */
        public void flush() {
            checkOpen();
            final int kept = pendingCount;
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
                final Slot slot = ring.get(low + i);
                slot.message = pending[i];
                slot.probe = null;
                slot.horizonMicros = 0;
                pending[i] = null;
            }
            pendingCount = 0;
            ring.publish(low, high);
        }

        /**
         * Asks every engine for {@code look}, on the engine's own thread, once it has taken every message given so
         * far: a consistent view of a replay under way, every engine at the same point of the traffic. Waits for
         * the answers, so for as long as the slowest engine takes to reach that point.
         *
         * @return each engine's answer
         * @throws ReplayException when an engine has failed
         */
        public <T> Map<Engine, T> probe(Function<Engine, T> look) {
            flush();
            final Probe probe = new Probe(look, consumerThreads);
            final long sequence = ring.next();
            final Slot slot = ring.get(sequence);
            slot.message = null;
            slot.probe = probe;
            slot.horizonMicros = 0;
            ring.publish(sequence);
            try {
                while (!probe.answered.await(PROBE_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                    checkOpen();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandon();
                throw new ReplayException(e);
            }
            checkOpen();
            @SuppressWarnings("unchecked")
            final Map<Engine, T> answers = (Map<Engine, T>) probe.answers;
            return answers;
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

        private void count(MessageRecord message) {
            messages++;
            noFinal += message.completeness() == Completeness.NO_FINAL_OUTCOME ? 1 : 0;
            // The earliest and latest, not the first and last given: a log whose clock went back gives them out of
            // order.
            final long reception = message.receptionMicros();
            first = first < 0 ? reception : Math.min(first, reception);
            last = Math.max(last, reception);
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
            flush();
            final long lastKnown = Math.max(lastLogged, last);
            final long sequence = ring.next();
            final Slot slot = ring.get(sequence);
            slot.message = null;
            slot.probe = null;
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
    private static EventHandler<Slot>[] handlers(List<List<Engine>> consumers, CountDownLatch finished) {
        final List<EventHandler<Slot>> handlers = new ArrayList<>();
        for (List<Engine> engines : consumers) {
            handlers.add(new EngineHandler(engines.toArray(new Engine[0]), finished));
        }
        return handlers.toArray(new EventHandler[0]);
    }

    /**
     * What the driver published.
     *
     * @param messages            messages replayed
     * @param filteredMessages    messages of other binding groups, not replayed
     * @param noFinalOutcome      replayed messages whose log shows no final outcome
     * @param firstReceptionMicros earliest reception, -1 when none
     * @param lastReceptionMicros  latest reception, -1 when none
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

    /** A message, a probe, or (neither) the end of the traffic with the horizon to drain to. */
    private static final class Slot {
        MessageRecord message;
        Probe probe;
        long horizonMicros;
    }

    /** A look at every engine, answered on each engine's thread; done when every consumer thread has answered. */
    private static final class Probe {
        final Function<Engine, ?> look;
        final Map<Engine, Object> answers = new ConcurrentHashMap<>();
        final CountDownLatch answered;

        Probe(Function<Engine, ?> look, int consumerThreads) {
            this.look = look;
            this.answered = new CountDownLatch(consumerThreads);
        }

        void answer(Engine[] engines) {
            for (Engine engine : engines) {
                answers.put(engine, look.apply(engine));
            }
        }
    }

    /** One consumer thread's engines, each given every message in turn; a failure stops them all. */
    private static final class EngineHandler implements EventHandler<Slot> {
        private final Engine[] engines;
        private final CountDownLatch finished;
        private boolean failed;

        EngineHandler(Engine[] engines, CountDownLatch finished) {
            this.engines = engines;
            this.finished = finished;
        }

        @Override
        public void onEvent(Slot slot, long sequence, boolean endOfBatch) {
            try {
                if (failed) {
                    return;
                }
                if (slot.probe != null) {
                    slot.probe.answer(engines);
                } else {
                    dispatch(slot);
                }
            } catch (RuntimeException | Error e) {
                failed = true;
                throw e;
            } finally {
                if (slot.probe != null) {
                    slot.probe.answered.countDown();
                } else if (slot.message == null) {
                    finished.countDown();
                }
            }
        }

        private void dispatch(Slot slot) {
            for (Engine engine : engines) {
                if (slot.message != null) {
                    engine.accept(slot.message);
                } else {
                    engine.finish(slot.horizonMicros);
                }
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
