package dev.cutover.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RejectsFileTest {

    @Test
    void escape_controlCharacters_keepOneRowPerLine() {
        assertEquals("a\\tb\\x00c\\\\d\\ne\\x1b", RejectsFile.escape("a\tb\u0000c\\d\ne\u001b"));
    }

    @Test
    void escape_longText_isCutAtFourKibibytes() {
        final String escaped = RejectsFile.escape("x".repeat(5000));

        assertEquals(4096 + 3, escaped.length());
    }
}
