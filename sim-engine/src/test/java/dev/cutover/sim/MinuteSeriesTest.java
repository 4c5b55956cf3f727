package dev.cutover.sim;

import org.junit.jupiter.api.Test;

import static dev.cutover.sim.MinuteSeries.MINUTE_MICROS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MinuteSeriesTest {
    private static final long T0 = 1_700_000_000L * 60 * 1_000_000L;

    @Test
    void add_outOfOrderMinutes_countsEachFromTheEarliest() {
        final MinuteSeries series = new MinuteSeries();
        series.add(T0 + 2 * MINUTE_MICROS, 1);
        series.add(T0 + 2 * MINUTE_MICROS + 59_999_999L, 2);
        series.add(T0, 4);
        series.add(T0 + 40 * MINUTE_MICROS, 1);

        assertEquals(T0 / MINUTE_MICROS, series.firstMinute());
        assertEquals(41, series.length());
        assertEquals(3, series.valueAt(T0 / MINUTE_MICROS + 2));
        assertEquals(4, series.values()[0]);
        assertEquals(1, series.values()[40]);
        assertEquals(0, series.valueAt(T0 / MINUTE_MICROS - 1));
        assertEquals(0, series.valueAt(T0 / MINUTE_MICROS + 41));
    }

    @Test
    void max_keepsTheLargestValueOffered() {
        final MinuteSeries series = new MinuteSeries();
        series.max(10, 3);
        series.max(10, 1);
        series.max(12, 2);

        assertArrayEquals(new int[] {3, 0, 2}, series.values());
    }

    @Test
    void gauge_connectionHeldAcrossMinutes_countsInEveryMinuteItWasOpen() {
        final ConnectionGauge gauge = new ConnectionGauge();
        gauge.open(T0);
        gauge.open(T0 + 1);
        gauge.close(T0 + 2);
        gauge.close(T0 + 3 * MINUTE_MICROS);
        gauge.open(T0 + 5 * MINUTE_MICROS);
        gauge.close(T0 + 5 * MINUTE_MICROS + 1);

        assertArrayEquals(new int[] {2, 1, 1, 1, 0, 1}, gauge.peakPerMinute().values());
        assertEquals(2, gauge.peak());
        assertEquals(3, gauge.opened());
    }

    @Test
    void timeline_givesDeliveriesDeferralsAndTheLargestGauge() {
        final DomainMetrics metrics = new DomainMetrics();
        final ConnectionGauge small = new ConnectionGauge();
        final ConnectionGauge large = new ConnectionGauge();
        small.open(T0);
        large.open(T0);
        large.open(T0);
        metrics.attach(small);
        metrics.attach(large);
        metrics.received(T0);
        metrics.transientFailure(T0 + MINUTE_MICROS);
        metrics.delivered(T0 + 3 * MINUTE_MICROS, T0);

        final DomainTimeline timeline = metrics.timeline();

        assertArrayEquals(new int[] {1}, timeline.delivered().values());
        assertEquals(T0 / MINUTE_MICROS + 3, timeline.delivered().firstMinute());
        assertArrayEquals(new int[] {1}, timeline.deferrals().values());
        assertArrayEquals(new int[] {2}, timeline.connections().values());
        assertNull(new DomainMetrics().timeline().connections());
    }
}
