package dev.cutover.kumo;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Patterns written for fancy_regex or PCRE that Java reads once their named groups are rewritten. */
class ForeignRegexTest {

    @Test
    void compile_pythonNamedGroupAndReference_matchAsWritten() {
        assertTrue(ForeignRegex.compile("(?P<code>TSS04)").matcher("421 4.7.0 [TSS04] busy").find());
        assertTrue(ForeignRegex.compile("(?P<x>ab)-(?P=x)").matcher("ab-ab").matches());
        assertEquals("(?<mycode>4\\d\\d) (?<g1>x)\\k<mycode>",
                ForeignRegex.rewrite("(?P<my_code>4\\d\\d) (?P<1>x)(?P=my_code)"));
    }

    @Test
    void compile_plainPatterns_unchanged() {
        assertEquals("^421 (?<=TSS)04 (S)\\1", ForeignRegex.rewrite("^421 (?<=TSS)04 (S)\\1"));
    }
}
