package dev.cutover.sim.compare;

import dev.cutover.sim.DomainSnapshot;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A KumoMTA metric diverges when it moves from Momentum's by more than the tolerance plus the noise floor, the
 * Momentum model's own distance from the log, and by at least the absolute floor.
 */
class ComparatorTest {
    private static final Comparator COMPARATOR = new Comparator(new Tolerances(Map.of(Metric.DEFERRALS, 0.10), 5), 15);

    /** A snapshot that only carries a number of deferrals. */
    private static DomainSnapshot deferrals(long count) {
        return new DomainSnapshot(100, 100, count, 0, 0, 0, 0, null, 10, 10, 10, null, null, false, null, null);
    }

    @Test
    void check_noiseFloorFromTheComparedModel_widensTheTolerance() {
        // Momentum 120 against a log of 100 is 20% of noise: KumoMTA at 150 is +25%, within 10% + 20%.
        final MetricCheck check = COMPARATOR.check(Metric.DEFERRALS, deferrals(100), deferrals(120), deferrals(150),
                "");

        assertEquals(0.20, check.noiseFloor(), 1e-9);
        assertEquals(0.25, check.relativeChange(), 1e-9);
        assertFalse(check.diverged());
    }

    @Test
    void check_noiseFloorFromACalibrationModel_ignoresWhatTheReceiverDid() {
        // The receiver pushed both compared models to 400 and 150; the model given the recorded answers is at 105,
        // so the floor is 5% and KumoMTA's -62.5% is a divergence.
        final MetricCheck check = COMPARATOR.check(Metric.DEFERRALS, deferrals(100), deferrals(400), deferrals(150),
                deferrals(105), "");

        assertEquals(0.05, check.noiseFloor(), 1e-9);
        assertEquals(-0.625, check.relativeChange(), 1e-9);
        assertTrue(check.diverged());
    }

    @Test
    void check_changeBelowTheAbsoluteFloor_neverDiverges() {
        final MetricCheck check = COMPARATOR.check(Metric.DEFERRALS, deferrals(2), deferrals(2), deferrals(6), "");

        assertEquals(2.0, check.relativeChange(), 1e-9);
        assertFalse(check.diverged(), "4 more deferrals is under the absolute floor of 5");
    }
}
