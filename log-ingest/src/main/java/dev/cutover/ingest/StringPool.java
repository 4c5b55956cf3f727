package dev.cutover.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Shares one instance of each often-repeated field value (domains, binding names, MX IPs) among the
 * messages held open by the join, so a million open messages do not hold a million copies of
 * {@code gmail.com}. Outbound connection ids are pooled too: Momentum logs many attempts per connection.
 *
 * <p>The pool is a table of {@value #SLOTS} slots indexed by a hash of a few characters of the value, one value a
 * slot: a value whose slot holds an equal string gets that string back, any other takes the slot. Memory stays
 * fixed, and a lookup reads six characters and compares once.
 */
final class StringPool {
    private static final int SLOTS = 1 << 16;

    private final String[] values = new String[SLOTS];
    /** The UTF-8 of the value in each slot, when it was pooled from its bytes. */
    private final byte[][] encodings = new byte[SLOTS][];

    String canonical(String value) {
        final int slot = slot(value, 0, value.length(), SLOTS);
        final String known = values[slot];
        if (value.equals(known)) {
            return known;
        }
        values[slot] = value;
        encodings[slot] = null;
        return value;
    }

    /**
     * The value whose UTF-8 is {@code utf8[offset, offset + length)}: a value met before is found without decoding
     * or allocating.
     */
    String canonical(byte[] utf8, int offset, int length) {
        final int slot = slot(utf8, offset, length);
        final byte[] known = encodings[slot];
        if (known != null && Arrays.equals(known, 0, known.length, utf8, offset, offset + length)) {
            return values[slot];
        }
        final String value = new String(utf8, offset, length, StandardCharsets.UTF_8);
        values[slot] = value;
        encodings[slot] = Arrays.copyOfRange(utf8, offset, offset + length);
        return value;
    }

    /** As {@link #slot(String, int, int, int)}, from the bytes of a value, in this pool's table. */
    private static int slot(byte[] utf8, int offset, int length) {
        final int end = offset + length;
        int hash = length;
        if (length < 6) {
            for (int i = offset; i < end; i++) {
                hash = 31 * hash + utf8[i];
            }
        } else {
            hash = 31 * hash + utf8[offset];
            hash = 31 * hash + utf8[offset + 1];
            hash = 31 * hash + utf8[end - 4];
            hash = 31 * hash + utf8[end - 3];
            hash = 31 * hash + utf8[end - 2];
            hash = 31 * hash + utf8[end - 1];
        }
        return (hash ^ hash >>> 16) & (SLOTS - 1);
    }

    /**
     * The slot of the text in {@code [start, end)} in a table of {@code slots} slots (a power of two), from a hash
     * of its length and six characters, the first two and the last four, which is where pooled values differ:
     * domains and bindings at either end, connection ids and IP addresses at the end. It costs the same for any
     * length, where {@link String#hashCode} reads every character of every fresh string. The parser's pools
     * ({@link LineFields}) and the store's encoder pick slots the same way.
     */
    static int slot(String text, int start, int end, int slots) {
        final int length = end - start;
        int hash = length;
        if (length < 6) {
            for (int i = start; i < end; i++) {
                hash = 31 * hash + text.charAt(i);
            }
        } else {
            hash = 31 * hash + text.charAt(start);
            hash = 31 * hash + text.charAt(start + 1);
            hash = 31 * hash + text.charAt(end - 4);
            hash = 31 * hash + text.charAt(end - 3);
            hash = 31 * hash + text.charAt(end - 2);
            hash = 31 * hash + text.charAt(end - 1);
        }
        return (hash ^ hash >>> 16) & (slots - 1);
    }
}
