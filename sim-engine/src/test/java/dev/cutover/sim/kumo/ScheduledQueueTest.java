package dev.cutover.sim.kumo;

import dev.cutover.kumo.EgressPool;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The smooth weighted round robin kumod uses to pick a promoted message's source ({@code egress_source.rs}). */
class ScheduledQueueTest {

    private static List<Integer> picks(long... weights) {
        final List<EgressPool.Entry> entries = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            entries.add(new EgressPool.Entry("ip-" + i, weights[i]));
        }
        final ScheduledQueue queue = new ScheduledQueue("a.example", "a.example", StubPolicy.retries(1200),
                new EgressPool("pool", entries), 1);
        final List<Integer> picks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            picks.add(queue.nextSource());
        }
        return picks;
    }

    @Test
    void nextSource_weightsTwoAndOne_interleaves() {
        assertEquals(List.of(0, 1, 0, 0, 1, 0), picks(2, 1));
    }

    @Test
    void nextSource_weightsFiveOneOne_spreadsTheHeavyOne() {
        assertEquals(List.of(0, 0, 1, 0, 2, 0), picks(5, 1, 1));
    }

    @Test
    void nextSource_equalWeights_plainRoundRobin() {
        assertEquals(List.of(0, 1, 2, 0, 1, 2), picks(3, 3, 3));
    }
}
