package dev.cutover.ingest;

import java.util.Arrays;
import java.util.Locale;

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
    private static final int POOL_SLOTS = 1 << 10;

    private String text = "";
    private int[] separators = new int[INITIAL_SEPARATORS];
    private int count = 1;
    private final String[] values = new String[POOL_SLOTS];
    private final String[] domains = new String[POOL_SLOTS];
    private final String[] texts = new String[POOL_SLOTS];

    /** Finds the fields of {@code line}, forgetting those of the previous line. */
    public void index(String line) {
        int found = 0;
        final int length = line.length();
        for (int at = 0; at < length; at++) {
            if (line.charAt(at) == SEPARATOR) {
                if (found == separators.length) {
                    separators = Arrays.copyOf(separators, found * 2);
                }
                separators[found++] = at;
            }
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

    /**
     * A field whose values repeat from line to line (a binding, an IP address), without a new string each time:
     * the last string made for each value is kept in a small table, indexed by the value's length and six of its
     * characters, and a field equal to it returns it. Two values that share a slot take turns.
     *
     * @return {@code field}, equal to {@link #string}
     */
    public String pooled(int field) {
        return pooled(start(field), end(field), values, false);
    }

    /**
     * A domain field in lower case, pooled as {@link #pooled} pools other fields. Only domains logged in lower
     * case, as nearly all are, are pooled; any other is lowered afresh.
     */
    public String pooledDomain(int field) {
        return pooled(start(field), end(field), domains, true);
    }

    /**
     * @param lowerCase true to return the text in lower case, pooling it only when it is logged in lower case
     * @return the text in {@code [start, end)}, the string last made for an equal text in its slot of {@code pool}
     */
    private String pooled(int start, int end, String[] pool, boolean lowerCase) {
        final int slot = StringPool.slot(text, start, end, POOL_SLOTS);
        final String known = pool[slot];
        if (known != null && holds(start, end, known)) {
            return known;
        }
        final String value = text.substring(start, end);
        final String result = lowerCase ? value.toLowerCase(Locale.ROOT) : value;
        if (result.equals(value)) {
            pool[slot] = value;
        }
        return result;
    }

    /**
     * @return true when the text in {@code [start, end)} equals {@code value}; a plain loop, since for values this
     *         short it beats {@link String#startsWith(String, int)}
     */
    private boolean holds(int start, int end, String value) {
        if (value.length() != end - start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (text.charAt(i) != value.charAt(i - start)) {
                return false;
            }
        }
        return true;
    }

    /** @return {@code field} and every field after it, separators included */
    public String rest(int field) {
        return text.substring(start(field));
    }

    /**
     * {@link #rest} pooled as {@link #pooled} pools a field: a response text that a receiver gives message after
     * message ("421 4.7.0 Try again later") is then one string shared by every deferred attempt held open.
     */
    public String pooledRest(int field) {
        return pooled(start(field), text.length(), texts, false);
    }
}
