package dev.cutover.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A note naming domains keeps to the first twenty and counts the rest, however large the estate. */
class ListedNamesTest {

    @Test
    void listed_moreNamesThanANoteLists_countsTheRest() {
        final List<String> names = IntStream.range(0, 3000).mapToObj(i -> "d" + i + ".example").toList();

        assertEquals(String.join(", ", names.subList(0, 20)) + " and 2,980 more", Rehearsal.listed(names));
    }

    @Test
    void listed_fewNames_listsThemAll() {
        assertEquals("a.example, b.example", Rehearsal.listed(List.of("a.example", "b.example")));
        assertEquals(String.join(", ", IntStream.range(0, 20).mapToObj(i -> "d" + i).toList()),
                Rehearsal.listed(IntStream.range(0, 20).mapToObj(i -> "d" + i).toList()));
    }
}
