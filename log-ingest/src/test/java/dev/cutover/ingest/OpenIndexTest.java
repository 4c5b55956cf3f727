package dev.cutover.ingest;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenIndexTest {

    @Test
    void putGetRemove_randomOperations_sameAnswersAsHashMap() {
        final OpenIndex<Integer> index = new OpenIndex<>();
        final Map<String, Integer> expected = new HashMap<>();
        final SplittableRandom random = new SplittableRandom(7);
        for (int step = 0; step < 200_000; step++) {
            final String key = "A1/00-23311-" + Integer.toHexString(random.nextInt(5_000));
            switch (random.nextInt(3)) {
                case 0 -> {
                    index.put(key, step);
                    expected.put(key, step);
                }
                case 1 -> {
                    index.remove(key);
                    expected.remove(key);
                }
                default -> assertEquals(expected.get(key), index.get(key), key);
            }
            assertEquals(expected.size(), index.size());
        }
        for (Map.Entry<String, Integer> entry : expected.entrySet()) {
            assertEquals(entry.getValue(), index.get(entry.getKey()));
        }
    }

    @Test
    void remove_keysWithEqualHashes_othersStillFound() {
        final OpenIndex<String> index = new OpenIndex<>();
        final String[] colliding = {"Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa"};
        assertEquals("Aa".hashCode(), "BB".hashCode());
        for (String key : colliding) {
            index.put(key, key);
        }

        index.remove("Aa");
        index.remove("BBBB");

        assertNull(index.get("Aa"));
        assertFalse(index.containsKey("BBBB"));
        assertTrue(index.containsKey("BB"));
        assertEquals("AaAa", index.get("AaAa"));
        assertEquals("AaBB", index.get("AaBB"));
        assertEquals("BBAa", index.get("BBAa"));
        assertEquals(4, index.size());
    }

    @Test
    void putIfAbsent_presentKey_keepsFirstValue() {
        final OpenIndex<String> index = new OpenIndex<>();

        assertTrue(index.putIfAbsent("id", "first"));
        assertFalse(index.putIfAbsent(new String("id"), "second"));
        assertEquals("first", index.get("id"));
        assertEquals(1, index.size());
    }

    @Test
    void put_existingKey_replacesValueWithoutGrowing() {
        final OpenIndex<String> index = new OpenIndex<>();
        index.put("id", "first");
        index.put(new String("id"), "second");

        assertEquals("second", index.get("id"));
        assertEquals(1, index.size());
    }
}
