package dev.cutover.cli.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A small JSON writer with stable output: two-space indentation, fields in the order written, numbers with at
 * most three decimals and no exponent, so the same report always has the same bytes.
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    private final java.util.ArrayDeque<boolean[]> open = new java.util.ArrayDeque<>();
    private boolean afterName;

    public JsonWriter beginObject() {
        return begin('{');
    }

    public JsonWriter endObject() {
        return end('}');
    }

    public JsonWriter beginArray() {
        return begin('[');
    }

    public JsonWriter endArray() {
        return end(']');
    }

    /** Starts a field of the current object; follow it with a value or a begin call. */
    public JsonWriter name(String name) {
        item();
        string(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    public JsonWriter value(String value) {
        prefix();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    public JsonWriter value(Number value) {
        prefix();
        out.append(value == null ? "null" : number(value));
        return this;
    }

    public JsonWriter value(boolean value) {
        prefix();
        out.append(value);
        return this;
    }

    public JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    public JsonWriter field(String name, Number value) {
        return name(name).value(value);
    }

    public JsonWriter field(String name, boolean value) {
        return name(name).value(value);
    }

    @Override
    public String toString() {
        return out + "\n";
    }

    private JsonWriter begin(char bracket) {
        prefix();
        out.append(bracket);
        open.push(new boolean[1]);
        return this;
    }

    private JsonWriter end(char bracket) {
        final boolean hadItems = open.pop()[0];
        if (hadItems) {
            newline();
        }
        out.append(bracket);
        return this;
    }

    private void prefix() {
        if (afterName) {
            afterName = false;
        } else if (!open.isEmpty()) {
            item();
        }
    }

    private void item() {
        final boolean[] hasItems = open.peek();
        if (hasItems[0]) {
            out.append(',');
        }
        hasItems[0] = true;
        newline();
    }

    private void newline() {
        out.append('\n').append("  ".repeat(open.size()));
    }

    static String number(Number value) {
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        final double d = value.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "null";
        }
        final BigDecimal rounded = BigDecimal.valueOf(d).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            escape(text.charAt(i));
        }
        out.append('"');
    }

    private void escape(char c) {
        switch (c) {
            case '"':
                out.append("\\\"");
                break;
            case '\\':
                out.append("\\\\");
                break;
            case '\n':
                out.append("\\n");
                break;
            case '\r':
                out.append("\\r");
                break;
            case '\t':
                out.append("\\t");
                break;
            default:
                if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
        }
    }
}
