package dev.cutover.sim;

import java.util.Arrays;

/**
 * A discrete-event calendar on virtual time in microseconds: a heap ordered by (time, insertion sequence), which is
 * a total order, so events fire in the same order whatever the heap's shape. The heap keeps each event's time and
 * sequence in arrays of its own beside the events, so ordering it reads no event: a model holding a backlog of
 * hundreds of thousands of timers sifts through two arrays of longs. Each place has four children rather than two:
 * half as many levels to pass when the earliest event is taken, and the four children's times share a cache line.
 *
 * <p>Events due a fixed delay after they are scheduled (a reply one SMTP round trip after the command) can go in a
 * {@link Lane} of that delay instead: as the clock never goes back, a lane's events come due in the order they
 * were scheduled, so it is a queue, and the calendar fires whichever of the heap's and the lanes' first events is
 * earliest by (time, sequence), in the same order as if all were in the heap.
 *
 * <p>Example: events scheduled at 5, 3 and 3 (in that order) fire as the first 3, the second 3, then 5.
 */
public final class EventCalendar {
    private static final int INITIAL = 1024;

    private SimEvent[] events = new SimEvent[INITIAL];
    private long[] times = new long[INITIAL];
    private long[] sequences = new long[INITIAL];
    private int size;
    private Lane[] lanes = new Lane[0];
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
        int pending = size;
        for (Lane lane : lanes) {
            pending += lane.count;
        }
        return pending;
    }

    /**
     * @param delayMicros how long after it is scheduled each event of the lane is due, at least 0
     * @return a new lane of this calendar
     */
    public Lane lane(long delayMicros) {
        if (delayMicros < 0) {
            throw new IllegalArgumentException("a lane's delay is at least 0, not " + delayMicros);
        }
        final Lane lane = new Lane(delayMicros);
        lanes = Arrays.copyOf(lanes, lanes.length + 1);
        lanes[lanes.length - 1] = lane;
        return lane;
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
        while (fireNext(untilMicros)) {
            // one event a turn
        }
        nowMicros = Math.max(nowMicros, untilMicros);
    }

    /** Fires events until none is left or the next one lies beyond {@code horizonMicros}. */
    public void drain(long horizonMicros) {
        while (fireNext(horizonMicros)) {
            // one event a turn
        }
    }

    /** Fires the earliest event if it is due at or before {@code untilMicros}; returns whether it did. */
    private boolean fireNext(long untilMicros) {
        Lane earliest = null;
        long time = size > 0 ? times[0] : Long.MAX_VALUE;
        long sequence = size > 0 ? sequences[0] : Long.MAX_VALUE;
        for (Lane lane : lanes) {
            if (lane.count > 0) {
                final long laneTime = lane.times[lane.head];
                if (laneTime < time || laneTime == time && lane.sequences[lane.head] < sequence) {
                    earliest = lane;
                    time = laneTime;
                    sequence = lane.sequences[lane.head];
                }
            }
        }
        if (time > untilMicros || earliest == null && size == 0) {
            return false;
        }
        if (earliest != null) {
            earliest.fireFirst();
        } else {
            fireFirst();
        }
        return true;
    }

    private void fireFirst() {
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

    /**
     * Events due a fixed delay after they are scheduled, fired in the order they were scheduled, which is the
     * order of their times. Used from the calendar's thread.
     */
    public final class Lane {
        private final long delayMicros;
        private SimEvent[] laneEvents = new SimEvent[64];
        private long[] times = new long[64];
        private long[] sequences = new long[64];
        private int head;
        private int count;

        private Lane(long delayMicros) {
            this.delayMicros = delayMicros;
        }

        /** Schedules {@code event} the lane's delay from now, after every event scheduled before it at that time. */
        public void schedule(SimEvent event) {
            final long time = nowMicros + delayMicros;
            event.timeMicros = time;
            if (count == laneEvents.length) {
                grow();
            }
            final int tail = (head + count) & (laneEvents.length - 1);
            laneEvents[tail] = event;
            times[tail] = time;
            sequences[tail] = nextSequence++;
            count++;
        }

        private void fireFirst() {
            final SimEvent event = laneEvents[head];
            laneEvents[head] = null;
            nowMicros = times[head];
            head = (head + 1) & (laneEvents.length - 1);
            count--;
            event.fire();
        }

        /** Doubles the ring, its events moved to the start in order. */
        private void grow() {
            final int length = laneEvents.length;
            final SimEvent[] grownEvents = new SimEvent[2 * length];
            final long[] grownTimes = new long[2 * length];
            final long[] grownSequences = new long[2 * length];
            for (int i = 0; i < count; i++) {
                final int from = (head + i) & (length - 1);
                grownEvents[i] = laneEvents[from];
                grownTimes[i] = times[from];
                grownSequences[i] = sequences[from];
            }
            laneEvents = grownEvents;
            times = grownTimes;
            sequences = grownSequences;
            head = 0;
        }
    }
}
