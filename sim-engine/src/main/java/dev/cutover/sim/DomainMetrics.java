package dev.cutover.sim;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * Counters for one destination domain in one engine. Deliveries and deferrals are also counted per calendar minute
 * of virtual time, for the rate metric and the report's charts; latencies go into an HdrHistogram in milliseconds
 * with three significant digits, the maximum is kept exactly.
 */
public final class DomainMetrics {
    private final Histogram latencyMillis = new Histogram(3);
    private final List<ConnectionGauge> gauges = new ArrayList<>(1);
    private long messages;
    private long delivered;
    private long transientFailures;
    private long bounced;
    private long expired;
    private long unresolved;
    private long refused;
    private boolean siteNoted;
    private long throttleDelays;
    private boolean throttleDelaysKnown = true;
    private long firstReceptionMicros = Long.MAX_VALUE;
    private long lastFinalMicros = Long.MIN_VALUE;
    private long maxLatencyMicros;
    private final MinuteSeries deliveredPerMinute = new MinuteSeries();
    private final MinuteSeries deferralsPerMinute = new MinuteSeries();
    private boolean connectionsEstimated;

    public void received(long receptionMicros) {
        messages++;
        firstReceptionMicros = Math.min(firstReceptionMicros, receptionMicros);
    }

    public void delivered(long timeMicros, long receptionMicros) {
        delivered++;
        deliveredPerMinute.add(timeMicros, 1);
        finished(timeMicros, receptionMicros);
    }

    /** Counts an attempt that ended in a transient failure at {@code timeMicros}. */
    public void transientFailure(long timeMicros) {
        transientFailures++;
        deferralsPerMinute.add(timeMicros, 1);
    }

    public void bounced(long timeMicros, long receptionMicros) {
        bounced++;
        finished(timeMicros, receptionMicros);
    }

    public void expired(long timeMicros, long receptionMicros) {
        expired++;
        finished(timeMicros, receptionMicros);
    }

    public void unresolved() {
        unresolved++;
    }

    /** @return whether the engine has recorded this domain's site (a model's own bookkeeping) */
    public boolean siteNoted() {
        return siteNoted;
    }

    /** Records whether the engine has recorded this domain's site. */
    public void siteNoted(boolean noted) {
        siteNoted = noted;
    }

    /** Counts a message the engine refused or discarded at reception, so it was never queued. */
    public void refused() {
        refused++;
    }

    /** Counts every message still queued when the engine stopped as unresolved. */
    public void settleRemaining() {
        final long settled = delivered + bounced + expired + unresolved + refused;
        unresolved += Math.max(0, messages - settled);
    }

    public void throttleDelay() {
        throttleDelays++;
    }

    /** Counts {@code count} throttle delays at once. */
    public void throttleDelays(long count) {
        throttleDelays += count;
    }

    /** Marks throttle delays as unknowable for this engine (the log never shows them). */
    public void throttleDelaysUnknown() {
        throttleDelaysKnown = false;
    }

    /** Reports the peak and opened counts of {@code gauge} for this domain; the largest attached gauge wins. */
    public void attach(ConnectionGauge gauge) {
        if (!gauges.contains(gauge)) {
            gauges.add(gauge);
        }
    }

    /** Reports the connections of {@code gauge}, estimated from the log instead of counted by a model. */
    public void attachEstimate(ConnectionGauge gauge) {
        attach(gauge);
        connectionsEstimated = true;
    }

    private void finished(long timeMicros, long receptionMicros) {
        lastFinalMicros = Math.max(lastFinalMicros, timeMicros);
        final long latencyMicros = Math.max(0, timeMicros - receptionMicros);
        maxLatencyMicros = Math.max(maxLatencyMicros, latencyMicros);
        latencyMillis.recordValue(latencyMicros / 1000);
    }

    /** @return deliveries per calendar minute, starting at {@link #firstDeliveryMinute()}. */
    public int[] deliveredPerMinute() {
        return deliveredPerMinute.values();
    }

