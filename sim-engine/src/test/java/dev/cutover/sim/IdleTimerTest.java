package dev.cutover.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The timer keeps one calendar entry however often it is armed, and must fire exactly where an entry scheduled at
 * each arming would have: at the last deadline, after events scheduled for that time before the arming and before
 * those scheduled after it.
 */
class IdleTimerTest {
    private final EventCalendar calendar = new EventCalendar(0);
    private final List<String> fired = new ArrayList<>();
    private final IdleTimer timer = new IdleTimer(calendar, () -> fired.add("timeout@" + calendar.now()));

    private void at(long time, String name) {
        calendar.schedule(new Step(() -> fired.add(name + "@" + calendar.now())), time);
    }

    @Test
    void armedOnce_firesAtTheDeadline() {
        timer.arm(100);

        calendar.runUntil(1_000);

        assertEquals(List.of("timeout@100"), fired);
    }

    @Test
    void disarmed_neverFires() {
        timer.arm(100);
        calendar.schedule(new Step(timer::disarm), 50);

        calendar.runUntil(1_000);

        assertEquals(List.of(), fired);
    }

    @Test
    void armedAgainLater_firesOnceAtTheLastDeadline() {
        timer.arm(100);
        calendar.schedule(new Step(() -> {
            timer.disarm();
            timer.arm(160);
        }), 60);
        calendar.schedule(new Step(() -> {
            timer.disarm();
            timer.arm(230);
        }), 130);

        calendar.runUntil(1_000);

        assertEquals(List.of("timeout@230"), fired);
    }

    @Test
    void tieWithAnotherEvent_ordersByWhenEachWasScheduled() {
        at(160, "before-arming");
        calendar.schedule(new Step(() -> timer.arm(160)), 10);
        calendar.schedule(new Step(() -> at(160, "after-arming")), 20);

        calendar.runUntil(1_000);

        assertEquals(List.of("before-arming@160", "timeout@160", "after-arming@160"), fired);
    }

    @Test
    void movedTieWithAnotherEvent_ordersByTheLastArming() {
        timer.arm(100);
        calendar.schedule(new Step(() -> at(160, "scheduled-first")), 20);
        calendar.schedule(new Step(() -> timer.arm(160)), 60);
        calendar.schedule(new Step(() -> at(160, "scheduled-last")), 70);

        calendar.runUntil(1_000);

        assertEquals(List.of("scheduled-first@160", "timeout@160", "scheduled-last@160"), fired);
    }

    @Test
    void armedWithANearerDeadline_firesThereOnly() {
        timer.arm(500);
        calendar.schedule(new Step(() -> timer.arm(200)), 100);

        calendar.runUntil(1_000);

        assertEquals(List.of("timeout@200"), fired);
    }

    @Test
    void armedAThousandTimes_keepsOneEntry() {
        for (int i = 1; i <= 1_000; i++) {
            timer.arm(100 + i);
        }

        assertEquals(1, calendar.pending());
        calendar.runUntil(10_000);
        assertEquals(List.of("timeout@1100"), fired);
        assertEquals(0, calendar.pending());
    }
}
