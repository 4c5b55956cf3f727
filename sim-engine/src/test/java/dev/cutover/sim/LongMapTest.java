package dev.cutover.sim;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LongMapTest {

    @Test
    void findsWhatWasPutAndForgetsWhatWasRemoved() {
        final LongMap<String> map = new LongMap<>();
        map.put(3_000_000L, "a");
        map.put(6_000_000L, "b");
        map.put(3_000_000L, "c");
        assertEquals("c", map.get(3_000_000L));
        assertEquals("b", map.get(6_000_000L));
        assertEquals(2, map.size());
        assertEquals("c", map.remove(3_000_000L));
        assertNull(map.get(3_000_000L));
        assertNull(map.remove(3_000_000L));
        assertEquals("b", map.get(6_000_000L));
        assertEquals(1, map.size());
    }

    @Test
    void refusesNullValues() {
        assertThrows(IllegalArgumentException.class, () -> new LongMap<String>().put(1, null));
    }

    /** Keys a few probe runs apart, many removed from the middle of runs, checked against a HashMap. */
    @Test
    void agreesWithAHashMapThroughGrowthAndRemovals() {
        final LongMap<Long> map = new LongMap<>();
        final Map<Long, Long> expected = new HashMap<>();
        final SplittableRandom random = new SplittableRandom(5);
        for (int step = 0; step < 200_000; step++) {
            final long key = random.nextLong(2_000) * 3_000_000L - 1_000 * 3_000_000L;
            final int op = random.nextInt(3);
            if (op == 0) {
                map.put(key, (long) step);
                expected.put(key, (long) step);
            } else if (op == 1) {
                assertEquals(expected.remove(key), map.remove(key), "remove " + key);
            } else {
                assertEquals(expected.get(key), map.get(key), "get " + key);
            }
            assertEquals(expected.size(), map.size());
        }
        for (Map.Entry<Long, Long> entry : expected.entrySet()) {
            assertEquals(entry.getValue(), map.get(entry.getKey()));
        }
    }
}
