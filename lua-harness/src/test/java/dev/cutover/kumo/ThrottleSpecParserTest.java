package dev.cutover.kumo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ThrottleSpecParserTest {

    private static final long SECOND = 1_000_000L;

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "100/s; 100; 1; -1; false",
        "100/hr; 100; 3600; -1; false",
        "local:100/hr; 100; 3600; -1; true",
        "10/5min; 10; 300; -1; false",
        "1,000/h,max_burst=50; 1000; 3600; 50; false",
        "1_0,0/hour; 100; 3600; -1; false",
        "50/day,max_burst=1; 50; 86400; 1; false",
        "local:100/123m; 100; 7380; -1; true",
        "1/minute; 1; 60; -1; false",
        "2/sec; 2; 1; -1; false",
        "3/d; 3; 86400; -1; false",
    })
    void parse_validSpec_givesLimitPeriodBurst(String text, long limit, long periodSeconds, long burst,
            boolean local) {
        assertEquals(new ThrottleSpec(limit, periodSeconds * SECOND, burst, local), ThrottleSpecParser.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "100/hours; unknown period quantity hours",
        "100/mins; unknown period quantity mins",
        "100/our; unknown period quantity our",
        "three/hour; invalid limit 'three': invalid digit found in string",
        "0/s; invalid ThrottleSpec `0/s`: limit must be greater than 0!",
        "100 / s; unknown period quantity  s",
        "100/5; invalid period quantity 5",
        "100; expected 'limit/period', got 100",
        "' 100/s'; invalid limit ' 100': invalid digit found in string",
        "1.5/s; invalid limit '1.5': invalid digit found in string",
    })
    void parse_invalidSpec_failsWithKumodMessage(String text, String message) {
        final SpecException e = assertThrows(SpecException.class, () -> ThrottleSpecParser.parse(text));

        assertEquals(message, e.getMessage());
    }

    @Test
    void parse_zeroPeriod_isRefused() {
        final SpecException e = assertThrows(SpecException.class, () -> ThrottleSpecParser.parse("1/0s"));

        org.junit.jupiter.api.Assertions.assertEquals("invalid ThrottleSpec `1/0s`: period must be greater than 0",
                e.getMessage());
    }

    @Test
    void parse_periodOverflowingMicroseconds_isASpecError() {
        final SpecException e = assertThrows(SpecException.class,
                () -> ThrottleSpecParser.parse("1/99999999999d"));

        org.junit.jupiter.api.Assertions.assertEquals("number too big", e.getMessage());
    }

    @Test
    void display_oddPeriod_writtenInSeconds() {
        assertEquals("local:100/7380s", ThrottleSpecs.display(ThrottleSpecParser.parse("local:100/123m")));
        assertEquals("50/d,max_burst=1", ThrottleSpecs.display(ThrottleSpecParser.parse("50/day,max_burst=1")));
        assertEquals("100/h", ThrottleSpecs.display(ThrottleSpecParser.parse("100/hr")));
    }

    @Test
    void emissionInterval_tenPerFiveMinutes_isThirtySeconds() {
        assertEquals(30_000_000.0, ThrottleSpecParser.parse("10/5min").emissionIntervalMicros());
    }
}
