package dev.cutover.sim.momentum.conf;

/**
 * One lexical unit of an ecelerity.conf file.
 *
 * <p>The token kinds follow the syntax described at support.sparkpost.com/momentum/4/conf-overview:
 * bare words, double-quoted strings, {@code =}, braces for stanzas, parentheses for lists, square
 * brackets for dictionaries and commas between list items.
 *
 * @param type what kind of token this is
 * @param text the word or the string's content without its quotes; the symbol itself otherwise
 * @param line the 1-based line on which the token starts
 */
public record Token(Type type, String text, int line) {

    /** Kinds of tokens. */
    public enum Type {
        WORD, STRING, EQUALS, OPEN_BRACE, CLOSE_BRACE, OPEN_PAREN, CLOSE_PAREN,
        OPEN_BRACKET, CLOSE_BRACKET, COMMA, END_OF_FILE
    }

    public boolean is(Type expected) {
        return type == expected;
    }

    public boolean isName() {
        return type == Type.WORD || type == Type.STRING;
    }

    /**
     * @return the token as it would be quoted in an error message
     */
    public String describe() {
        return switch (type) {
            case END_OF_FILE -> "end of file";
            case STRING -> "\"" + text + "\"";
            default -> "'" + text + "'";
        };
    }
}
