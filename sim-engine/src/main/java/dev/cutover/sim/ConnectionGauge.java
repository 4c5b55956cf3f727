package dev.cutover.sim;

/**
 * Concurrent outbound connections of one group (a Momentum domain across its bindings, a KumoMTA site across its
 * sources): the current count, its peak and how many were opened.
 */
public final class ConnectionGauge {
    private long open;
    private long peak;
    private long opened;

    /** Counts a connection that starts now. */
    public void open() {
        open++;
        opened++;
        peak = Math.max(peak, open);
    }

    /** Counts a connection that ended. */
    public void close() {
        open--;
    }

    /** @return connections open now. */
    public long current() {
        return open;
    }

    /** @return the highest number open at once. */
    public long peak() {
        return peak;
    }

    /** @return connections opened in total. */
    public long opened() {
        return opened;
    }
}
