package dev.cutover.cli.report;

import dev.cutover.sim.ConnectionGauge;
import dev.cutover.sim.DomainMetrics;
import dev.cutover.sim.DomainSnapshot;
import dev.cutover.sim.compare.Metric;
import dev.cutover.sim.compare.Timelines;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.cutover.sim.MinuteSeries.MINUTE_MICROS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The chart points are the compared figures over time: a line's peak, or last point, is the table's value. */
class ChartSeriesTest {
    private static final long T0 = 28_000_000L * MINUTE_MICROS;
    private static final int WINDOW = 10;

    @Test
    void points_ofAnHourAndAHalf_areOnePerMinuteAndPeakAtTheComparedValues() {
        final DomainMetrics metrics = busy(90);
        final DomainSnapshot snapshot = metrics.snapshot(WINDOW);
        final Timelines timelines = new Timelines(new DomainMetrics().timeline(), metrics.timeline(),
                metrics.timeline());

        final ChartSeries series = ChartSeries.of(timelines, WINDOW);

        assertEquals(T0 / MINUTE_MICROS, series.firstMinute());
        assertEquals(1, series.minutesPerPoint());
        assertEquals(90, series.points());
        final double[] delivered = series.points(Metric.DELIVERED_PER_MINUTE, timelines.momentum());
        assertEquals(snapshot.sustainedDeliveredPerMinute(), Arrays.stream(delivered).max().orElseThrow());
        assertEquals(0.1, delivered[0], 1e-9, "one delivery in the first minute, over a 10-minute window");
        final double[] deferrals = series.points(Metric.DEFERRALS, timelines.momentum());
        assertEquals(snapshot.transientFailures(), deferrals[deferrals.length - 1]);
        final double[] connections = series.points(Metric.CONNECTIONS, timelines.momentum());
        assertEquals(snapshot.peakConnections(), (long) Arrays.stream(connections).max().orElseThrow());
        assertNull(series.points(Metric.CONNECTIONS, timelines.observed()), "no gauge, no line");
    }

    @Test
    void points_ofAWeek_coverSeveralMinutesEachAndKeepThePeaksAndTheTotal() {
        final DomainMetrics metrics = busy(7 * 24 * 60);
        final DomainSnapshot snapshot = metrics.snapshot(WINDOW);
        final Timelines timelines = new Timelines(metrics.timeline(), metrics.timeline(), metrics.timeline());

        final ChartSeries series = ChartSeries.of(timelines, WINDOW);

        assertEquals(34, series.minutesPerPoint(), "10,080 minutes in at most 300 points");
        assertEquals(297, series.points());
        assertEquals(snapshot.sustainedDeliveredPerMinute(),
                Arrays.stream(series.points(Metric.DELIVERED_PER_MINUTE, timelines.kumomta())).max().orElseThrow());
        final double[] deferrals = series.points(Metric.DEFERRALS, timelines.kumomta());
        assertEquals(snapshot.transientFailures(), deferrals[deferrals.length - 1]);
        assertEquals(3, series.engines(Metric.DEFERRALS, timelines).size());
    }

    @Test
    void of_nothingDeliveredDeferredOrConnected_isNull() {
        final DomainMetrics empty = new DomainMetrics();
        assertNull(ChartSeries.of(new Timelines(empty.timeline(), empty.timeline(), empty.timeline()), WINDOW));
    }

    @Test
    void niceStep_roundsUpToOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen() {
        assertEquals(1, SvgChart.niceStep(0.3));
        assertEquals(2, SvgChart.niceStep(1.7));
        assertEquals(250, SvgChart.niceStep(201));
        assertEquals(500, SvgChart.niceStep(260));
        assertEquals(1000, SvgChart.niceStep(501));
    }

    /**
     * A domain delivering i % 7 + 1 messages in minute i, deferring one in every fifth minute, with connections rising
     * to (i % 4) + 1 in each minute.
     */
    private static DomainMetrics busy(int minutes) {
        final DomainMetrics metrics = new DomainMetrics();
        final ConnectionGauge gauge = new ConnectionGauge();
        metrics.attach(gauge);
        for (int i = 0; i < minutes; i++) {
            final long minute = T0 + i * MINUTE_MICROS;
            for (int d = 0; d < i % 7 + 1; d++) {
                metrics.received(minute);
                metrics.delivered(minute + d, minute);
            }
            if (i % 5 == 0) {
                metrics.transientFailure(minute + 1);
            }
            for (int c = 0; c <= i % 4; c++) {
                gauge.open(minute + 10 + c);
            }
            for (int c = 0; c <= i % 4; c++) {
                gauge.close(minute + 20 + c);
            }
        }
        return metrics;
    }
}
