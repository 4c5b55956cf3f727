package dev.cutover.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

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
}
