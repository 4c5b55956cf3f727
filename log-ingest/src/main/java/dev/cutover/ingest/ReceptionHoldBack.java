package dev.cutover.ingest;

import java.util.Comparator;
import java.util.List;

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
 * <p>Memory: beyond a limit of held messages, newly held ones are written to the
 * spill and read back on release, so memory stays bounded however long the hold-back is.
 */
final class ReceptionHoldBack {
    private static final Comparator<Held> RECEPTION_ORDER = Comparator.<Held>comparingLong(
            held -> held.receptionMicros).thenComparingLong(held -> held.sequence);

    private final long holdBackMicros;
    private final ReceptionQueue<Held> held = new ReceptionQueue<>(RECEPTION_ORDER);
    private final MessageSpill spill;
    private final int maxInMemory;
    private long nextSequence;
    private long lastReleasedMicros = Long.MIN_VALUE;
    private long inMemory;

    /** @param holdBackMicros how far behind the newest line a reception may be, &gt; 0 */
    ReceptionHoldBack(long holdBackMicros) {
        this.holdBackMicros = holdBackMicros;
        this.spill = null;
        this.maxInMemory = Integer.MAX_VALUE;
    }

    /**
     * A hold-back that goes on from a saved {@link #state()}.
     *
     * @param spill       where messages beyond {@code maxInMemory} held ones go
     * @param maxInMemory messages held in memory before the spill is used, &ge; 0
     */
    ReceptionHoldBack(long holdBackMicros, IngestState.HoldState restored, MessageSpill spill, int maxInMemory) {
        this.holdBackMicros = holdBackMicros;
        this.spill = spill;
        this.maxInMemory = maxInMemory;
        nextSequence = restored.nextSequence();
        lastReleasedMicros = restored.lastReleasedMicros();
        for (IngestState.Pending pending : restored.held()) {
            held.add(new Held(pending.receptionMicros(), pending.sequence(), pending.message(), pending.spillIndex()));
            inMemory += pending.isSpilled() ? 0 : 1;
        }
    }

    /** @return the messages held and the counters, for the next ingest to go on from */
    IngestState.HoldState state() {
        final List<Held> all = held.toList();
        all.sort(RECEPTION_ORDER);
        return new IngestState.HoldState(nextSequence, lastReleasedMicros, all.stream()
                .map(h -> new IngestState.Pending(h.sequence, h.receptionMicros, h.message, h.spillIndex, false))
                .toList());
    }

    /** Holds a message; beyond the limit held in memory, it goes to the spill and only its place is kept. */
    void add(MessageRecord message) {
        if (spill != null && inMemory >= maxInMemory) {
            held.add(new Held(message.receptionMicros(), nextSequence++, null, spill.write(message)));
        } else {
            held.add(new Held(message.receptionMicros(), nextSequence++, message, -1));
            inMemory++;
        }
    }

    /** Releases, in reception order, every message received more than the hold-back before {@code newestMicros}. */
    void releaseBefore(long newestMicros, ReceptionOrderJoiner.LateSink downstream) {
        final long releaseBeforeMicros = newestMicros - holdBackMicros;

        Held head = held.peek();
        while (head != null && head.receptionMicros < releaseBeforeMicros) {
            release(held.poll(), downstream);
            head = held.peek();
        }
    }

    void releaseAll(ReceptionOrderJoiner.LateSink downstream) {
        while (!held.isEmpty()) {
            release(held.poll(), downstream);
        }
    }

    /** @return messages held */
    int size() {
        return held.size();
    }

    /** @return true when a message received at {@code receptionMicros} would now be stored out of order */
    boolean isLate(long receptionMicros) {
        return receptionMicros < lastReleasedMicros;
    }

    private void release(Held next, ReceptionOrderJoiner.LateSink downstream) {
        lastReleasedMicros = next.receptionMicros;
        if (next.message != null) {
            inMemory--;
            downstream.accept(next.sequence, next.message);
        } else {
            downstream.accept(next.sequence, spill.read(next.spillIndex));
        }
    }

    /** A held message, or its place in the spill when {@code message} is null. */
    private record Held(long receptionMicros, long sequence, MessageRecord message, long spillIndex) {
    }
}
