package dev.cutover.ingest.synth;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes a realistic Momentum 4.x mainlog (support.sparkpost.com/momentum/4/log-formats-mainlog) for a
 * {@link SynthSpec}: R lines for campaign drops on top of a transactional trickle, D, T and P lines from a
 * per-(binding, domain) FIFO drain at each domain's observed capacity, retries on Momentum's doubling
 * schedule, and an M heartbeat every minute. Lines come out in timestamp order; the same spec gives the
 * same bytes.
 *
 * <p>Example: {@code new MainlogSynthesizer().write(SynthSpec.demo(7, 1_000), writer)} writes 1,000 R
 * lines, about 1,050 attempt lines and a heartbeat per minute of log time.
 *
 * <p>Note: the generator draws every random choice from one {@link java.util.SplittableRandom}, so any
 * change to the order of draws changes the output for a given seed. Connection ids are per attempt
 * session, not per TCP connection: Momentum writes no connection records to compare with.
 */
public final class MainlogSynthesizer {
    /**
     * @param spec what to generate
     * @param out  receives the lines, each ending in {@code \n}; wrap it in a buffer, it is not flushed
     * @return counts of what was written
     */
    public SynthSummary write(SynthSpec spec, Writer out) throws IOException {
        return new SynthRun(spec, out).run();
    }
}
