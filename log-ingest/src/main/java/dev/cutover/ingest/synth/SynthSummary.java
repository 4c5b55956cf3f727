package dev.cutover.ingest.synth;

/**
 * What a synthesized mainlog holds.
 *
 * @param messages          R lines (one per message)
 * @param lines             all lines written, heartbeats included
 * @param deliveries        D lines
 * @param transientFailures T lines
 * @param bounces           P lines with a remote 5xx refusal
 * @param retriesExhausted  P lines for messages that ran out of retries
 * @param heartbeats        M lines
 */
public record SynthSummary(
        long messages,
        long lines,
        long deliveries,
        long transientFailures,
        long bounces,
        long retriesExhausted,
        long heartbeats) {
}
