package dev.cutover.ingest.custom;

import dev.cutover.ingest.ParsedLine;
import dev.cutover.ingest.RejectReason;

/**
 * One {@code custom_logger} line after parsing: the attempt it records and the reception it implies, or the
 * reason it was set aside. A custom log has no reception lines, so the reception is rebuilt from the attempt
 * line: its time is the line time minus the queue time {@code %T}
 * (support.sparkpost.com/momentum/4/modules/custom-logger).
 *
 * @param reception the reception this line implies, null when rejected
 * @param attempt   the attempt this line records, null when rejected
 * @param rejected  why the line was set aside, null when parsed
 */
public record CustomLine(ParsedLine.Reception reception, ParsedLine.AttemptLine attempt, RejectReason rejected) {

    /** @return a line set aside for {@code reason} */
    public static CustomLine rejectedFor(RejectReason reason) {
        return new CustomLine(null, null, reason);
    }

    /** @return true when the line was set aside */
    public boolean isRejected() {
        return rejected != null;
    }
}
