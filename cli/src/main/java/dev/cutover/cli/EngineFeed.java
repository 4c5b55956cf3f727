package dev.cutover.cli;

import dev.cutover.ingest.LiveFeed;
import dev.cutover.ingest.MessageCursor;
import dev.cutover.ingest.MessageRecord;
import dev.cutover.sim.Engine;
import dev.cutover.sim.ReplayDriver;

import java.util.List;
import java.util.function.LongFunction;

/**
 * Gives the engines of a rehearsal their messages, from a store's cursor or from a following ingest, on one replay.
 * The replay starts with the first message, because the KumoMTA policy's clock is that message's reception time.
 */
final class EngineFeed implements LiveFeed {
    private final ReplayDriver driver;
    private final LongFunction<List<Engine>> enginesFrom;
    private ReplayDriver.Replay replay;
    private long steppedOut;

    /**
     * @param enginesFrom makes the engines, given the first message's reception time in microseconds
     */
    EngineFeed(ReplayDriver driver, LongFunction<List<Engine>> enginesFrom) {
        this.driver = driver;
        this.enginesFrom = enginesFrom;
    }

    @Override
    public void inOrder(MessageRecord message) {
        publish(message);
    }

    @Override
    public void steppedOut(MessageRecord soFar) {
        steppedOut++;
        publish(soFar);
    }

    /** Gives the engines every message of {@code cursor}, and closes it. */
    void replay(MessageCursor cursor) {
        try (cursor) {
            for (MessageRecord message = cursor.next(); message != null; message = cursor.next()) {
                publish(message);
            }
        }
    }

    /** @return true once the engines have been made and given a message */
    boolean started() {
        return replay != null;
    }

    /** @return stragglers given as they stepped out of reception order, with the attempts logged by then */
    long steppedOutCount() {
        return steppedOut;
    }

    /** @return what was replayed; nothing when no message came */
    ReplayDriver.ReplaySummary finish() {
        return replay == null ? new ReplayDriver.ReplaySummary(0, 0, 0, -1, -1, -1) : replay.finish();
    }

    /** Stops the engines after a failure elsewhere. */
    void abandon() {
        if (replay != null) {
            replay.abandon();
        }
    }

    private void publish(MessageRecord message) {
        if (replay == null) {
            replay = driver.start(enginesFrom.apply(message.receptionMicros()));
        }
        replay.publish(message);
    }
}
