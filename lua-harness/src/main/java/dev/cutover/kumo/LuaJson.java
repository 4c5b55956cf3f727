package dev.cutover.kumo;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * JSON for {@code kumo.json_parse}, {@code kumo.json_encode} and friends ({@code crates/mod-serde}).
 *
 * <p>Parsing strips {@code //} and {@code /* *}{@code /} comments first, as kumod does; {@code null}
 * becomes nil, so a null member is an absent key. Encoding follows serde_json: a sequence table is an array,
 * any other table (including an empty one) an object, integral numbers print without a fraction. Object
 * keys are written sorted, so output is stable across runs.
 */
final class LuaJson {

    private LuaJson() {
    }

    /**
     * @param text JSON, possibly with comments
     * @return the value as Lua data
     * @throws IllegalArgumentException naming line and column of a syntax error
     */
    static LuaValue parse(String text) {
        return new JsonReader(stripComments(text)).readDocument();
    }

    /** @return {@code text} with JavaScript-style comments outside strings replaced by spaces. */
    static String stripComments(String text) {
        final StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            final char c = text.charAt(i);
            if (c == '"') {
                final int end = stringEnd(text, i);
                out.append(text, i, end);
                i = end;
            } else if (text.startsWith("//", i)) {
                final int newline = text.indexOf('\n', i);
                i = newline < 0 ? text.length() : newline;
            } else if (text.startsWith("/*", i)) {
                final int close = text.indexOf("*/", i + 2);
                final int end = close < 0 ? text.length() : close + 2;
                text.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int stringEnd(String text, int start) {
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != '"') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, text.length());
    }

    /**
     * @param value  Lua data
     * @param pretty two-space indentation as serde_json's pretty printer, else compact
     * @return JSON text
     */
    static String encode(LuaValue value, boolean pretty) {
        return encode(value, pretty, null);
    }

    /**
     * @param strict the function encoding for a policy ({@code json_encode}), which refuses as kumod's does what JSON
     *               cannot hold: a function, coroutine or userdata, and a table key that is neither a string nor a
     *               number; null to write such values as their text (for recording stub calls)
     * @throws LuaError for a table that holds itself, and in strict mode for what kumod refuses
     */
    static String encode(LuaValue value, boolean pretty, String strict) {
        final StringBuilder out = new StringBuilder();
        write(out, value, pretty ? 0 : -1, new Writing(Collections.newSetFromMap(new IdentityHashMap<>()), strict));
        return out.toString();
    }

    /**
     * @param open   the tables being written, outermost first: one met again holds itself, which JSON cannot
     * @param strict as for {@link #encode(LuaValue, boolean, String)}
     */
    private record Writing(Set<LuaValue> open, String strict) {
    }

    private static void write(StringBuilder out, LuaValue value, int indent, Writing writing) {
        switch (value.type()) {
            case LuaValue.TNIL:
                out.append("null");
                break;
            case LuaValue.TBOOLEAN:
                out.append(value.toboolean());
                break;
            case LuaValue.TNUMBER:
                out.append(number(value));
                break;
            case LuaValue.TSTRING:
                quote(out, value.tojstring());
                break;
            case LuaValue.TTABLE:
                if (!writing.open().add(value)) {
                    throw new LuaError("recursive table detected: a table that holds itself cannot be encoded");
                }
                writeTable(out, (LuaTable) value, indent, writing);
                writing.open().remove(value);
                break;
            default:
                if (writing.strict() != null) {
                    throw new LuaError(writing.strict() + ": cannot encode a " + value.typename() + " as JSON");
                }
                quote(out, value.tojstring());
        }
    }

    /** In strict mode, refuses a key of {@code table} that JSON cannot name. */
    private static void checkKeys(LuaTable table, String strict) {
        LuaValue key = LuaValue.NIL;
        while (!(key = table.next(key).arg1()).isnil()) {
            if (key.type() != LuaValue.TSTRING && key.type() != LuaValue.TNUMBER) {
                throw new LuaError(strict + ": cannot encode a table key that is a " + key.typename() + " as JSON");
            }
        }
    }

    private static String number(LuaValue value) {
        final double d = value.todouble();
        if (LuaData.isIntegral(value) && Math.abs(d) < 9.007199254740992E15) {
            return Long.toString((long) d);
        }
        return Double.isFinite(d) ? Double.toString(d) : "null";
    }

    private static void writeTable(StringBuilder out, LuaTable table, int indent, Writing writing) {
        if (writing.strict() != null) {
            checkKeys(table, writing.strict());
        }
        final boolean array = LuaData.isSequence(table);
        final Map<String, LuaValue> entries = LuaData.entries(table);
        if (entries.isEmpty()) {
            out.append(array ? "[]" : "{}");
            return;
        }
        out.append(array ? '[' : '{');
        int written = 0;
        for (Map.Entry<String, LuaValue> e : array ? indexed(table) : entries.entrySet()) {
            out.append(written++ > 0 ? "," : "");
            newline(out, indent < 0 ? -1 : indent + 1);
            if (!array) {
                quote(out, e.getKey());
                out.append(indent >= 0 ? ": " : ":");
            }
            write(out, e.getValue(), indent < 0 ? -1 : indent + 1, writing);
        }
        newline(out, indent);
        out.append(array ? ']' : '}');
    }

    private static Iterable<Map.Entry<String, LuaValue>> indexed(LuaTable table) {
        final java.util.List<Map.Entry<String, LuaValue>> out = new java.util.ArrayList<>();
        for (LuaValue v : LuaData.sequence(table)) {
            out.add(Map.entry(Integer.toString(out.size() + 1), v));
        }
        return out;
    }

    private static void newline(StringBuilder out, int indent) {
        if (indent >= 0) {
            out.append('\n').append("  ".repeat(indent));
        }
    }

    /** Appends {@code s} as a JSON string literal. */
    static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
