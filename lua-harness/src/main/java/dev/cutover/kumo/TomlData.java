package dev.cutover.kumo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Reads TOML into plain Java data in document order ({@code LinkedHashMap}, {@code List}, {@code String},
 * {@code Long}, {@code Double}, {@code Boolean}; dates and times become strings), as kumod's shaping and
 * {@code kumo.toml_*} functions keep order ({@code preserve_order}).
 */
final class TomlData {

    private TomlData() {
    }

    /**
     * @param text     TOML text
     * @param fileName name for error messages
     * @return the document as a map
     * @throws PolicyException with file and line of the first syntax error
     */
    static Map<String, Object> parse(String text, String fileName) {
        return table(checked(text, fileName));
    }

    /** A document and the line of each of its top-level keys ({@link #lines}). */
    record Located(Map<String, Object> values, Map<String, Integer> lines) {
    }

    /**
     * @return the document as {@link #parse} reads it, with the line of each top-level key (for a section, its
     *         header) and of each key of a {@code [provider.NAME]} section under {@code provider.NAME}, read in one
     *         pass
     * @throws PolicyException with file and line of the first syntax error
     */
    static Located parseLocated(String text, String fileName) {
        final TomlParseResult result = checked(text, fileName);
        return new Located(table(result), lines(result));
    }

    private static TomlParseResult checked(String text, String fileName) {
        final TomlParseResult result = Toml.parse(text);
        if (result.hasErrors()) {
            final TomlParseError error = result.errors().get(0);
            throw new PolicyException(fileName, error.position().line(), error.getMessage()
                    .replaceFirst(" \\(line \\d+, column \\d+\\)$", ""));
        }
        return result;
    }

    private static Map<String, Integer> lines(TomlParseResult result) {
        final Map<String, Integer> lines = new LinkedHashMap<>();
        for (String key : result.keySet()) {
            final var position = result.inputPositionOf(List.of(key));
            if (position != null) {
                lines.put(key, position.line());
            }
        }
        final Object providers = result.get(List.of("provider"));
        if (providers instanceof TomlTable) {
            for (String name : ((TomlTable) providers).keySet()) {
                final var position = result.inputPositionOf(List.of("provider", name));
                if (position != null) {
                    lines.put("provider." + name, position.line());
                }
            }
        }
        return lines;
    }

    private static Map<String, Object> table(TomlTable table) {
        final Map<String, Object> out = new LinkedHashMap<>();
        for (String key : table.keySet()) {
            out.put(key, value(table.get(List.of(key))));
        }
        return out;
    }

    private static Object value(Object v) {
        if (v instanceof TomlTable) {
            return table((TomlTable) v);
        }
        if (v instanceof TomlArray) {
            final TomlArray array = (TomlArray) v;
            final List<Object> out = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                out.add(value(array.get(i)));
            }
            return out;
        }
        if (v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) {
            return v;
        }
        return String.valueOf(v);
    }
}
