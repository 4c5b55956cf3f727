package dev.cutover.sim.momentum.conf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recursive-descent reader for the tokens of one file: options, stanzas, lists, dictionaries, and
 * include statements, which it hands to an {@link Includer}.
 *
 * <p>Grammar, from support.sparkpost.com/momentum/4/conf-overview:
 * <pre>
 *   body    := { entry }
 *   entry   := word '=' value | word [name] '{' body '}' | ('include' | 'readonly_include') name
 *   value   := word | string | '(' { value [','] } ')' | '[' { name '=' value [','] } ']'
 * </pre>
 * Several entries may share a line. Keywords are matched case-insensitively.
 */
final class StanzaBodyParser {

    /** Receives include statements met while reading a body. */
    interface Includer {
        void include(String writtenPath, SourceLocation where, ConfStanza into);
    }

    private final TokenCursor cursor;
    private final Includer includer;

    StanzaBodyParser(TokenCursor cursor, Includer includer) {
        this.cursor = cursor;
        this.includer = includer;
    }

    /**
     * Reads the whole file into {@code into}.
     *
     * @throws ConfException at the first syntax error
     */
    void parseFile(ConfStanza into) {
        parseBody(into, null);
    }

    private void parseBody(ConfStanza into, ConfStanza open) {
        while (true) {
            final Token token = cursor.next();
            if (token.is(Token.Type.CLOSE_BRACE) || token.is(Token.Type.END_OF_FILE)) {
                checkClosing(token, open);
                return;
            }
            if (!token.is(Token.Type.WORD)) {
                throw error(token, "expected an option name, a stanza or '}' but found " + token.describe());
            }
            parseEntry(token, into);
        }
    }

    private void checkClosing(Token token, ConfStanza open) {
        if (open == null && token.is(Token.Type.CLOSE_BRACE)) {
            throw error(token, "found '}' with no stanza open; expected an option, a stanza or end of file");
        }
        if (open != null && token.is(Token.Type.END_OF_FILE)) {
            throw error(token, "expected '}' to close " + open.describe() + " opened at line "
                + open.location().line());
        }
    }

    private void parseEntry(Token word, ConfStanza into) {
        final Token next = cursor.peek(0);
        final Token afterNext = cursor.peek(1);

        if (isInclude(word) && next.isName() && !afterNext.is(Token.Type.EQUALS)
            && !afterNext.is(Token.Type.OPEN_BRACE)) {
            cursor.next();
            includer.include(next.text(), cursor.locationOf(word), into);
        } else if (next.is(Token.Type.EQUALS)) {
            cursor.next();
            into.add(option(word));
        } else if (next.is(Token.Type.OPEN_BRACE)) {
            cursor.next();
            into.add(stanza(word, null));
        } else if (next.isName() && afterNext.is(Token.Type.OPEN_BRACE)) {
            cursor.next();
            cursor.next();
            into.add(stanza(word, next.text()));
        } else {
            throw error(next, "expected '=' or '{' after '" + word.text() + "' but found " + next.describe());
        }
    }

    private static boolean isInclude(Token word) {
        final String keyword = word.text().toLowerCase(Locale.ROOT);

        return keyword.equals("include") || keyword.equals("readonly_include");
    }

    private ConfOption option(Token word) {
        final SourceLocation valueLocation = cursor.locationOf(cursor.peek(0));
        final ConfValue value = value("a value for '" + word.text() + "'");

        return ConfOption.of(word.text(), value, valueLocation);
    }

    private ConfStanza stanza(Token word, String name) {
        final ConfStanza stanza = new ConfStanza(word.text(), name, cursor.locationOf(word));

        parseBody(stanza, stanza);
        return stanza;
    }

    private ConfValue value(String expected) {
        final Token token = cursor.next();

        return switch (token.type()) {
            case WORD -> new ConfValue.Scalar(token.text(), false);
            case STRING -> new ConfValue.Scalar(token.text(), true);
            case OPEN_PAREN -> list(token);
            case OPEN_BRACKET -> dictionary(token);
            default -> throw error(token, "expected " + expected + " but found " + token.describe());
        };
    }

    private ConfValue list(Token open) {
        final List<ConfValue> items = new ArrayList<>();

        while (!cursor.peek(0).is(Token.Type.CLOSE_PAREN)) {
            requireNotEnd(open, "')' to close the list");
            if (cursor.peek(0).is(Token.Type.COMMA)) {
                cursor.next();
            } else {
                items.add(value("a list item or ')'"));
            }
        }
        cursor.next();
        return new ConfValue.ListValue(items);
    }

    private ConfValue dictionary(Token open) {
        final Map<String, ConfValue> entries = new LinkedHashMap<>();

        while (!cursor.peek(0).is(Token.Type.CLOSE_BRACKET)) {
            requireNotEnd(open, "']' to close the dictionary");
            final Token key = cursor.next();
            if (!key.is(Token.Type.COMMA)) {
                entries.put(dictionaryKey(key), value("a value for '" + key.text() + "'"));
            }
        }
        cursor.next();
        return new ConfValue.DictValue(entries);
    }

    private String dictionaryKey(Token key) {
        final Token equals = cursor.next();

        if (!key.isName()) {
            throw error(key, "expected a key or ']' but found " + key.describe());
        }
        if (!equals.is(Token.Type.EQUALS)) {
            throw error(equals, "expected '=' after key '" + key.text() + "' but found " + equals.describe());
        }
        return key.text();
    }

    private void requireNotEnd(Token open, String expected) {
        final Token next = cursor.peek(0);

        if (next.is(Token.Type.END_OF_FILE)) {
            throw error(next, "expected " + expected + " opened at line " + open.line());
        }
    }

    private ConfException error(Token token, String problem) {
        return new ConfException(cursor.locationOf(token), problem);
    }
}
