package dev.cutover.sim;

import java.util.Arrays;

/**
 * A discrete-event calendar on virtual time in microseconds: a binary heap ordered by (time, insertion sequence).
 *
 * <p>Example: events scheduled at 5, 3 and 3 (in that order) fire as the first 3, the second 3, then 5.
 */
public final class EventCalendar {
    private SimEvent[] heap = new SimEvent[1024];
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
        event.timeMicros = Math.max(timeMicros, nowMicros);
        event.sequence = nextSequence++;
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = event;
        siftUp(size++);
    }

    /** Fires every event due at or before {@code untilMicros}, then sets the clock to it. */
    public void runUntil(long untilMicros) {
        while (size > 0 && heap[0].timeMicros <= untilMicros) {
            fireNext();
        }
        nowMicros = Math.max(nowMicros, untilMicros);
    }

    /** Fires events until none is left or the next one lies beyond {@code horizonMicros}. */
    public void drain(long horizonMicros) {
        while (size > 0 && heap[0].timeMicros <= horizonMicros) {
            fireNext();
        }
    }

    private void fireNext() {
        final SimEvent event = heap[0];
        heap[0] = heap[--size];
        heap[size] = null;
        if (size > 0) {
            siftDown(0);
        }
        nowMicros = event.timeMicros;
        event.fire();
    }

    private static boolean before(SimEvent a, SimEvent b) {
        return a.timeMicros < b.timeMicros || (a.timeMicros == b.timeMicros && a.sequence < b.sequence);
    }

    private void siftUp(int index) {
        final SimEvent event = heap[index];
        int i = index;
        while (i > 0) {
            final int parent = (i - 1) >>> 1;
            if (!before(event, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = event;
    }

    private void siftDown(int index) {
        final SimEvent event = heap[index];
        int i = index;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], event)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = event;
    }
}
