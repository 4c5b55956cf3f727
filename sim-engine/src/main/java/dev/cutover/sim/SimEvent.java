package dev.cutover.sim;

/**
 * Something that happens at a point of virtual time. The calendar orders events by time, then by the order in
 * which they were scheduled, so equal-time events always fire in the same order.
 */
public abstract class SimEvent {
    long timeMicros;

    /** Does the event's work; the calendar's clock already reads the event's time. */
    protected abstract void fire();

    /** @return the virtual time the event was scheduled for. */
    public final long timeMicros() {
        return timeMicros;
    }
}
