package dev.cutover.cli;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Paces a replay at a multiple of real time, and calls for a fresh look at it once a second of wall time.
 *
 * <p>A message received {@code t} after the first is given to the engines {@code t / speed} after the replay
 * began; at an infinite speed nothing waits. The engines' answers never depend on the wall clock (they keep their
 * own virtual time), so a paced replay gives the same report as an unpaced one; only the looks along the way
 * differ.
 */
final class LivePace {
    /** How often the look is refreshed, in wall time. */
    static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final double speed;
    private final Runnable look;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private final BooleanSupplier stopped;
    private long firstMicros = Long.MIN_VALUE;
    private long startNanos;
    private long nextLookNanos = Long.MIN_VALUE;

    /**
     * @param speed   how many times faster than real time, above 0; infinite for as fast as the engines go
     * @param look    shows the replay as it stands; called on the publishing thread
     * @param clock   wall time in nanoseconds
     * @param sleeper waits on that clock
     * @param stopped true once the replay should finish without waiting
     */
    LivePace(double speed, Runnable look, LongSupplier clock, Sleeper sleeper, BooleanSupplier stopped) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be above 0: " + speed);
        }
        this.speed = speed;
        this.look = look;
        this.clock = clock;
        this.sleeper = sleeper;
        this.stopped = stopped;
    }

    LivePace(double speed, Runnable look, BooleanSupplier stopped) {
        this(speed, look, System::nanoTime, nanos -> TimeUnit.NANOSECONDS.sleep(nanos), stopped);
    }

    /** Waits until the message received at {@code receptionMicros} is due, looking every second meanwhile. */
    void pace(long receptionMicros) {
        if (stopped.getAsBoolean()) {
            return;
        }
        final long now = clock.getAsLong();
        if (firstMicros == Long.MIN_VALUE) {
            firstMicros = receptionMicros;
            startNanos = now;
        }
        if (nextLookNanos == Long.MIN_VALUE) {
            nextLookNanos = now + REFRESH_NANOS;
        }
        final long dueNanos = Double.isInfinite(speed) ? now
                : startNanos + (long) (Math.max(0, receptionMicros - firstMicros) * 1000.0 / speed);
        for (long at = now; ; at = clock.getAsLong()) {
            if (at >= nextLookNanos) {
                lookNow(at);
            }
            if (at >= dueNanos || stopped.getAsBoolean()) {
                return;
            }
            sleep(Math.min(dueNanos, nextLookNanos) - at);
        }
    }

    /** Looks when a second has passed since the last look; for a follower waiting for the logs to grow. */
    void tick() {
        if (stopped.getAsBoolean()) {
            return;
        }
        final long now = clock.getAsLong();
        if (nextLookNanos == Long.MIN_VALUE) {
            nextLookNanos = now + REFRESH_NANOS;
        } else if (now >= nextLookNanos) {
            lookNow(now);
        }
    }

    private void lookNow(long now) {
        look.run();
        nextLookNanos = Math.max(nextLookNanos + REFRESH_NANOS, now + REFRESH_NANOS / 2);
    }

    private void sleep(long nanos) {
        try {
            sleeper.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while pacing the replay", e);
        }
    }

    /** Waits for a number of nanoseconds. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }
}
