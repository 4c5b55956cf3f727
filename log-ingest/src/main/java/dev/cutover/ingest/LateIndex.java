package dev.cutover.ingest;

import java.util.Arrays;

/**
 * Where each straggler of the late queue is, in reception order: three parallel arrays of primitives (reception
 * time, join sequence, queue index) sorted together by (reception time, sequence). A replay of a long log may hold
 * millions of stragglers, and an object per straggler would take about twice the memory.
 */
final class LateIndex {
    private long[] receptions = new long[16];
    private long[] sequences = new long[16];
    private long[] indexes = new long[16];
    private int size;

    void add(long receptionMicros, long sequence, long index) {
        if (size == receptions.length) {
            final int grown = Math.max(16, size + (size >> 1));
            receptions = Arrays.copyOf(receptions, grown);
            sequences = Arrays.copyOf(sequences, grown);
            indexes = Arrays.copyOf(indexes, grown);
        }
        receptions[size] = receptionMicros;
        sequences[size] = sequence;
        indexes[size] = index;
        size++;
    }

    /** Sorts the entries by (reception time, sequence); a stable merge sort of a permutation, then one reorder. */
    void sort() {
        int[] order = new int[size];
        int[] spare = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int width = 1; width < size; width *= 2) {
            for (int low = 0; low < size; low += 2 * width) {
                merge(order, spare, low, Math.min(low + width, size), Math.min(low + 2 * width, size));
            }
            final int[] swap = order;
            order = spare;
            spare = swap;
        }
        receptions = reorder(receptions, order);
        sequences = reorder(sequences, order);
        indexes = reorder(indexes, order);
    }

    private void merge(int[] from, int[] to, int low, int middle, int high) {
        int left = low;
        int right = middle;
        for (int i = low; i < high; i++) {
            if (left < middle && (right >= high || !before(from[right], from[left]))) {
                to[i] = from[left++];
            } else {
                to[i] = from[right++];
            }
        }
    }

    private boolean before(int a, int b) {
        return receptions[a] < receptions[b] || receptions[a] == receptions[b] && sequences[a] < sequences[b];
    }

    private long[] reorder(long[] values, int[] order) {
        final long[] sorted = new long[size];
        for (int i = 0; i < size; i++) {
            sorted[i] = values[order[i]];
        }
        return sorted;
    }

    int size() {
        return size;
    }

    long receptionMicros(int i) {
        return receptions[i];
    }

    long sequence(int i) {
        return sequences[i];
    }

    long index(int i) {
        return indexes[i];
    }
}
