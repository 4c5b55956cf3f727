package dev.cutover.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScenarioValuesTest {

    @Test
    void durationMicros_commonForms_parse() {
        assertEquals(250_000, ScenarioValues.durationMicros("250ms"));
        assertEquals(90_000_000, ScenarioValues.durationMicros("1m 30s"));
        assertEquals(7 * 86_400_000_000L, ScenarioValues.durationMicros("7d"));
        assertEquals(1_500_000, ScenarioValues.durationMicros("1.5s"));
    }

    @Test
    void durationMicros_garbage_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> ScenarioValues.durationMicros("fast"));
        assertThrows(IllegalArgumentException.class, () -> ScenarioValues.durationMicros("10"));
        assertThrows(IllegalArgumentException.class, () -> ScenarioValues.durationMicros("10s x"));
    }

    @Test
    void percent_textAndNumber_becomeFractions() {
        assertEquals(0.1, ScenarioValues.percent("10%"), 1e-12);
        assertEquals(0.25, ScenarioValues.percent(0.25), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ScenarioValues.percent("10"));
    }
}
