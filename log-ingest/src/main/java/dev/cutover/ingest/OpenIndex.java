package dev.cutover.ingest;

import java.util.Arrays;

/**
 * The open messages of one node by message id: a hash table with open addressing and linear probing, in place of a
 * {@code HashMap}, because the join looks up, adds and removes an entry for every line it reads. Keys, values and
 * key hashes sit in three arrays, so a probe reads the dense hash array and touches a key only when its hash
 * matches, and no entry object is made per message. A removal shifts the entries after it back into the gap
 * (Knuth, The Art of Computer Programming vol. 3, 6.4, algorithm R), so the table never fills with tombstones.
 *
 * <p>The table doubles when it is half full and never shrinks: its size follows the most messages ever open at
 * once, as a {@code HashMap} does.
 *
 * @param <V> the value type
 */
final class OpenIndex<V> {
    private static final int INITIAL_CAPACITY = 64;

    private String[] keys = new String[INITIAL_CAPACITY];
    private Object[] values = new Object[INITIAL_CAPACITY];
    private int[] hashes = new int[INITIAL_CAPACITY];
    private int size;

    /** @return the value for {@code key}, or null */
    @SuppressWarnings("unchecked")
    V get(String key) {
        final int at = find(key);
        return at < 0 ? null : (V) values[at];
    }

    boolean containsKey(String key) {
        return find(key) >= 0;
    }

    /** Adds or replaces the value for {@code key}. */
    void put(String key, V value) {
        store(key, value, true);
    }

    /** @return true when {@code key} was absent and now has {@code value}; false, changing nothing, when present */
    boolean putIfAbsent(String key, V value) {
        return store(key, value, false);
    }

    private boolean store(String key, V value, boolean replace) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        final int hash = spread(key.hashCode());
        final int mask = keys.length - 1;
        int at = hash & mask;
        while (keys[at] != null) {
            if (hashes[at] == hash && keys[at].equals(key)) {
                if (replace) {
                    values[at] = value;
                }
                return false;
            }
            at = (at + 1) & mask;
        }
        keys[at] = key;
        values[at] = value;
        hashes[at] = hash;
        size++;
        return true;
    }

    /** Removes {@code key} and its value, when present. */
    void remove(String key) {
        int gap = find(key);
        if (gap < 0) {
            return;
        }
        final int mask = keys.length - 1;
        int at = gap;
        while (true) {
            at = (at + 1) & mask;
            if (keys[at] == null) {
                break;
            }
            final int home = hashes[at] & mask;
            final boolean homeOutsideGapToHere = gap <= at ? home <= gap || home > at : home <= gap && home > at;
            if (homeOutsideGapToHere) {
                keys[gap] = keys[at];
                values[gap] = values[at];
                hashes[gap] = hashes[at];
                gap = at;
            }
        }
        keys[gap] = null;
        values[gap] = null;
        size--;
    }

    int size() {
        return size;
    }

    private int find(String key) {
        final int hash = spread(key.hashCode());
        final int mask = keys.length - 1;
        int at = hash & mask;
        String candidate = keys[at];
        while (candidate != null) {
            if (hashes[at] == hash && candidate.equals(key)) {
                return at;
            }
            at = (at + 1) & mask;
            candidate = keys[at];
        }
        return -1;
    }

    private void grow() {
        final String[] oldKeys = keys;
        final Object[] oldValues = values;
        final int capacity = oldKeys.length * 2;
        keys = new String[capacity];
        values = new Object[capacity];
        hashes = new int[capacity];
        final int mask = capacity - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                final int hash = spread(oldKeys[i].hashCode());
                int at = hash & mask;
                while (keys[at] != null) {
                    at = (at + 1) & mask;
                }
                keys[at] = oldKeys[i];
                values[at] = oldValues[i];
                hashes[at] = hash;
            }
        }
        Arrays.fill(oldValues, null);
    }

    /** Mixes the high bits into the low ones, which pick the slot: message ids often differ only at the end. */
    private static int spread(int hash) {
        final int mixed = hash * 0x9E3779B9;
        return mixed ^ mixed >>> 16;
    }
}
