package dev.cutover.kumo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "60s, 60", "90m, 5400", "3 days, 259200", "1 minute, 60", "2h, 7200", "20 minutes, 1200",
        "'5m 30s', 330", "2 hours, 7200", "1day, 86400", "1w, 604800", "15 seconds, 15", "1h30m, 5400",
        "'  7days  ', 604800",
    })
    void parseMicros_humantimeText_givesSeconds(String text, long seconds) {
        assertEquals(seconds * 1_000_000L, Durations.parseMicros(text));
    }

    @Test
    void parseMicros_milliseconds_keptInMicros() {
        assertEquals(1_500L, Durations.parseMicros("1ms 500us"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "60", "1.5s", "5 fortnights", "-5s", "s"})
    void parseMicros_invalidText_isRefused(String text) {
        assertThrows(SpecException.class, () -> Durations.parseMicros(text));
    }

    @Test
    void parseMicros_unknownUnit_namesIt() {
        final SpecException e = assertThrows(SpecException.class, () -> Durations.parseMicros("5 fortnights"));

        assertEquals(true, e.getMessage().startsWith("unknown time unit \"fortnights\""));
    }

    @Test
    void format_variousDurations_writesHumantimeForm() {
        assertEquals("5s", Durations.format(5_000_000L));
        assertEquals("1m 30s", Durations.format(90_000_000L));
        assertEquals("7days", Durations.format(7 * 86_400_000_000L));
        assertEquals("20m", Durations.format(1_200_000_000L));
    }
}
