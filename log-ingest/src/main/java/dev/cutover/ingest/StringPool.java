package dev.cutover.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Shares one instance of each often-repeated field value (domains, binding names, MX IPs) among the
 * messages held open by the join, so a million open messages do not hold a million copies of
 * {@code gmail.com}. Outbound connection ids are pooled too: Momentum logs many attempts per connection.
 *
 * <p>The pool is a table of slots indexed by a hash of a few characters of the value, one value a slot: a value
 * whose slot holds an equal string gets that string back, any other takes the slot. Memory stays fixed, and a
 * lookup reads six characters and compares once. A slot's string and, when it was pooled from its bytes, their
 * UTF-8 lie side by side in one array, so a lookup reads one line of the table.
 */
final class StringPool {
    /** Slots of a pool for the join, which holds a million open messages' values at once. */
    static final int JOIN_SLOTS = 1 << 16;

    /** Per slot, at {@code 2 * slot} its string and at {@code 2 * slot + 1} that string's UTF-8 or null. */
    private final Object[] entries;
    private final int mask;

    /** A pool for the join: {@value #JOIN_SLOTS} slots. */
    StringPool() {
        this(JOIN_SLOTS);
    }

    /** @param slots the table's slots, a power of two: fewer keep the table in the processor's cache */
    StringPool(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("a string pool's slots are a power of two, not " + slots);
        }
        this.entries = new Object[2 * slots];
        this.mask = slots - 1;
    }

    String canonical(String value) {
        final int slot = 2 * slot(value, 0, value.length(), mask + 1);
        final Object known = entries[slot];
        if (value.equals(known)) {
            return (String) known;
        }
        entries[slot] = value;
        entries[slot + 1] = null;
        return value;
    }

    /**
     * The value whose UTF-8 is {@code utf8[offset, offset + length)}: a value met before is found without decoding
     * or allocating.
     */
    String canonical(byte[] utf8, int offset, int length) {
        final int slot = 2 * slot(utf8, offset, length, mask);
        final byte[] known = (byte[]) entries[slot + 1];
        if (known != null && Arrays.equals(known, 0, known.length, utf8, offset, offset + length)) {
            return (String) entries[slot];
        }
        final String value = new String(utf8, offset, length, StandardCharsets.UTF_8);
        entries[slot] = value;
        entries[slot + 1] = Arrays.copyOfRange(utf8, offset, offset + length);
        return value;
    }

    /** As {@link #slot(String, int, int, int)}, from the bytes of a value, in a table of {@code mask + 1} slots. */
    private static int slot(byte[] utf8, int offset, int length, int mask) {
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
        return (hash ^ hash >>> 16) & mask;
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
