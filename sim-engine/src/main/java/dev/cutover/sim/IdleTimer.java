package dev.cutover.sim;

/**
 * The idle timeout of one open connection: armed when the connection runs out of work, disarmed when work
 * arrives. Only the latest arming can fire, so a connection woken and idle again is timed from its new idle start.
 *
 * <p>A connection is armed and disarmed once per message, so the timer keeps at most one entry on the calendar
 * instead of one per arming: an entry that comes due while the timer was armed again later moves itself to the new
 * deadline. Each arming takes its place in the calendar's order when it is made ({@link
 * EventCalendar#reserveSequence()}), so a timeout fires exactly where an entry scheduled at arming would have.
 */
public final class IdleTimer {
    private final EventCalendar calendar;
    private final Runnable onTimeout;
    private boolean armed;
    private long deadlineMicros;
    private long sequence;
    /** The entry on the calendar that looks at this timer next, or null. */
    private Wakeup pending;

    /**
     * @param calendar  the calendar of the connection's model
     * @param onTimeout what the connection does when the timeout fires
     */
    public IdleTimer(EventCalendar calendar, Runnable onTimeout) {
        this.calendar = calendar;
        this.onTimeout = onTimeout;
    }

    /** Runs the timeout at {@code deadlineMicros} unless the timer is disarmed or armed again first. */
    public void arm(long deadlineMicros) {
        armed = true;
        this.deadlineMicros = deadlineMicros;
        sequence = calendar.reserveSequence();
        if (pending == null || pending.timeMicros() > deadlineMicros) {
            if (pending != null) {
                pending.stale = true;
            }
            pending = new Wakeup();
            calendar.schedule(pending, deadlineMicros, sequence);
        }
    }

    /** Cancels the pending timeout, if any. */
    public void disarm() {
        armed = false;
    }

    /** The timer's entry on the calendar. */
    private final class Wakeup extends SimEvent {
        /** Set when a nearer deadline took another entry; this one then does nothing. */
        private boolean stale;
        private long firesAtSequence = sequence;

        @Override
        protected void fire() {
            if (stale) {
                return;
            }
            pending = null;
            if (!armed) {
                return;
            }
            if (timeMicros() == deadlineMicros && firesAtSequence == sequence) {
                armed = false;
                onTimeout.run();
                return;
            }
            pending = this;
            firesAtSequence = sequence;
            calendar.schedule(this, deadlineMicros, sequence);
        }
    }
}
