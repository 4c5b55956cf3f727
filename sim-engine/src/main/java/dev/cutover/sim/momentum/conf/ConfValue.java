package dev.cutover.sim.momentum.conf;

import java.util.List;
import java.util.Map;

/**
 * The right-hand side of an {@code option = value} assignment in ecelerity.conf.
 *
 * <p>Three shapes exist (support.sparkpost.com/momentum/4/conf-overview): a single bare or
 * double-quoted value ({@code 1200}, {@code "600/60"}); a list in parentheses whose items are
 * separated by whitespace and/or commas ({@code ( 127.0.0.0/8 10.10.10.0/24 )}); and a dictionary
 * in square brackets ({@code [ uri = "smtp/mx.example.com" ]}).
 */
public sealed interface ConfValue permits ConfValue.Scalar, ConfValue.ListValue, ConfValue.DictValue {

    /**
     * A single value.
     *
     * @param text   the value without quotes
     * @param quoted whether it was written in double quotes
     */
    record Scalar(String text, boolean quoted) implements ConfValue {
        @Override
        public String toString() {
            return quoted ? "\"" + text + "\"" : text;
        }
    }

    /**
     * A parenthesised list.
     *
     * @param items the items in file order
     */
    record ListValue(List<ConfValue> items) implements ConfValue {
        public ListValue {
            items = List.copyOf(items);
        }

        /** @return the list as ecelerity.conf writes it, {@code ( 10 100 )} */
        @Override
        public String toString() {
            final StringBuilder text = new StringBuilder("(");
            items.forEach(item -> text.append(' ').append(item));
            return text.append(" )").toString();
        }
    }

    /**
     * A bracketed dictionary; keys are kept as written, in file order.
     *
     * @param entries the key/value pairs
     */
    record DictValue(Map<String, ConfValue> entries) implements ConfValue {
        public DictValue {
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        }

        /** @return the dictionary as ecelerity.conf writes it, {@code [ key = value ]} */
        @Override
        public String toString() {
            final StringBuilder text = new StringBuilder("[");
            entries.forEach((key, value) -> text.append(' ').append(key).append(" = ").append(value));
            return text.append(" ]").toString();
        }
    }
}
