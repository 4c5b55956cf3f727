package dev.cutover.sim;

import dev.cutover.ingest.MessageRecord;

/**
 * One delivery engine replayed over the traffic: what the log shows, the Momentum model or the KumoMTA model.
 *
 * <p>The replay is conservative: {@link #accept} is called in reception order and an engine first runs its own
 * event calendar up to the message's reception time, then takes the message. After the last message
 * {@link #finish} drains the calendar until no work is left or the horizon passes. Engines never read the wall
 * clock, so the same traffic and seed give the same metrics.
 */
public interface Engine {

    /** @return the engine's name in reports: {@code observed}, {@code momentum} or {@code kumomta}. */
    String name();

    /** Takes one message at its reception time; calls arrive in non-decreasing reception order. */
    void accept(MessageRecord message);

    /**
     * Runs the remaining work.
     *
     * @param horizonMicros virtual time after which nothing more is simulated
     */
    void finish(long horizonMicros);

    /** @return the metrics gathered so far; complete after {@link #finish}. */
    EngineMetrics metrics();

    /**
     * A copy of the figures as they stand, for a look at a replay under way; called on the engine's thread.
     *
     * @param rateWindowMinutes the window of the sustained delivery rate
     */
    default EngineFigures figures(int rateWindowMinutes) {
        return metrics().freeze(rateWindowMinutes);
    }
}
