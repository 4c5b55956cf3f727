package dev.cutover.kumo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * Writes Lua data as TOML for {@code kumo.serde.toml_encode}, {@code toml_encode_pretty} and
 * {@code toml_encode_pretty_compact} (docs.kumomta.com reference/kumo.serde; {@code crates/mod-serde/src/lib.rs},
 * which hands the value to the Rust {@code toml} crate). The layout is that crate's: a table's plain values first,
 * then its sub-tables as {@code [a.b]} sections and its arrays of tables as {@code [[a.b]]} sections, a blank line
 * before each section, and inline {@code [1, 2]} arrays and {@code { k = v }} tables inside arrays. A table with
 * only sections under it gets no header of its own; an empty one does ({@code [a]}), except in the compact form,
 * which writes it inline as {@code a = {}}. The pretty forms put each array element on its own line.
 *
 * <p>Keys come sorted at every level: kumod writes them in the order Lua's table walk gives, which changes from
 * run to run, and a replay must not. A table whose keys are exactly 1..n is an array; an empty table is a table.
 * Strings holding a quote or backslash and no apostrophe or control character are written as literal strings,
 * others as basic strings with escapes. Functions and other values TOML cannot hold fail, naming the key.
 */
final class TomlText {
    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private final String function;
    private final boolean pretty;
    private final boolean compact;
    private final StringBuilder out = new StringBuilder();
    /** The tables being written: one met again holds itself, which TOML cannot. */
    private final Set<LuaValue> open = Collections.newSetFromMap(new IdentityHashMap<>());

    private TomlText(String function, boolean pretty, boolean compact) {
        this.function = function;
        this.pretty = pretty;
        this.compact = compact;
    }

    /**
     * @param function the Lua function being run, for its errors
     * @param pretty   arrays one element a line
     * @param compact  (with pretty) empty tables written inline
     * @return {@code value}, a table of keys, as TOML text
     */
    static String encode(LuaValue value, String function, boolean pretty, boolean compact) {
        if (!value.istable() || LuaData.isSequence((LuaTable) value)) {
            throw new LuaError(function + ": TOML text is a table of keys at the top, not " + (value.istable()
                    ? "an array" : "a " + value.typename()));
        }
        final TomlText text = new TomlText(function, pretty, compact);
        text.section((LuaTable) value, List.of(), false);
        return text.out.toString();
    }

    private void enter(LuaValue table) {
        if (!open.add(table)) {
            throw new LuaError(function + ": recursive table detected: a table that holds itself cannot be encoded");
        }
    }

    private void section(LuaTable table, List<String> path, boolean arrayElement) {
        enter(table);
        final Map<String, LuaValue> entries = LuaData.entries(table);
        final List<Map.Entry<String, LuaValue>> values = new ArrayList<>();
        final List<Map.Entry<String, LuaValue>> sections = new ArrayList<>();
        for (Map.Entry<String, LuaValue> e : entries.entrySet()) {
            (isSection(e.getValue()) ? sections : values).add(e);
        }
        if (!path.isEmpty() && (arrayElement || !values.isEmpty() || sections.isEmpty())) {
            out.append(out.length() == 0 ? "" : "\n").append(arrayElement ? "[[" : "[").append(dotted(path))
                    .append(arrayElement ? "]]" : "]").append('\n');
        }
        for (Map.Entry<String, LuaValue> e : values) {
            out.append(key(e.getKey())).append(" = ");
            inline(e.getValue(), e.getKey(), 0);
            out.append('\n');
        }
        for (Map.Entry<String, LuaValue> e : sections) {
            final List<String> under = new ArrayList<>(path);
            under.add(e.getKey());
            final LuaTable child = (LuaTable) e.getValue();
            if (LuaData.isSequence(child)) {
                LuaData.sequence(child).forEach(element -> section((LuaTable) element, under, true));
            } else {
                section(child, under, false);
            }
        }
        open.remove(table);
    }

    /** @return true when {@code value} is written as a section: a table, or a non-empty array of only tables */
    private boolean isSection(LuaValue value) {
        if (!value.istable()) {
            return false;
        }
        final LuaTable table = (LuaTable) value;
        if (!LuaData.isSequence(table)) {
            return !(compact && LuaData.keyCount(table) == 0);
        }
        return LuaData.sequence(table).stream().allMatch(v -> v.istable() && !LuaData.isSequence((LuaTable) v)
                && LuaData.keyCount((LuaTable) v) > 0);
    }

    private void inline(LuaValue value, String key, int depth) {
        switch (value.type()) {
            case LuaValue.TBOOLEAN:
                out.append(value.toboolean());
                return;
            case LuaValue.TNUMBER:
                out.append(number(value.todouble()));
                return;
            case LuaValue.TSTRING:
                string(value.tojstring());
                return;
            case LuaValue.TTABLE:
                table((LuaTable) value, key, depth);
                return;
            default:
                throw new LuaError(function + ": the " + value.typename() + " at key " + key
                        + " cannot be written as TOML");
        }
    }

    private void table(LuaTable table, String key, int depth) {
        enter(table);
        inlineTable(table, key, depth);
        open.remove(table);
    }

    private void inlineTable(LuaTable table, String key, int depth) {
        if (!LuaData.isSequence(table)) {
            final Map<String, LuaValue> entries = LuaData.entries(table);
            if (entries.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{ ");
            int written = 0;
            for (Map.Entry<String, LuaValue> e : entries.entrySet()) {
                out.append(written++ > 0 ? ", " : "").append(key(e.getKey())).append(" = ");
                inline(e.getValue(), e.getKey(), depth + 1);
            }
            out.append(" }");
            return;
        }
        final List<LuaValue> elements = LuaData.sequence(table);
        out.append('[');
        for (int i = 0; i < elements.size(); i++) {
            out.append(pretty ? "\n" + "    ".repeat(depth + 1) : i > 0 ? ", " : "");
            inline(elements.get(i), key + "[" + (i + 1) + "]", depth + 1);
            out.append(pretty ? "," : "");
        }
        out.append(pretty ? "\n" + "    ".repeat(depth) : "").append(']');
    }

    private static String number(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            return Long.toString((long) d);
        }
        final String plain = new BigDecimal(Double.toString(d)).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private static String key(String key) {
        if (BARE_KEY.matcher(key).matches()) {
            return key;
        }
        final StringBuilder quoted = new StringBuilder();
        basic(quoted, key);
        return quoted.toString();
    }

    private static String dotted(List<String> path) {
        return String.join(".", path.stream().map(TomlText::key).toList());
    }

    private void string(String text) {
        final boolean control = text.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f);
        if (!control && text.indexOf('\'') < 0 && (text.indexOf('"') >= 0 || text.indexOf('\\') >= 0)) {
            out.append('\'').append(text).append('\'');
            return;
        }
        basic(out, text);
    }

    private static void basic(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04X", (int) c) : String.valueOf(c));
            }
        }
        out.append('"');
    }
}
