package dev.cutover.sim.momentum.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfLexerTest {

    private static List<Token> tokens(String text) {
        return new ConfLexer(text, "ecelerity.conf").tokenize();
    }

    private static List<String> texts(String text) {
        return tokens(text).stream().map(Token::text).toList();
    }

    @Test
    void tokenize_hashAndBlockComments_skipsBothAndCountsLines() {
        final List<Token> tokens = tokens("# header\nA = 1 # trailing\n/* two\nlines */ B = \"2\"\n");

        assertEquals(List.of("A", "=", "1", "B", "=", "2", ""), tokens.stream().map(Token::text).toList());
        assertEquals(2, tokens.get(0).line());
        assertEquals(4, tokens.get(3).line());
    }

    @Test
    void tokenize_typographicQuotesAroundAName_refusedNamingTheLine() {
        final ConfException error = assertThrows(ConfException.class,
                () -> tokens("A = 1\nDomain \u201Cyahoo.com\u201D {\n}\n"));

        assertEquals("ecelerity.conf:2: expected straight double quotes (\") but found a typographic quote (\u201C), "
                + "which ecelerity.conf reads as part of a word", error.getMessage());
        assertEquals("550 \u201Cno\u201D", tokens("x = \"550 \u201Cno\u201D\"").get(2).text());
    }

    @Test
    void tokenize_blockCommentsDoNotNest_closeAtFirstEnd() {
        assertEquals(List.of("still", "=", "here", ""), texts("/* outer /* inner */ still = here"));
    }

    @Test
    void tokenize_quotedStringWithSpecialCharacters_keepsContent() {
        final Token string = tokens("x = \"a#b /c=d {e} [f] (g)\"").get(2);

        assertEquals(Token.Type.STRING, string.type());
        assertEquals("a#b /c=d {e} [f] (g)", string.text());
    }

    @Test
    void tokenize_escapedQuoteAndRegexBackslashes_keepsBackslashesOutsideQuoteEscape() {
        final Token string = tokens("\"say \\\"hi\\\" to ^mx\\.example\\.com$\"").get(0);

        assertEquals("say \"hi\" to ^mx\\.example\\.com$", string.text());
    }

    @Test
    void tokenize_bareWordsWithDotsDashesSlashes_areSingleWords() {
        assertEquals(List.of("(", "127.0.0.0/8", "10.10.10.0/24", ",", "mta-3.example.com", ")", ""),
            texts("( 127.0.0.0/8 10.10.10.0/24, mta-3.example.com )"));
    }

    @Test
    void tokenize_commentRightAfterBareWord_endsTheWord() {
        assertEquals(List.of("a", "=", "on", "b", "=", "off", ""), texts("a = on# why\nb = off/* note */"));
    }

    @Test
    void tokenize_unterminatedString_namesFileAndOpeningLine() {
        final ConfException error = assertThrows(ConfException.class, () -> tokens("a = 1\nb = \"open\n\nc = 2\n"));

        assertEquals("ecelerity.conf:2: expected '\"' to close the string opened at line 2 before end of file",
            error.getMessage());
        assertEquals(new SourceLocation("ecelerity.conf", 2), error.location());
    }

    @Test
    void tokenize_unterminatedBlockComment_namesOpeningLine() {
        final ConfException error = assertThrows(ConfException.class, () -> tokens("a = 1\n\n/* never closed\n"));

        assertEquals("ecelerity.conf:3: expected '*/' to close the comment opened at line 3 before end of file",
            error.getMessage());
    }
}
