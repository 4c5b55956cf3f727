package dev.cutover.sim;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counters for one destination domain in one engine. Deliveries are bucketed per calendar minute of virtual time;
 * latencies go into an HdrHistogram in milliseconds with three significant digits, the maximum is kept exactly.
 */
public final class DomainMetrics {
    private static final long MINUTE_MICROS = 60_000_000L;

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
    private long firstMinute = Long.MIN_VALUE;
    private int[] deliveredPerMinute = new int[64];
    private int usedMinutes;
    private Long estimatedPeakConnections;
    private Long estimatedConnectionsOpened;

    public void received(long receptionMicros) {
        messages++;
        firstReceptionMicros = Math.min(firstReceptionMicros, receptionMicros);
    }

    public void delivered(long timeMicros, long receptionMicros) {
        delivered++;
        countMinute(timeMicros);
        finished(timeMicros, receptionMicros);
    }

    public void transientFailure() {
        transientFailures++;
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

    /** Sets connection figures estimated from the log instead of counted by a model. */
    public void estimatedConnections(Long peak, Long opened) {
        estimatedPeakConnections = peak;
        estimatedConnectionsOpened = opened;
    }

    private void finished(long timeMicros, long receptionMicros) {
        lastFinalMicros = Math.max(lastFinalMicros, timeMicros);
        final long latencyMicros = Math.max(0, timeMicros - receptionMicros);
        maxLatencyMicros = Math.max(maxLatencyMicros, latencyMicros);
        latencyMillis.recordValue(latencyMicros / 1000);
    }

    private void countMinute(long timeMicros) {
        final long minute = Math.floorDiv(timeMicros, MINUTE_MICROS);
        if (firstMinute == Long.MIN_VALUE) {
            firstMinute = minute;
        }
        if (minute < firstMinute) {
            shiftStart(minute);
        }
        final int index = Math.toIntExact(minute - firstMinute);
        if (index >= deliveredPerMinute.length) {
            deliveredPerMinute = Arrays.copyOf(deliveredPerMinute, Math.max(index + 1, deliveredPerMinute.length * 2));
        }
        deliveredPerMinute[index]++;
        usedMinutes = Math.max(usedMinutes, index + 1);
    }

    private void shiftStart(long minute) {
        final int shift = Math.toIntExact(firstMinute - minute);
        final int[] moved = new int[Math.max(deliveredPerMinute.length, usedMinutes + shift)];
        System.arraycopy(deliveredPerMinute, 0, moved, shift, usedMinutes);
        deliveredPerMinute = moved;
        usedMinutes += shift;
        firstMinute = minute;
    }

    /** @return deliveries per calendar minute, starting at {@link #firstDeliveryMinute()}. */
    public int[] deliveredPerMinute() {
        return Arrays.copyOf(deliveredPerMinute, usedMinutes);
    }

    /** @return the epoch minute of the first delivery, or Long.MIN_VALUE when none. */
    public long firstDeliveryMinute() {
        return firstMinute;
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
        long peakPerMinute = 0;
        for (int i = 0; i < usedMinutes; i++) {
            peakPerMinute = Math.max(peakPerMinute, deliveredPerMinute[i]);
        }
        final double meanPerMinute = usedMinutes == 0 ? 0.0 : (double) delivered / usedMinutes;
        final boolean finishedAny = latencyMillis.getTotalCount() > 0;
        return new DomainSnapshot(messages, delivered, transientFailures, bounced, expired, unresolved, refused,
                throttleDelaysKnown ? throttleDelays : null, peakPerMinute, meanPerMinute,
                sustainedPerMinute(Math.max(1, rateWindowMinutes)),
                peakConnections(), connectionsOpened(), estimatedPeakConnections != null,
                finishedAny ? latency() : null,
                finishedAny ? (lastFinalMicros - firstReceptionMicros) / 1e6 : null);
    }

    /** The largest sum of deliveries in any run of {@code window} consecutive minutes, divided by the window. */
    private double sustainedPerMinute(int window) {
        long sum = 0;
        long best = 0;
        for (int i = 0; i < usedMinutes; i++) {
            sum += deliveredPerMinute[i];
            if (i >= window) {
                sum -= deliveredPerMinute[i - window];
            }
            best = Math.max(best, sum);
        }
        return (double) best / window;
    }

    private Long peakConnections() {
        if (gauges.isEmpty()) {
            return estimatedPeakConnections;
        }
        return gauges.stream().mapToLong(ConnectionGauge::peak).max().orElse(0);
    }

    private Long connectionsOpened() {
        if (gauges.isEmpty()) {
            return estimatedConnectionsOpened;
        }
        return gauges.stream().mapToLong(ConnectionGauge::opened).max().orElse(0);
    }

    private LatencySummary latency() {
        return new LatencySummary(seconds(50), seconds(95), seconds(99), maxLatencyMicros / 1e6);
    }

    private double seconds(double percentile) {
        return latencyMillis.getValueAtPercentile(percentile) / 1000.0;
    }
}
