package dev.cutover.ingest;

/** How much of a message's life the log window shows. */
public enum Completeness {
    /** Reception line and a final outcome (D or P) are both in the log. */
    COMPLETE,
    /** Received in the window but no final outcome by the end of the log. */
    NO_FINAL_OUTCOME
}
