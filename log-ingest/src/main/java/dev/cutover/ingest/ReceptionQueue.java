package dev.cutover.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Elements in a total order, taken smallest first, for inputs that arrive almost sorted. An element no
 * smaller than the last one queued joins the end of a FIFO in constant time; only one that arrives after a
 * larger one goes to a heap. The head is the smaller of the two heads.
 *
 * <p>Example, ordered by (time, sequence): receptions at t=1, 2, 5 go to the FIFO; a reception stamped t=3
 * that arrives after them goes to the heap; the queue then yields 1, 2, 3, 5.
 *
 * @param <E> the element type; {@code order} must never call two distinct elements equal
 */
final class ReceptionQueue<E> {
    private final Comparator<E> order;
    private final ArrayDeque<E> inOrder = new ArrayDeque<>();
    private final PriorityQueue<E> late;

    ReceptionQueue(Comparator<E> order) {
        this.order = order;
        this.late = new PriorityQueue<>(order);
    }

    void add(E element) {
        final E last = inOrder.peekLast();
        if (last == null || order.compare(last, element) < 0) {
            inOrder.addLast(element);
        } else {
            late.add(element);
        }
    }

    /** @return the smallest element, or null when empty */
    E peek() {
        final E first = inOrder.peekFirst();
        final E earliestLate = late.peek();
        if (earliestLate == null || first == null) {
            return first == null ? earliestLate : first;
        }
        return order.compare(earliestLate, first) < 0 ? earliestLate : first;
    }

    /** @return the smallest element, removed, or null when empty */
    E poll() {
        final E head = peek();
        if (head != null && head == inOrder.peekFirst()) {
            return inOrder.pollFirst();
        }
        return late.poll();
    }

    boolean isEmpty() {
        return inOrder.isEmpty() && late.isEmpty();
    }

    /** @return every element, in no particular order */
    List<E> toList() {
        final List<E> all = new ArrayList<>(inOrder);
        all.addAll(late);
        return all;
    }

    int size() {
        return inOrder.size() + late.size();
    }
}
