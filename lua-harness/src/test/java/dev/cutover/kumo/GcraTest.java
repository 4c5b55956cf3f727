package dev.cutover.kumo;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GcraTest {
    private static final long SECOND = 1_000_000L;

    @Test
    void acquire_hundredPerSecondNoBurst_admitsHundredAtOnce() {
        final Gcra gcra = new Gcra(new ThrottleSpec(100, SECOND, -1, false));

        int admitted = 0;
        while (gcra.acquire(0) == 0) {
            admitted++;
        }

        assertEquals(100, admitted);
    }

    @Test
    void acquire_afterTheBurst_waitIsRoundedUpToWholeSeconds() {
        final Gcra gcra = new Gcra(new ThrottleSpec(100, SECOND, -1, false));
        for (int i = 0; i < 100; i++) {
            gcra.acquire(0);
        }

        assertEquals(SECOND, gcra.acquire(0));
        assertEquals(0, gcra.acquire(10_000));
        assertEquals(SECOND, gcra.acquire(10_000));
    }

    @Test
    void acquire_maxBurstFour_admitsFiveAtOnce() {
        final Gcra gcra = new Gcra(new ThrottleSpec(10, SECOND, 4, false));

        int admitted = 0;
        while (gcra.acquire(0) == 0) {
            admitted++;
        }

        assertEquals(5, admitted);
    }

    @Test
    void acquire_onePerMinute_secondRequestWaitsSixtySeconds() {
        final Gcra gcra = new Gcra(new ThrottleSpec(1, 60 * SECOND, -1, false));

        assertEquals(0, gcra.acquire(0));
        assertEquals(60 * SECOND, gcra.acquire(0));
        assertEquals(0, gcra.acquire(60 * SECOND));
    }

    @Test
    void ratePerSecond_sixHundredPerMinute_isTen() {
        assertEquals(10.0, new Gcra(new ThrottleSpec(600, 60 * SECOND, -1, false)).ratePerSecond(), 1e-9);
    }
}