    /** @return the epoch minute of the first delivery, or Long.MIN_VALUE when none. */
    public long firstDeliveryMinute() {
        return deliveredPerMinute.firstMinute();
    }

    /**
     * @return deliveries, deferrals and concurrent connections minute by minute, for charts; the series are this
     *         object's own, to be read once the engine has finished
     */
    public DomainTimeline timeline() {
        final ConnectionGauge gauge = largestGauge();
        return new DomainTimeline(deliveredPerMinute, deferralsPerMinute,
                gauge == null ? null : gauge.peakPerMinute());
    }

    /** @return a frozen view of the counters with a ten-minute rate window. */
    public DomainSnapshot snapshot() {
        return snapshot(10);
    }

    /**
     * @param rateWindowMinutes the window of the sustained rate, at least 1
     * @return a frozen view of the counters
     */
    public DomainSnapshot snapshot(int rateWindowMinutes) {
        return snapshot(rateWindowMinutes, null);
    }

    /**
     * @param rateWindowMinutes the window of the sustained rate, at least 1
     * @param estimate          connections estimated from the log so far, taken when no gauge is attached; or null
     * @return a frozen view of the counters
     */
    public DomainSnapshot snapshot(int rateWindowMinutes, ConnectionGauge estimate) {
        final boolean estimated = connectionsEstimated || gauges.isEmpty() && estimate != null;
        final List<ConnectionGauge> counted = gauges.isEmpty() && estimate != null ? List.of(estimate) : gauges;
        long peakPerMinute = 0;
        for (int i = 0; i < deliveredPerMinute.length(); i++) {
            peakPerMinute = Math.max(peakPerMinute, deliveredPerMinute.at(i));
        }
        final int usedMinutes = deliveredPerMinute.length();
        final double meanPerMinute = usedMinutes == 0 ? 0.0 : (double) delivered / usedMinutes;
        final boolean finishedAny = latencyMillis.getTotalCount() > 0;
        return new DomainSnapshot(messages, delivered, transientFailures, bounced, expired, unresolved, refused,
                throttleDelaysKnown ? throttleDelays : null, peakPerMinute, meanPerMinute,
                sustainedPerMinute(Math.max(1, rateWindowMinutes)),
                peakConnections(counted), connectionsOpened(counted), estimated,
                finishedAny ? latency() : null,
                finishedAny ? (lastFinalMicros - firstReceptionMicros) / 1e6 : null);
    }

    /** The largest sum of deliveries in any run of {@code window} consecutive minutes, divided by the window. */
    private double sustainedPerMinute(int window) {
        long sum = 0;
        long best = 0;
        for (int i = 0; i < deliveredPerMinute.length(); i++) {
            sum += deliveredPerMinute.at(i);
            if (i >= window) {
                sum -= deliveredPerMinute.at(i - window);
            }
            best = Math.max(best, sum);
        }
        return (double) best / window;
    }

    private static Long peakConnections(List<ConnectionGauge> counted) {
        return counted.isEmpty() ? null : counted.stream().mapToLong(ConnectionGauge::peak).max().orElse(0);
    }

    private static Long connectionsOpened(List<ConnectionGauge> counted) {
        return counted.isEmpty() ? null : counted.stream().mapToLong(ConnectionGauge::opened).max().orElse(0);
    }

    private ConnectionGauge largestGauge() {
        ConnectionGauge largest = null;
        for (ConnectionGauge gauge : gauges) {
            if (largest == null || gauge.peak() > largest.peak()) {
                largest = gauge;
            }
        }
        return largest;
    }

    private LatencySummary latency() {
        return new LatencySummary(seconds(50), seconds(95), seconds(99), maxLatencyMicros / 1e6);
    }

    private double seconds(double percentile) {
        return latencyMillis.getValueAtPercentile(percentile) / 1000.0;
    }
}
