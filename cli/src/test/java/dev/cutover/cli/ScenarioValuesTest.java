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
    void percent_text_becomesFraction() {
        assertEquals(0.1, ScenarioValues.percent("10%"), 1e-12);
        assertEquals(0.025, ScenarioValues.percent("2.5 %"), 1e-12);
    }

    @Test
    void percent_numbersNanInfinityAndNegatives_areRejected() {
        for (Object bad : new Object[] {"10", 0.25, "NaN%", "Infinity%", "-10%", "1e400%", "5000%"}) {
            assertThrows(IllegalArgumentException.class, () -> ScenarioValues.percent(bad), String.valueOf(bad));
        }
    }

    @Test
    void nonNegative_nanAndNegatives_areRejected() {
        assertEquals(2.0, ScenarioValues.nonNegative(2L), 1e-12);
        for (Object bad : new Object[] {Double.NaN, Double.POSITIVE_INFINITY, -5L, "two"}) {
            assertThrows(IllegalArgumentException.class, () -> ScenarioValues.nonNegative(bad), String.valueOf(bad));
        }
    }

    @Test
    void durationMicros_beyondTenYears_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> ScenarioValues.durationMicros("99999999999999d"));
    }
}
