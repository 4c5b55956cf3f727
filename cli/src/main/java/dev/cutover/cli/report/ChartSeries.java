package dev.cutover.cli.report;

import dev.cutover.sim.DomainTimeline;
import dev.cutover.sim.MinuteSeries;
import dev.cutover.sim.compare.Metric;
import dev.cutover.sim.compare.Timelines;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One domain's timelines made ready to draw: the three engines on one time range, a metric at a time, at most
 * {@link #MAX_POINTS} points. Each point covers {@code minutesPerPoint} minutes.
 *
 * <p>What is drawn for each metric is what the report compares, so a line's highest (or last) point is the value in
 * the metrics table:
 * <ul>
 *   <li>delivered per minute: deliveries over the rate window ending at each minute, divided by the window, and
 *       the highest of them for a point that covers several minutes;</li>
 *   <li>connections: the most connections open at once in the minutes a point covers;</li>
 *   <li>deferrals: the running total up to the end of the point.</li>
 * </ul>
 */
final class ChartSeries {
    /** The most points a line has; longer ranges are covered several minutes to a point. */
    static final int MAX_POINTS = 300;

    private final long firstMinute;
    private final int minutes;
    private final int minutesPerPoint;
    private final int rateWindowMinutes;

    private ChartSeries(long firstMinute, int minutes, int rateWindowMinutes) {
        this.firstMinute = firstMinute;
        this.minutes = minutes;
        this.minutesPerPoint = Math.max(1, (minutes + MAX_POINTS - 1) / MAX_POINTS);
        this.rateWindowMinutes = rateWindowMinutes;
    }

    /** @return the range covering every series of {@code timelines}, or null when they are all empty */
    static ChartSeries of(Timelines timelines, int rateWindowMinutes) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (DomainTimeline timeline : List.of(timelines.observed(), timelines.momentum(), timelines.kumomta())) {
            for (MinuteSeries series : List.of(timeline.delivered(), timeline.deferrals())) {
                if (series.length() > 0) {
                    first = Math.min(first, series.firstMinute());
                    last = Math.max(last, series.firstMinute() + series.length() - 1);
                }
            }
            if (timeline.connections() != null && timeline.connections().length() > 0) {
                first = Math.min(first, timeline.connections().firstMinute());
                last = Math.max(last, timeline.connections().firstMinute() + timeline.connections().length() - 1);
            }
        }
        return first == Long.MAX_VALUE ? null
                : new ChartSeries(first, Math.toIntExact(last - first + 1), rateWindowMinutes);
    }

    long firstMinute() {
        return firstMinute;
    }

    int minutesPerPoint() {
        return minutesPerPoint;
    }

    int points() {
        return (minutes + minutesPerPoint - 1) / minutesPerPoint;
    }

    /** @return the points of {@code metric} for {@code timeline}, or null when the engine cannot know it */
    double[] points(Metric metric, DomainTimeline timeline) {
        return switch (metric) {
            case DELIVERED_PER_MINUTE -> bucketMax(windowMeans(timeline.delivered()));
            case CONNECTIONS -> timeline.connections() == null ? null : bucketMax(perMinute(timeline.connections()));
            case DEFERRALS -> bucketLast(runningTotal(timeline.deferrals()));
        };
    }

    /** @return the points of {@code metric} for the observed, Momentum and KumoMTA engines, in that order */
    List<double[]> engines(Metric metric, Timelines timelines) {
        final List<double[]> lines = new ArrayList<>(3);
        for (Function<Timelines, DomainTimeline> engine : List.<Function<Timelines, DomainTimeline>>of(
                Timelines::observed, Timelines::momentum, Timelines::kumomta)) {
            lines.add(points(metric, engine.apply(timelines)));
        }
        return lines;
    }

    private double[] perMinute(MinuteSeries series) {
        final double[] values = new double[minutes];
        for (int i = 0; i < minutes; i++) {
            values[i] = series.valueAt(firstMinute + i);
        }
        return values;
    }

    private double[] windowMeans(MinuteSeries series) {
        final double[] values = new double[minutes];
        final int window = Math.max(1, rateWindowMinutes);
        long sum = 0;
        for (long m = firstMinute - window + 1; m < firstMinute; m++) {
            sum += series.valueAt(m);
        }
        for (int i = 0; i < minutes; i++) {
            sum += series.valueAt(firstMinute + i);
            values[i] = (double) sum / window;
            sum -= series.valueAt(firstMinute + i - window + 1);
        }
        return values;
    }

    private double[] runningTotal(MinuteSeries series) {
        final double[] values = new double[minutes];
        double total = 0;
        for (int i = 0; i < minutes; i++) {
            total += series.valueAt(firstMinute + i);
            values[i] = total;
        }
        return values;
    }

    private double[] bucketMax(double[] values) {
        final double[] points = new double[points()];
        for (int i = 0; i < values.length; i++) {
            points[i / minutesPerPoint] = Math.max(points[i / minutesPerPoint], values[i]);
        }
        return points;
    }

    private double[] bucketLast(double[] values) {
        final double[] points = new double[points()];
        for (int i = 0; i < values.length; i++) {
            points[i / minutesPerPoint] = values[i];
        }
        return points;
    }
}
