package dev.cutover.sim;

/**
 * The idle timeout of one open connection: armed when the connection runs out of work, disarmed when work
 * arrives. Only the latest arming can fire, so a connection woken and idle again is timed from its new idle start.
 */
public final class IdleTimer {
    private long generation;

    /** Schedules steps on a model's calendar. */
    @FunctionalInterface
    public interface Scheduler {
        void at(long timeMicros, Runnable step);
    }

    /** Runs {@code onTimeout} at {@code deadlineMicros} unless the timer is disarmed or armed again first. */
    public void arm(Scheduler scheduler, long deadlineMicros, Runnable onTimeout) {
        final long armed = ++generation;
        scheduler.at(deadlineMicros, () -> {
            if (armed == generation) {
                onTimeout.run();
            }
        });
    }

    /** Cancels the pending timeout, if any. */
    public void disarm() {
        generation++;
    }
}
