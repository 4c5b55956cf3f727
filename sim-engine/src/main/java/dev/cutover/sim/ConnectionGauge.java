package dev.cutover.sim;

/**
 * Concurrent outbound connections of one group (a Momentum domain across its bindings, a KumoMTA site across its
 * sources): the current count, its peak, how many were opened, and the peak of each minute. Connections open and
 * close in virtual-time order; a minute with no change holds the count carried into it.
 */
public final class ConnectionGauge {
    private final MinuteSeries peakPerMinute = new MinuteSeries();
    private long lastMinute = Long.MIN_VALUE;
    private long open;
    private long peak;
    private long opened;

    /** Counts a connection that starts at {@code nowMicros}. */
    public void open(long nowMicros) {
        final long minute = carryTo(nowMicros);
        open++;
        opened++;
        peak = Math.max(peak, open);
        peakPerMinute.max(minute, (int) open);
    }

    /** Counts a connection that ended at {@code nowMicros}. */
    public void close(long nowMicros) {
        carryTo(nowMicros);
        open--;
    }

    /** Marks the connections still open as open through every minute up to the one holding {@code nowMicros}. */
    private long carryTo(long nowMicros) {
        final long minute = MinuteSeries.minuteOf(nowMicros);
        if (lastMinute == Long.MIN_VALUE || minute <= lastMinute) {
            lastMinute = Math.max(lastMinute, minute);
            return minute;
        }
        if (open > 0) {
            for (long m = lastMinute + 1; m <= minute; m++) {
                peakPerMinute.max(m, (int) open);
            }
        }
        lastMinute = minute;
        return minute;
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

    /** @return the highest number open at once in each minute a connection was open */
    public MinuteSeries peakPerMinute() {
        return peakPerMinute;
    }
}
