package dev.cutover.ingest;

/**
 * The record type of a mainlog attempt line (support.sparkpost.com/momentum/4/log-formats-mainlog).
 *
 * <p>Note: an X line (the message left for another cluster node) is stored as {@link Outcome#DELIVERED}
 * with response code 0, which is how a reader tells it from a D line (response code 250).
 */
public enum AttemptKind {
    /** Delivered. */
    D(Outcome.DELIVERED),
    /** Transferred to another cluster node; the receiving node logs its own R line. */
    X(Outcome.DELIVERED),
    /** Transient failure; the message is retried. */
    T(Outcome.TRANSIENT),
    /** Permanent failure; the message is discarded. */
    P(Outcome.PERMANENT);

    private final Outcome outcome;

    AttemptKind(Outcome outcome) {
        this.outcome = outcome;
    }

    /** @return the outcome a {@link MessageRecord} stores for this kind of line */
    public Outcome outcome() {
        return outcome;
    }
}
