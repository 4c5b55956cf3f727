package dev.cutover.ingest.bounce;

import dev.cutover.ingest.RejectReason;

/**
 * One bouncelog line after parsing: a bounce or transient failure, a heartbeat or a rejection. Times are
 * microseconds since the epoch.
 */
public sealed interface ParsedBounceLine permits BounceLine, ParsedBounceLine.Heartbeat, ParsedBounceLine.Rejected {

    /**
     * A heartbeat: the bounce logger was alive at this time. The bouncelog page shows {@code ts@@@@M1}; the
     * {@code ts@@@@M} of the 4.x mainlog is accepted too.
     *
     * @param type {@code M1} or {@code M}
     */
    record Heartbeat(long timeMicros, String type) implements ParsedBounceLine {
    }

    /** A line that could not be used, and why. */
    record Rejected(RejectReason reason) implements ParsedBounceLine {
    }
}
