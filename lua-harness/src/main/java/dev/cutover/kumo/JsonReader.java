package dev.cutover.kumo;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/** A small recursive-descent JSON reader producing Lua values; used by {@link LuaJson}. */
final class JsonReader {

    private final String text;
    private int pos;

    JsonReader(String text) {
        this.text = text;
    }

    LuaValue readDocument() {
        final LuaValue value = readValue();
        skipSpace();
        if (pos < text.length()) {
            throw error("trailing characters");
        }
        return value;
    }

    private LuaValue readValue() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("EOF while parsing a value");
        }
        final char c = text.charAt(pos);
        switch (c) {
            case '{': return readObject();
            case '[': return readArray();
            case '"': return LuaValue.valueOf(readString());
            case 't': return literal("true", LuaValue.TRUE);
            case 'f': return literal("false", LuaValue.FALSE);
            case 'n': return literal("null", LuaValue.NIL);
            default: return readNumber();
        }
    }

    private LuaValue readObject() {
        final LuaTable table = new LuaTable();
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            return table;
        }
        do {
            skipSpace();
            if (peek() != '"') {
                throw error("key must be a string");
            }
            final String key = readString();
            skipSpace();
            expect(':');
            table.set(key, readValue());
            skipSpace();
        } while (consume(','));
        expect('}');
        return table;
    }

    private LuaValue readArray() {
        final LuaTable table = new LuaTable();
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            return table;
        }
        int index = 1;
        do {
            table.set(index++, readValue());
            skipSpace();
        } while (consume(','));
        expect(']');
        return table;
    }

    private String readString() {
        final StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length() && text.charAt(pos) != '"') {
            final char c = text.charAt(pos++);
            out.append(c == '\\' ? escape() : c);
        }
        expect('"');
        return out.toString();
    }

    private char escape() {
        final char c = text.charAt(pos++);
        switch (c) {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'u':
                pos += 4;
                return (char) Integer.parseInt(text.substring(pos - 4, pos), 16);
            default: return c;
        }
    }

    private LuaValue readNumber() {
        final int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        final String number = text.substring(start, pos);
        try {
            return LuaValue.valueOf(Double.parseDouble(number));
        } catch (NumberFormatException e) {
            throw error("expected value");
        }
    }

    private LuaValue literal(String word, LuaValue value) {
        if (!text.startsWith(word, pos)) {
            throw error("expected value");
        }
        pos += word.length();
        return value;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private boolean consume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw error("expected `" + c + "`");
        }
    }

    private IllegalArgumentException error(String what) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            line += text.charAt(i) == '\n' ? 1 : 0;
            column = text.charAt(i) == '\n' ? 1 : column + 1;
        }
        return new IllegalArgumentException(what + " at line " + line + " column " + column);
    }
}
