package dev.cutover.cli.report;

/**
 * What was read and replayed.
 *
 * @param messages             messages replayed (after the binding-group filter)
 * @param rejectedLines        log lines set aside as malformed, with reasons in rejects.tsv
 * @param orphanAttemptLines   attempt lines with no reception line in the logs (also listed in
 *                             rejects.tsv, reason ORPHAN_ATTEMPT)
 * @param noFinalOutcome       messages with no final outcome by the end of the log
 * @param filteredMessages     messages of other binding groups, not replayed
 * @param firstReceptionMicros first reception, -1 when none
 * @param lastReceptionMicros  last reception, -1 when none
 */
public record TrafficSummary(long messages, long rejectedLines, long orphanAttemptLines, long noFinalOutcome,
                             long filteredMessages, long firstReceptionMicros, long lastReceptionMicros) {
}
