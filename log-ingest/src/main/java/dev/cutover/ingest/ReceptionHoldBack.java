package dev.cutover.ingest;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Holds joined messages until no later line can bring a message received before them, then releases them in
 * reception order. Needed where receptions are not logged but rebuilt from attempt lines (line time minus
 * queue time, as for {@code custom_logger} files, support.sparkpost.com/momentum/4/modules/custom-logger): a
 * message first seen late may have been received before messages already finished.
 *
 * <p>Example, with a hold-back of 60 s: message b (received t=50 s, delivered t=60 s) is held; message a
 * (received t=0 s, first line at t=100 s) arrives; once a line at t=111 s is read, both are older than
 * 111 − 60 = 51 s and leave as a, b.
 *
 * <p>Note: memory grows with the messages received within the hold-back of the newest line.
 */
final class ReceptionHoldBack {
    private static final Comparator<Held> RECEPTION_ORDER = Comparator.<Held>comparingLong(
            held -> held.message.receptionMicros()).thenComparingLong(held -> held.sequence);

    private final long holdBackMicros;
    private final ReceptionQueue<Held> held = new ReceptionQueue<>(RECEPTION_ORDER);
    private long nextSequence;
    private long lastReleasedMicros = Long.MIN_VALUE;

    /** @param holdBackMicros how far behind the newest line a reception may be, &gt; 0 */
    ReceptionHoldBack(long holdBackMicros) {
        this.holdBackMicros = holdBackMicros;
    }

    /** A hold-back that goes on from a saved {@link #state()}. */
    ReceptionHoldBack(long holdBackMicros, IngestState.HoldState restored) {
        this(holdBackMicros);
        nextSequence = restored.nextSequence();
        lastReleasedMicros = restored.lastReleasedMicros();
        restored.held().forEach(pending -> held.add(new Held(pending.message(), pending.sequence())));
    }

    /** @return the messages held and the counters, for the next ingest to go on from */
    IngestState.HoldState state() {
        final List<Held> all = held.toList();
        all.sort(RECEPTION_ORDER);
        return new IngestState.HoldState(nextSequence, lastReleasedMicros, all.stream()
                .map(h -> new IngestState.Pending(h.sequence, h.message)).toList());
    }

    void add(MessageRecord message) {
        held.add(new Held(message, nextSequence++));
    }

    /** Releases, in reception order, every message received more than the hold-back before {@code newestMicros}. */
    void releaseBefore(long newestMicros, Consumer<MessageRecord> downstream) {
        final long releaseBeforeMicros = newestMicros - holdBackMicros;

        Held head = held.peek();
        while (head != null && head.message.receptionMicros() < releaseBeforeMicros) {
            release(held.poll(), downstream);
            head = held.peek();
        }
    }

    void releaseAll(Consumer<MessageRecord> downstream) {
        while (!held.isEmpty()) {
            release(held.poll(), downstream);
        }
    }

    /** @return true when a message received at {@code receptionMicros} would now be stored out of order */
    boolean isLate(long receptionMicros) {
        return receptionMicros < lastReleasedMicros;
    }

    private void release(Held next, Consumer<MessageRecord> downstream) {
        lastReleasedMicros = next.message.receptionMicros();
        downstream.accept(next.message);
    }

    private record Held(MessageRecord message, long sequence) {
    }
}
