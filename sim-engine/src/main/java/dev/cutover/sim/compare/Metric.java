package dev.cutover.sim.compare;

import dev.cutover.sim.DomainSnapshot;

/** The metrics compared between engines, named as in the scenario's {@code [tolerance]} table. */
public enum Metric {
    /** Highest deliveries per minute sustained over the rate window: what a message-rate limit caps. */
    DELIVERED_PER_MINUTE("delivered_per_minute"),
    /** Most concurrent connections: what a connection limit caps. */
    CONNECTIONS("connections"),
    /** Attempts that ended in a transient failure. */
    DEFERRALS("deferrals");

    private final String key;

    Metric(String key) {
        this.key = key;
    }

    /** @return the name used in scenarios and reports. */
    public String key() {
        return key;
    }

    /** @return this metric's value in {@code snapshot}, or null when the engine cannot know it. */
    public Double valueOf(DomainSnapshot snapshot) {
        switch (this) {
            case DELIVERED_PER_MINUTE:
                return snapshot.sustainedDeliveredPerMinute();
            case CONNECTIONS:
                return snapshot.peakConnections() == null ? null : snapshot.peakConnections().doubleValue();
            default:
                return (double) snapshot.transientFailures();
        }
    }
}
