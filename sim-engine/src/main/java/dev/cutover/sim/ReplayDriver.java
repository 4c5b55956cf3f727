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
import java.util.concurrent.atomic.AtomicReference;
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
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Disruptor<Slot> disruptor = new Disruptor<>(Slot::new, RING_SIZE, DaemonThreadFactory.INSTANCE,
                ProducerType.SINGLE, new BlockingWaitStrategy());
        disruptor.setDefaultExceptionHandler(new FirstFailure(failure));
        disruptor.handleEventsWith(handlers(engines));
        final RingBuffer<Slot> ring = disruptor.start();
        final ReplaySummary summary = publishAll(source, ring);
        publishEnd(ring, summary.lastLoggedMicros() + drainAllowanceMicros);
        disruptor.shutdown();
        if (failure.get() != null) {
            throw new ReplayException(failure.get());
        }
        return summary;
    }

    private ReplaySummary publishAll(Supplier<MessageRecord> source, RingBuffer<Slot> ring) {
        long messages = 0;
        long filtered = 0;
        long noFinal = 0;
        long first = -1;
        long last = -1;
        long lastLogged = Long.MIN_VALUE;
        for (MessageRecord message = source.get(); message != null; message = source.get()) {
            if (!bindingGroups.isEmpty() && !bindingGroups.contains(message.bindingGroup())) {
                filtered++;
                continue;
            }
            publish(ring, message);
            messages++;
            noFinal += message.completeness() == Completeness.NO_FINAL_OUTCOME ? 1 : 0;
            first = first < 0 ? message.receptionMicros() : first;
            last = message.receptionMicros();
            lastLogged = Math.max(lastLogged, lastLoggedTime(message));
        }
        return new ReplaySummary(messages, filtered, noFinal, first, last, Math.max(lastLogged, last));
    }

    private static long lastLoggedTime(MessageRecord message) {
        long time = message.receptionMicros();
        for (Attempt attempt : message.attempts()) {
            time = Math.max(time, attempt.timeMicros());
        }
        return time;
    }

    private static void publish(RingBuffer<Slot> ring, MessageRecord message) {
        final long sequence = ring.next();
        final Slot slot = ring.get(sequence);
        slot.message = message;
        slot.horizonMicros = 0;
        ring.publish(sequence);
    }

    private static void publishEnd(RingBuffer<Slot> ring, long horizonMicros) {
        final long sequence = ring.next();
        final Slot slot = ring.get(sequence);
        slot.message = null;
        slot.horizonMicros = horizonMicros;
        ring.publish(sequence);
    }

    @SuppressWarnings("unchecked")
    private static EventHandler<Slot>[] handlers(List<Engine> engines) {
        final List<EventHandler<Slot>> handlers = new ArrayList<>();
        for (Engine engine : engines) {
            handlers.add(new EngineHandler(engine));
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
        private boolean failed;

        EngineHandler(Engine engine) {
            this.engine = engine;
        }

        @Override
        public void onEvent(Slot slot, long sequence, boolean endOfBatch) {
            if (failed) {
                return;
            }
            try {
                dispatch(slot);
            } catch (RuntimeException | Error e) {
                failed = true;
                throw e;
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
