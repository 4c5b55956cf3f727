package dev.cutover.ingest.synth;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Campaign drops: one, plus one for every 8 hours of the reception window. */
class ReceptionProfileTest {

    private static int drops(long hours) {
        final ReceptionProfile profile = ReceptionProfile.build(1_000_000, hours * 3600, new SplittableRandom(3));
        int drops = 0;
        long total = 0;
        for (int slice = 0; slice < profile.slices(); slice++) {
            drops = Math.max(drops, profile.campaignNumber(slice));
            total += profile.count(slice);
        }
        assertEquals(1_000_000, total, "the counts add up to the messages asked for");
        return drops;
    }

    @Test
    void build_dayAndWeek_dropEveryEightHours() {
        assertEquals(1, drops(7));
        assertEquals(4, drops(24));
        assertEquals(22, drops(168));
    }
}
