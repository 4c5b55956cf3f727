package dev.cutover.ingest;

import java.util.Arrays;

/**
 * The {@code @}-separated fields of one mainlog line, found in one scan and read as index ranges, so a
 * field becomes a {@link String} only when the parsed line keeps it. One instance is reused line after line.
 *
 * <p>Example: for {@code 1717430400@@@@M} there are 5 fields; field 0 spans {@code [0, 10)}, fields 1 to 3
 * are empty and field 4 is {@code M}. As with {@link MainlogParser#split}, a trailing {@code @} ends in one
 * more, empty, field.
 */
public final class LineFields {
    private static final char SEPARATOR = '@';
    private static final int INITIAL_SEPARATORS = 32;

    private String text = "";
    private int[] separators = new int[INITIAL_SEPARATORS];
    private int count = 1;

    /** Finds the fields of {@code line}, forgetting those of the previous line. */
    public void index(String line) {
        int found = 0;
        for (int at = line.indexOf(SEPARATOR); at >= 0; at = line.indexOf(SEPARATOR, at + 1)) {
            if (found == separators.length) {
                separators = Arrays.copyOf(separators, found * 2);
            }
            separators[found++] = at;
        }

        text = line;
        count = found + 1;
    }

    /** @return the line last indexed */
    public String text() {
        return text;
    }

    /** @return the number of fields, at least 1 */
    public int count() {
        return count;
    }

    /** @return the index of the first character of {@code field}, 0 &le; field &lt; {@link #count()} */
    public int start(int field) {
        return field == 0 ? 0 : separators[field - 1] + 1;
    }

    /** @return the index just past the last character of {@code field} */
    public int end(int field) {
        return field == count - 1 ? text.length() : separators[field];
    }

    public boolean isEmpty(int field) {
        return start(field) == end(field);
    }

    /** @return true when {@code field} holds exactly {@code value} */
    public boolean is(int field, String value) {
        final int start = start(field);
        return end(field) - start == value.length() && text.startsWith(value, start);
    }

    public String string(int field) {
        return text.substring(start(field), end(field));
    }

    /** @return {@code field} and every field after it, separators included */
    public String rest(int field) {
        return text.substring(start(field));
    }
}
