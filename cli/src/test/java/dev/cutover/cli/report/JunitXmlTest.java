package dev.cutover.cli.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JunitXmlTest {

    @Test
    void escape_markupQuotesLineBreaksAndControlCharacters_safeInTextAndAttributes() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;&#10;e&#9;f?g",
                JunitXml.escape("a <b> & \"c\" 'd'\ne\tf\u0001g"));
    }

    @Test
    void escape_textOutsideAscii_keptAsItIs() {
        assertEquals("Gmail – 50 connexions à la fois", JunitXml.escape("Gmail – 50 connexions à la fois"));
    }
}
