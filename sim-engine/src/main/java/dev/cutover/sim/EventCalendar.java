package dev.cutover.sim;

import java.util.Arrays;

/**
 * A discrete-event calendar on virtual time in microseconds: a heap ordered by (time, insertion sequence), which is
 * a total order, so events fire in the same order whatever the heap's shape. The heap keeps each event's time and
 * sequence in arrays of its own beside the events, so ordering it reads no event: a model holding a backlog of
 * hundreds of thousands of timers sifts through two arrays of longs. Each place has four children rather than two:
 * half as many levels to pass when the earliest event is taken, and the four children's times share a cache line.
 *
 * <p>Example: events scheduled at 5, 3 and 3 (in that order) fire as the first 3, the second 3, then 5.
 */
public final class EventCalendar {
    private static final int INITIAL = 1024;

    private SimEvent[] events = new SimEvent[INITIAL];
    private long[] times = new long[INITIAL];
    private long[] sequences = new long[INITIAL];
    private int size;
    private long nextSequence;
    private long nowMicros;

    /** @param startMicros the clock's initial reading */
    public EventCalendar(long startMicros) {
        this.nowMicros = startMicros;
    }

    /** @return the current virtual time in microseconds. */
    public long now() {
        return nowMicros;
    }

    /** @return the number of events waiting. */
    public int pending() {
        return size;
    }

    /** Schedules {@code event} at {@code timeMicros}, or now if that is in the past. */
    public void schedule(SimEvent event, long timeMicros) {
        schedule(event, timeMicros, nextSequence++);
    }

    /**
     * Takes the next place in the order of events due at the same time, for an event to be scheduled later as if
     * it had been scheduled now.
     *
     * @return the place, to give {@link #schedule(SimEvent, long, long)}
     */
    public long reserveSequence() {
        return nextSequence++;
    }

    /**
     * Schedules {@code event} at {@code timeMicros}, or now if that is in the past, in the place {@code sequence}
     * among events due at the same time.
     *
     * @param sequence a place {@link #reserveSequence()} gave, used for one event at a time
     */
    public void schedule(SimEvent event, long timeMicros, long sequence) {
        final long time = Math.max(timeMicros, nowMicros);
        event.timeMicros = time;
        if (size == events.length) {
            events = Arrays.copyOf(events, size * 2);
            times = Arrays.copyOf(times, size * 2);
            sequences = Arrays.copyOf(sequences, size * 2);
        }
        siftUp(size++, time, sequence, event);
    }

    /** Fires every event due at or before {@code untilMicros}, then sets the clock to it. */
    public void runUntil(long untilMicros) {
        while (size > 0 && times[0] <= untilMicros) {
            fireNext();
        }
        nowMicros = Math.max(nowMicros, untilMicros);
    }

    /** Fires events until none is left or the next one lies beyond {@code horizonMicros}. */
    public void drain(long horizonMicros) {
        while (size > 0 && times[0] <= horizonMicros) {
            fireNext();
        }
    }

    private void fireNext() {
        final SimEvent event = events[0];
        final long time = times[0];
        final int last = --size;
        final SimEvent moved = events[last];
        events[last] = null;
        if (last > 0) {
            siftDown(times[last], sequences[last], moved);
        }
        nowMicros = time;
        event.fire();
    }

    /** Puts the event with {@code time} and {@code sequence} at the free place {@code index} or above it. */
    private void siftUp(int index, long time, long sequence, SimEvent event) {
        int i = index;
        while (i > 0) {
            final int parent = (i - 1) >>> 2;
            final long parentTime = times[parent];
            if (time > parentTime || time == parentTime && sequence > sequences[parent]) {
                break;
            }
            place(i, parentTime, sequences[parent], events[parent]);
            i = parent;
        }
        place(i, time, sequence, event);
    }

    /** Puts the event with {@code time} and {@code sequence} at the free root or below it. */
    private void siftDown(long time, long sequence, SimEvent event) {
        int i = 0;
        while (true) {
            final int first = 4 * i + 1;
            if (first >= size) {
                break;
            }
            // The earliest of up to four children, which lie side by side in the arrays.
            int child = first;
            long childTime = times[first];
            final int end = Math.min(first + 4, size);
            for (int c = first + 1; c < end; c++) {
                final long t = times[c];
                if (t < childTime || t == childTime && sequences[c] < sequences[child]) {
                    child = c;
                    childTime = t;
                }
            }
            if (childTime > time || childTime == time && sequences[child] > sequence) {
                break;
            }
            place(i, childTime, sequences[child], events[child]);
            i = child;
        }
        place(i, time, sequence, event);
    }

    private void place(int index, long time, long sequence, SimEvent event) {
        times[index] = time;
        sequences[index] = sequence;
        events[index] = event;
    }
}
