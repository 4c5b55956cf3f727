package dev.cutover.sim.momentum.conf;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of one ecelerity.conf file into {@link Token}s.
 *
 * <p>Rules, from support.sparkpost.com/momentum/4/conf-overview: whitespace is insignificant;
 * {@code #} starts a comment that runs to the end of the line; {@code /* ... *}{@code /} is a
 * comment that does not nest; a value that contains whitespace or any of {@code # / " = { } [ ] ( )}
 * is written in double quotes. Inside a quoted string only {@code \"} is an escape (it stands for
 * a double quote); every other backslash is kept, so regular expressions such as
 * {@code "/^mx\.example\.com$/"} arrive unchanged. A quoted string may span lines.
 *
 * <p>A bare word runs until whitespace, one of {@code = { } ( ) [ ] , "}, a {@code #} or the start
 * of a {@code /*} comment; it may contain dots, dashes, colons and slashes ({@code 127.0.0.0/8}).
 */
public final class ConfLexer {

    private static final String SYMBOLS = "={}()[],";

    private final String text;
    private final String file;
    private final List<Token> tokens = new ArrayList<>();
    private int position;
    private int line = 1;

    /**
     * @param text the whole file's content
     * @param file the file as it should appear in error messages
     */
    public ConfLexer(String text, String file) {
        this.text = text;
        this.file = file;
    }

    /**
     * Reads the whole text.
     *
     * @return the tokens in order, ending with one {@link Token.Type#END_OF_FILE} token
     * @throws ConfException for an unterminated string or block comment
     */
    public List<Token> tokenize() {
        skipTrivia();
        while (position < text.length()) {
            tokens.add(nextToken());
            skipTrivia();
        }
        tokens.add(new Token(Token.Type.END_OF_FILE, "", lastLine()));
        return List.copyOf(tokens);
    }

    private int lastLine() {
        return text.endsWith("\n") && line > 1 ? line - 1 : line;
    }

    private Token nextToken() {
        final char c = text.charAt(position);

        if (c == '"') {
            return quoted();
        }
        if (SYMBOLS.indexOf(c) >= 0) {
            position++;
            return new Token(symbolType(c), String.valueOf(c), line);
        }
        return bareWord();
    }

    private static Token.Type symbolType(char c) {
        return switch (c) {
            case '=' -> Token.Type.EQUALS;
            case '{' -> Token.Type.OPEN_BRACE;
            case '}' -> Token.Type.CLOSE_BRACE;
            case '(' -> Token.Type.OPEN_PAREN;
            case ')' -> Token.Type.CLOSE_PAREN;
            case '[' -> Token.Type.OPEN_BRACKET;
            case ']' -> Token.Type.CLOSE_BRACKET;
            default -> Token.Type.COMMA;
        };
    }

    private Token quoted() {
        final int startLine = line;
        final StringBuilder content = new StringBuilder();

        position++;
        while (position < text.length() && text.charAt(position) != '"') {
            position += appendStringChar(content);
        }
        if (position >= text.length()) {
            throw new ConfException(new SourceLocation(file, startLine),
                "expected '\"' to close the string opened at line " + startLine + " before end of file");
        }
        position++;
        return new Token(Token.Type.STRING, content.toString(), startLine);
    }

    private int appendStringChar(StringBuilder content) {
        final char c = text.charAt(position);

        if (c == '\\' && position + 1 < text.length() && text.charAt(position + 1) == '"') {
            content.append('"');
            return 2;
        }
        if (c == '\n') {
            line++;
        }
        content.append(c);
        return 1;
    }

    private Token bareWord() {
        final int start = position;

        while (position < text.length() && !endsBareWord(position)) {
            final char c = text.charAt(position);
            if (c == '\u201C' || c == '\u201D' || c == '\u201E') {
                throw new ConfException(new SourceLocation(file, line), "expected straight double quotes (\") but "
                    + "found a typographic quote (" + c + "), which ecelerity.conf reads as part of a word");
            }
            position++;
        }
        return new Token(Token.Type.WORD, text.substring(start, position), line);
    }

    private boolean endsBareWord(int at) {
        final char c = text.charAt(at);

        return Character.isWhitespace(c) || SYMBOLS.indexOf(c) >= 0 || c == '"' || c == '#'
            || startsBlockComment(at);
    }

    private boolean startsBlockComment(int at) {
        return text.startsWith("/*", at);
    }

    private void skipTrivia() {
        while (position < text.length()) {
            final char c = text.charAt(position);
            if (c == '\n') {
                line++;
                position++;
            } else if (Character.isWhitespace(c)) {
                position++;
            } else if (c == '#') {
                skipLineComment();
            } else if (startsBlockComment(position)) {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void skipLineComment() {
        while (position < text.length() && text.charAt(position) != '\n') {
            position++;
        }
    }

    private void skipBlockComment() {
        final int startLine = line;
        final int end = text.indexOf("*/", position + 2);

        if (end < 0) {
            throw new ConfException(new SourceLocation(file, startLine),
                "expected '*/' to close the comment opened at line " + startLine + " before end of file");
        }
        line += countNewlines(position, end);
        position = end + 2;
    }

    private int countNewlines(int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
