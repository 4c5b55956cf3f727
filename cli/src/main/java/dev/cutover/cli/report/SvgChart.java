package dev.cutover.cli.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Draws one chart of the HTML report as inline SVG: up to three lines over time (observed, Momentum, KumoMTA) and a
 * shaded band around Momentum's line where KumoMTA's may run without diverging. Everything is drawn here, so the
 * page needs no script and no network; coordinates are rounded to a tenth of a pixel, so the same figures give the
 * same text.
 */
final class SvgChart {
    static final int WIDTH = 560;
    static final int HEIGHT = 190;
    private static final int LEFT = 58;
    private static final int RIGHT = 14;
    private static final int TOP = 10;
    private static final int BOTTOM = 26;
    private static final int X_TICKS = 5;
    private static final String[] ENGINES = {"observed", "momentum", "kumomta"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final long firstMinute;
    private final int minutesPerPoint;
    private final int points;

    /**
     * @param firstMinute     the epoch minute the first point starts at
     * @param minutesPerPoint minutes each point covers
     * @param points          points in every line
     */
    SvgChart(long firstMinute, int minutesPerPoint, int points) {
        this.firstMinute = firstMinute;
        this.minutesPerPoint = minutesPerPoint;
        this.points = points;
    }

    /**
     * @param label     what the chart shows, for readers of the page's text
     * @param lines     observed, Momentum and KumoMTA points; a null line is left out
     * @param bandLow   the band's lower edge at each point, or null for no band
     * @param bandHigh  the band's upper edge at each point
     * @return the chart as an {@code svg} element
     */
    String draw(String label, List<double[]> lines, double[] bandLow, double[] bandHigh) {
        double top = 1;
        for (double[] line : lines) {
            if (line != null) {
                for (double v : line) {
                    top = Math.max(top, v);
                }
            }
        }
        final double step = niceStep(top / 4);
        final double yMax = step * Math.ceil(top / step);
        final StringBuilder svg = new StringBuilder(16_384);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(JunitXml.escape(label)).append("\">\n");
        svg.append("<rect class=\"plot\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(plotWidth()).append("\" height=\"").append(plotHeight()).append("\"/>\n");
        yAxis(svg, step, yMax);
        xAxis(svg);
        if (bandLow != null) {
            band(svg, bandLow, bandHigh, yMax);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) != null) {
                line(svg, ENGINES[i], lines.get(i), yMax);
            }
        }
        return svg.append("</svg>").toString();
    }

    private void yAxis(StringBuilder svg, double step, double yMax) {
        for (double v = 0; v <= yMax + step / 2; v += step) {
            final String y = coordinate(y(v, yMax));
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(y)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
                    .append(TerminalSummary.figure(v)).append("</text>\n");
        }
    }

    private void xAxis(StringBuilder svg) {
        final long spanMinutes = (long) points * minutesPerPoint;
        final DateTimeFormatter format = spanMinutes > 24 * 60 ? DAY_TIME : TIME;
        final int ticks = Math.min(X_TICKS, Math.max(1, points));
        for (int t = 0; t < ticks; t++) {
            final double fraction = ticks == 1 ? 0 : (double) t / (ticks - 1);
            final long minute = firstMinute + Math.round(fraction * (spanMinutes - 1));
            final String x = coordinate(LEFT + fraction * plotWidth());
            final String anchor = t == 0 ? "start" : t == ticks - 1 ? "end" : "middle";
            svg.append("<text class=\"tick\" x=\"").append(x).append("\" y=\"").append(HEIGHT - 8)
                    .append("\" text-anchor=\"").append(anchor).append("\">")
                    .append(format.format(Instant.ofEpochSecond(minute * 60))).append("</text>\n");
        }
    }

    private void band(StringBuilder svg, double[] low, double[] high, double yMax) {
        svg.append("<path class=\"band\" d=\"");
        for (int i = 0; i < drawn(); i++) {
            svg.append(i == 0 ? 'M' : 'L').append(coordinate(x(i))).append(',')
                    .append(coordinate(y(Math.min(at(high, i), yMax), yMax))).append(' ');
        }
        for (int i = drawn() - 1; i >= 0; i--) {
            svg.append('L').append(coordinate(x(i))).append(',')
                    .append(coordinate(y(Math.max(at(low, i), 0), yMax))).append(' ');
        }
        svg.append("Z\"/>\n");
    }

    private void line(StringBuilder svg, String engine, double[] values, double yMax) {
        svg.append("<polyline class=\"line ").append(engine).append("\" points=\"");
        for (int i = 0; i < drawn(); i++) {
            svg.append(i == 0 ? "" : " ").append(coordinate(x(i))).append(',')
                    .append(coordinate(y(at(values, i), yMax)));
        }
        svg.append("\"/>\n");
    }

    /** @return points drawn: a single point is drawn twice, across the whole width, so it shows as a level line */
    private int drawn() {
        return Math.max(2, points);
    }

    private static double at(double[] values, int point) {
        return values[Math.min(point, values.length - 1)];
    }

    private double x(int point) {
        return LEFT + (double) point * plotWidth() / (drawn() - 1);
    }

    private double y(double value, double yMax) {
        return TOP + plotHeight() * (1 - value / yMax);
    }

    private static int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static int plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    /** @return the smallest of 1, 2, 2.5 and 5 times a power of ten that is at least {@code rough}, and at least 1 */
    static double niceStep(double rough) {
        if (rough <= 1) {
            return 1;
        }
        final double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            if (factor * power >= rough) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    private static String coordinate(double value) {
        final long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }
}
