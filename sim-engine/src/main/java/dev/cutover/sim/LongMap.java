package dev.cutover.sim;

/**
 * A map from long keys to values, for the timers a model looks up by the millions: open addressing with linear
 * probing in two arrays, so a lookup neither boxes its key nor follows a node. Null values are not kept.
 *
 * @param <V> the values
 */
public final class LongMap<V> {
    private long[] keys = new long[16];
    private Object[] values = new Object[16];
    private int size;

    /** @return the value of {@code key}, or null */
    @SuppressWarnings("unchecked")
    public V get(long key) {
        final int mask = keys.length - 1;
        for (int i = slot(key, mask); values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return (V) values[i];
            }
        }
        return null;
    }

    /** Maps {@code key} to {@code value}, which must not be null. */
    public void put(long key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("a LongMap keeps no null value");
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        final int mask = keys.length - 1;
        int i = slot(key, mask);
        while (values[i] != null) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    /** @return the value {@code key} had, now removed, or null */
    @SuppressWarnings("unchecked")
    public V remove(long key) {
        final int mask = keys.length - 1;
        int i = slot(key, mask);
        while (values[i] != null && keys[i] != key) {
            i = (i + 1) & mask;
        }
        final Object removed = values[i];
        if (removed == null) {
            return null;
        }
        size--;
        // Moves back every later entry of the probe run that may no longer be found past the hole.
        int hole = i;
        for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            final int home = slot(keys[j], mask);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        values[hole] = null;
        return (V) removed;
    }

    /** @return the number of keys mapped */
    public int size() {
        return size;
    }

    private void grow() {
        final long[] oldKeys = keys;
        final Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        final int mask = keys.length - 1;
        for (int k = 0; k < oldKeys.length; k++) {
            if (oldValues[k] != null) {
                int i = slot(oldKeys[k], mask);
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[k];
                values[i] = oldValues[k];
            }
        }
    }

    private static int slot(long key, int mask) {
        final long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ mixed >>> 32) & mask;
    }
}
