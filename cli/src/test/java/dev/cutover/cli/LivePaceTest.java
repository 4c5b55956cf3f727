package dev.cutover.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Pacing at a multiple of real time, and a look once a second of wall time, on a clock the test moves. */
class LivePaceTest {
    private static final long SECOND_NANOS = 1_000_000_000L;
    private static final long SECOND_MICROS = 1_000_000L;
    private static final long T0 = 1_717_394_400_000_000L;

    private long now = 5 * SECOND_NANOS;
    private final List<Long> sleeps = new ArrayList<>();
    private final List<Long> looks = new ArrayList<>();
    private boolean stopped;

    private LivePace pace(double speed) {
        return new LivePace(speed, () -> looks.add(now), () -> now, nanos -> {
            sleeps.add(nanos);
            now += nanos;
        }, () -> stopped);
    }

    @Test
    void pace_sixtyTimesRealTime_givesEachMessageItsLogTimeOverSixtyAfterTheFirst() {
        final LivePace pace = pace(60);

        pace.pace(T0);
        pace.pace(T0 + 30 * SECOND_MICROS);
        final long afterSecond = now;
        pace.pace(T0 + 90 * SECOND_MICROS);

        assertEquals(5 * SECOND_NANOS + SECOND_NANOS / 2, afterSecond, "30 s of log in half a second");
        assertEquals(5 * SECOND_NANOS + 3 * SECOND_NANOS / 2, now, "90 s of log in a second and a half");
        assertEquals(List.of(6 * SECOND_NANOS), looks, "one look, a second after the start");
        assertEquals(List.of(SECOND_NANOS / 2, SECOND_NANOS / 2, SECOND_NANOS / 2), sleeps,
                "the wait is cut at the look");
    }

    @Test
    void pace_messageBehindTheFirst_isNotHeld() {
        final LivePace pace = pace(10);
        pace.pace(T0);

        pace.pace(T0 - 60 * SECOND_MICROS);

        assertEquals(List.of(), sleeps);
    }

    @Test
    void pace_unpaced_neverSleepsAndLooksOnceASecondOfWork() {
        final LivePace pace = pace(Double.POSITIVE_INFINITY);
        for (int i = 0; i <= 30; i++) {
            pace.pace(T0 + i * 3600 * SECOND_MICROS);
            now += SECOND_NANOS / 10;
        }

        assertEquals(List.of(), sleeps);
        assertEquals(List.of(6 * SECOND_NANOS, 7 * SECOND_NANOS, 8 * SECOND_NANOS), looks);
    }

    @Test
    void tick_whileFollowing_looksOnceASecondFromTheFirstTick() {
        final LivePace pace = pace(60);
        pace.tick();
        now += SECOND_NANOS / 2;
        pace.tick();
        now += SECOND_NANOS / 2;
        pace.tick();
        now += 5 * SECOND_NANOS;
        pace.tick();
        pace.tick();

        assertEquals(List.of(6 * SECOND_NANOS, 11 * SECOND_NANOS), looks, "a late look does not bring a burst");
    }

    @Test
    void pace_interrupted_neitherWaitsNorLooksAgain() {
        final LivePace pace = pace(1);
        pace.pace(T0);
        pace.pace(T0 + 2 * SECOND_MICROS);
        stopped = true;

        pace.pace(T0 + 3600 * SECOND_MICROS);
        pace.tick();

        assertEquals(7 * SECOND_NANOS, now, "an hour of log after the interrupt took no time");
        assertEquals(List.of(6 * SECOND_NANOS, 7 * SECOND_NANOS), looks, "none after the interrupt");
    }

    @Test
    void new_speedNotAboveZero_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> pace(0));
        assertThrows(IllegalArgumentException.class, () -> pace(Double.NaN));
    }
}
