package dev.cutover.ingest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The stragglers' index sorts by reception time, then sequence, as a sort of objects would. */
class LateIndexTest {
    private record Row(long reception, long sequence, long index) {
    }

    @Test
    void sort_manyWithTies_matchesASortOfRows() {
        final SplittableRandom random = new SplittableRandom(5);
        final LateIndex index = new LateIndex();
        final List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 10_007; i++) {
            final Row row = new Row(random.nextLong(500), random.nextLong(1_000_000), i);
            rows.add(row);
            index.add(row.reception(), row.sequence(), row.index());
        }

        index.sort();
        rows.sort(Comparator.comparingLong(Row::reception).thenComparingLong(Row::sequence));

        assertEquals(rows.size(), index.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(rows.get(i), new Row(index.receptionMicros(i), index.sequence(i), index.index(i)), "at " + i);
        }
    }

    @Test
    void sort_emptyAndOne_stayAsTheyAre() {
        final LateIndex empty = new LateIndex();
        empty.sort();
        final LateIndex one = new LateIndex();
        one.add(7, 3, 11);
        one.sort();

        assertEquals(0, empty.size());
        assertEquals(11, one.index(0));
    }
}
