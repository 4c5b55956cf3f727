package dev.cutover.ingest.bounce;

/**
 * The record type in field 4 of a bouncelog line (support.sparkpost.com/momentum/4/log-formats-bouncelog,
 * support.sparkpost.com/momentum/4/modules/bounce-logger).
 */
public enum BounceKind {
    /**
     * A bounce, in-band (refused during the SMTP session) or out-of-band (a bounce message received later, stage
     * 21). Written when {@code log_inband_bounces} or {@code log_outofband_bounces} is on, as both are by default.
     */
    B,
    /**
     * A transient failure, laid out like a bounce. Written when {@code log_transient_failures} is on, as it is by
     * default.
     */
    T
}
