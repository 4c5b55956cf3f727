package dev.cutover.ingest;

/**
 * The result of one delivery attempt as a Momentum mainlog records it.
 *
 * <p>{@code D} lines are {@link #DELIVERED}, {@code T} lines {@link #TRANSIENT} and {@code P} lines
 * {@link #PERMANENT} (support.sparkpost.com/momentum/4/log-formats-mainlog).
 */
public enum Outcome {
    DELIVERED,
    TRANSIENT,
    PERMANENT;

    /** @return true when the message leaves the queue after this outcome. */
    public boolean isFinal() {
        return this != TRANSIENT;
    }
}
