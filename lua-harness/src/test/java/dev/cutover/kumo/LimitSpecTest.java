package dev.cutover.kumo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LimitSpecTest {

    @ParameterizedTest
    @CsvSource({"100,100,false", "1_00,100,false", "'1,000',1000,false", "local:1_00,100,true", "local:5,5,true"})
    void parse_validText_givesLimit(String text, long limit, boolean local) {
        assertEquals(new LimitSpec(limit, local), LimitSpec.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "three; invalid limit 'three': invalid digit found in string",
        "0; invalid LimitSpec `0`: limit must be greater than 0!",
        "2.5; invalid limit '2.5': invalid digit found in string",
        "local:; invalid limit '': cannot parse integer from empty string",
    })
    void parse_invalidText_failsWithKumodMessage(String text, String message) {
        assertEquals(message, assertThrows(SpecException.class, () -> LimitSpec.parse(text)).getMessage());
    }

    @Test
    void of_zero_isRefused() {
        assertEquals("limit must be 1 or larger", assertThrows(SpecException.class, () -> LimitSpec.of(0))
                .getMessage());
    }

    @Test
    void toString_localLimit_keepsPrefix() {
        assertEquals("local:20", LimitSpec.parse("local:20").toString());
        assertEquals("5", LimitSpec.of(5).toString());
    }
}
