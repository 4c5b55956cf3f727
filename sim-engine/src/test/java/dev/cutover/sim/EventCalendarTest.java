package dev.cutover.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EventCalendarTest {

    @Test
    void runUntil_eventsAtEqualTimes_fireInSchedulingOrder() {
        final EventCalendar calendar = new EventCalendar(0);
        final List<String> fired = new ArrayList<>();
        calendar.schedule(new Step(() -> fired.add("five")), 5);
        calendar.schedule(new Step(() -> fired.add("three-a")), 3);
        calendar.schedule(new Step(() -> fired.add("three-b")), 3);

        calendar.runUntil(10);

        assertEquals(List.of("three-a", "three-b", "five"), fired);
        assertEquals(10, calendar.now());
    }

    @Test
    void runUntil_laterEvents_stayPending() {
        final EventCalendar calendar = new EventCalendar(0);
        final List<Long> times = new ArrayList<>();
        calendar.schedule(new Step(() -> times.add(calendar.now())), 4);
        calendar.schedule(new Step(() -> times.add(calendar.now())), 40);

        calendar.runUntil(10);

        assertEquals(List.of(4L), times);
        assertEquals(1, calendar.pending());
    }

    @Test
    void schedule_timeInThePast_firesNow() {
        final EventCalendar calendar = new EventCalendar(100);
        final List<Long> times = new ArrayList<>();
        calendar.schedule(new Step(() -> times.add(calendar.now())), 7);

        calendar.drain(Long.MAX_VALUE);

        assertEquals(List.of(100L), times);
    }

    @Test
    void drain_manyEvents_comeOutSorted() {
        final EventCalendar calendar = new EventCalendar(0);
        final List<Long> times = new ArrayList<>();
        for (long t = 2000; t > 0; t -= 3) {
            final long at = (t * 7919) % 1000;
            calendar.schedule(new Step(() -> times.add(calendar.now())), at);
        }

        calendar.drain(Long.MAX_VALUE);

        for (int i = 1; i < times.size(); i++) {
            assertEquals(true, times.get(i - 1) <= times.get(i), "out of order at " + i);
        }
        assertEquals(667, times.size());
    }

    @Test
    void drain_tiesAndEventsScheduledWhileFiring_fireByTimeThenSchedulingOrder() {
        final EventCalendar calendar = new EventCalendar(0);
        final List<Integer> fired = new ArrayList<>();
        // The same schedule kept as (time, sequence, id) and ordered by a sort, the order the calendar promises.
        final List<long[]> expected = new ArrayList<>();
        final SplittableRandom random = new SplittableRandom(7);
        final int[] ids = {0};
        final LongConsumer[] schedule = new LongConsumer[1];
        schedule[0] = at -> {
            final int id = ids[0]++;
            final long time = Math.max(at, calendar.now());
            expected.add(new long[] {time, id});
            calendar.schedule(new Step(() -> {
                fired.add(id);
                if (id < 3000 && random.nextInt(3) == 0) {
                    schedule[0].accept(calendar.now() + random.nextInt(4));
                }
            }), at);
        };
        for (int i = 0; i < 2000; i++) {
            schedule[0].accept(random.nextInt(40));
        }

        calendar.drain(Long.MAX_VALUE);

        expected.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        assertEquals(expected.stream().map(e -> (int) e[1]).toList(), fired);
        assertEquals(true, fired.size() > 2500, "events were scheduled while others fired");
    }

    @Test
    void drain_lanesAndHeap_fireByTimeThenSchedulingOrder() {
        final EventCalendar calendar = new EventCalendar(0);
        final EventCalendar.Lane replies = calendar.lane(3);
        final EventCalendar.Lane immediate = calendar.lane(0);
        final List<Integer> fired = new ArrayList<>();
        final List<long[]> expected = new ArrayList<>();
        final SplittableRandom random = new SplittableRandom(11);
        final int[] ids = {0};
        final Runnable[] scheduleOne = new Runnable[1];
        scheduleOne[0] = () -> {
            final int id = ids[0]++;
            final int way = random.nextInt(3);
            final long time = calendar.now() + (way == 0 ? 3 : way == 1 ? 0 : random.nextInt(6));
            expected.add(new long[] {time, id});
            final Step step = new Step(() -> {
                fired.add(id);
                if (id < 5000) {
                    scheduleOne[0].run();
                    if (random.nextBoolean()) {
                        scheduleOne[0].run();
                    }
                }
            });
            if (way == 0) {
                replies.schedule(step);
            } else if (way == 1) {
                immediate.schedule(step);
            } else {
                calendar.schedule(step, time);
            }
        };
        for (int i = 0; i < 100; i++) {
            scheduleOne[0].run();
        }

        calendar.drain(Long.MAX_VALUE);

        expected.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        assertEquals(expected.stream().map(e -> (int) e[1]).toList(), fired);
        assertEquals(0, calendar.pending());
        assertEquals(true, fired.size() > 5000, "lanes grew past their first room");
    }

    @Test
    void runUntil_laneEventBeyondTheTime_staysPending() {
        final EventCalendar calendar = new EventCalendar(100);
        final EventCalendar.Lane replies = calendar.lane(50);
        final List<Long> times = new ArrayList<>();
        replies.schedule(new Step(() -> times.add(calendar.now())));

        calendar.runUntil(149);
        final int pendingAt149 = calendar.pending();
        calendar.runUntil(150);

        assertEquals(1, pendingAt149);
        assertEquals(List.of(150L), times);
        assertEquals(0, calendar.pending());
    }
}
