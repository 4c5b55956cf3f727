package dev.cutover.cli;

import dev.cutover.ingest.LiveFeed;
import dev.cutover.ingest.MessageCursor;
import dev.cutover.ingest.MessageRecord;
import dev.cutover.sim.Engine;
import dev.cutover.sim.ReplayDriver;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Gives the engines of a rehearsal their messages, from a store's cursor or from a following ingest, on one replay.
 * The replay starts with the first message, because the KumoMTA policy's clock is that message's reception time.
 *
 * <p>Stragglers from a following ingest (see {@link LiveFeed}) are held back, and every message behind them, until
 * they finish or the newest reception is {@code lagMicros} past them; only then is a straggler replayed as it stood
 * when it stepped out. A deferral retried within the lag is so replayed whole, as a run over the finished log would,
 * at the cost of the replay running up to the lag behind the log and holding that much traffic in memory.
 */
final class EngineFeed implements LiveFeed {
    private final ReplayDriver driver;
    private final LongFunction<List<Engine>> enginesFrom;
    private final long lagMicros;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private final Map<String, Held> openStragglers = new HashMap<>();
    private ReplayDriver.Replay replay;
    private LivePace pace;
    private long newestMicros = Long.MIN_VALUE;
    private long newestPublishedMicros = Long.MIN_VALUE;
    private long steppedOut;

    /**
     * @param enginesFrom makes the engines, given the first message's reception time in microseconds
     * @param lagMicros   how long a straggler may hold the replay back, in log time
     */
    EngineFeed(ReplayDriver driver, LongFunction<List<Engine>> enginesFrom, long lagMicros) {
        this.driver = driver;
        this.enginesFrom = enginesFrom;
        this.lagMicros = lagMicros;
    }

    @Override
    public void inOrder(MessageRecord message) {
        hold(new Held(message, false));
    }

    @Override
    public void steppedOut(MessageRecord soFar) {
        final Held straggler = new Held(soFar, true);
        openStragglers.put(key(soFar), straggler);
        hold(straggler);
    }

    @Override
    public void finishedLate(MessageRecord whole) {
        final Held straggler = openStragglers.remove(key(whole));
        if (straggler != null) {
            straggler.message = whole;
            straggler.open = false;
            release(false);
        }
    }

    /** Gives the engines every message of {@code cursor}, and closes it. */
    void replay(MessageCursor cursor) {
        try (cursor) {
            for (MessageRecord message = cursor.next(); message != null; message = cursor.next()) {
                if (pace != null) {
                    pace.pace(message.receptionMicros());
                }
                publish(message);
            }
        }
    }

    /** Replays every message held back, the stragglers still open as they stood when they stepped out. */
    void flush() {
        release(true);
    }

    /**
     * Paces the replay with {@code pace}, which also looks at the replay every second: stored messages and those a
     * following ingest gives alike, so a backlog in the logs is paced too, and the live end of a log, which comes at
     * real time, is never held back at a speed of 1 or more.
     */
    void pacedBy(LivePace pace) {
        this.pace = pace;
    }

    /** Looks at the replay when a look is due; for a following ingest between two looks at its files. */
    void tick() {
        if (pace != null) {
            pace.tick();
        }
    }

    /**
     * @return each engine's answer to {@code look}, asked on its own thread once it has taken every message given
     *         so far; empty before the first message
     */
    <T> Map<Engine, T> probe(Function<Engine, T> look) {
        return replay == null ? Map.of() : replay.probe(look);
    }

    /** @return messages given to the engines so far */
    long messages() {
        return replay == null ? 0 : replay.messages();
    }

    /** @return the latest reception given to the engines so far, or Long.MIN_VALUE */
    long newestPublishedMicros() {
        return newestPublishedMicros;
    }

    /** @return true once the engines have been made and given a message */
    boolean started() {
        return replay != null;
    }

    /** @return stragglers replayed as they stood when they stepped out, with the attempts logged by then */
    long steppedOutCount() {
        return steppedOut;
    }

    /** @return what was replayed; nothing when no message came */
    ReplayDriver.ReplaySummary finish() {
        flush();
        return replay == null ? new ReplayDriver.ReplaySummary(0, 0, 0, -1, -1, -1) : replay.finish();
    }

    /** Stops the engines after a failure elsewhere. */
    void abandon() {
        if (replay != null) {
            replay.abandon();
        }
    }

    private void hold(Held message) {
        newestMicros = Math.max(newestMicros, message.message.receptionMicros());
        held.add(message);
        release(false);
    }

    /** Replays from the front of what is held: up to the first open straggler still within the lag, or all. */
    private void release(boolean all) {
        while (!held.isEmpty()) {
            final Held next = held.peekFirst();
            if (next.open && !all && next.message.receptionMicros() > newestMicros - lagMicros) {
                return;
            }
            held.pollFirst();
            if (next.open) {
                openStragglers.remove(key(next.message));
                steppedOut++;
            }
            if (pace != null) {
                pace.pace(next.message.receptionMicros());
            }
            publish(next.message);
        }
    }

    private void publish(MessageRecord message) {
        if (replay == null) {
            replay = driver.start(enginesFrom.apply(message.receptionMicros()));
        }
        replay.publish(message);
        newestPublishedMicros = Math.max(newestPublishedMicros, message.receptionMicros());
    }

    private static String key(MessageRecord message) {
        return message.node() + '\u0000' + message.messageId();
    }

    /** A message held back, and whether it is a straggler not finished yet. */
    private static final class Held {
        MessageRecord message;
        boolean open;

        Held(MessageRecord message, boolean open) {
            this.message = message;
            this.open = open;
        }
    }
}
