package dev.cutover.cli.report;

import dev.cutover.sim.DomainSnapshot;
import dev.cutover.sim.compare.DomainComparison;
import dev.cutover.sim.compare.Metric;
import dev.cutover.sim.compare.MetricCheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes {@code report.html}: one self-contained page, with no script, font or image fetched from anywhere, that
 * opens in any browser. From the top: the verdict and the traffic replayed; the largest divergences, each with the
 * setting that governs it on each side; the notes; every domain's metrics in one table; then a section per domain
 * with its metrics and charts over time of deliveries per minute, concurrent connections and deferrals for the
 * log, Momentum and KumoMTA, with the band around Momentum's line inside which KumoMTA's does not diverge; and the
 * model parameters in force.
 *
 * <p>Charts are drawn for the diverged domains and then the busiest, {@link #MAX_CHARTED} at most, so an estate of
 * thousands of domains still gives a page a browser opens quickly; every domain keeps its table. The page is also
 * well-formed XML, so tests read it with an XML parser.
 */
public final class ReportHtml {
    /** The most domains drawn as charts. */
    static final int MAX_CHARTED = 40;
    /** The most divergences listed at the top. */
    static final int MAX_TOP = 10;

    private final RehearsalResult result;
    private final StringBuilder out = new StringBuilder(1 << 16);
    private final Map<String, String> anchors = new LinkedHashMap<>();
    private final List<Ranked> ranked;

    private ReportHtml(RehearsalResult result) {
        this.result = result;
        this.ranked = ranked(result);
        final Set<String> used = new HashSet<>();
        for (DomainComparison domain : result.domains()) {
            String anchor = "d-" + domain.domain().replaceAll("[^A-Za-z0-9._-]", "-");
            while (!used.add(anchor)) {
                anchor = anchor + "-";
            }
            anchors.put(domain.domain(), anchor);
        }
    }

    public static String write(RehearsalResult result) {
        return new ReportHtml(result).page();
    }

    private String page() {
        final String verdict = result.verdict().equals("pass") ? "PASS" : "DIVERGED";
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>").append(text("cutover: " + result.scenario() + " - "
                        + verdict)).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
        header(verdict);
        topDivergences();
        lint();
        notes();
        index();
        domainSections();
        parameters();
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private void header(String verdict) {
        final TrafficSummary t = result.traffic();
        out.append("<header id=\"verdict\">\n<h1>cutover: ").append(text(result.scenario())).append("</h1>\n")
                .append("<p class=\"verdict ").append(result.verdict()).append("\">").append(verdict);
        if (!result.verdict().equals("pass")) {
            out.append(": ").append(result.divergedDomains()).append(" of ").append(result.domains().size())
                    .append(" domains diverge");
        } else {
            out.append(": no domain diverges beyond tolerance (").append(result.domains().size())
                    .append(" domains)");
        }
        out.append("</p>\n<table class=\"facts\" id=\"traffic\">\n");
        fact("messages replayed", count(t.messages()));
        fact("received", text(ReportJson.iso(t.firstReceptionMicros()) + " to "
                + ReportJson.iso(t.lastReceptionMicros())));
        fact("log lines set aside (rejects.tsv)", count(t.rejectedLines()));
        fact("attempt lines with no reception line", count(t.orphanAttemptLines()));
        fact("messages with no final outcome in the log", count(t.noFinalOutcome()));
        if (t.filteredMessages() > 0) {
            fact("messages of other binding groups, not replayed", count(t.filteredMessages()));
        }
        fact("seed", Long.toString(result.seed()));
        out.append("</table>\n</header>\n");
    }

    private void fact(String name, String value) {
        out.append("<tr><th>").append(text(name)).append("</th><td>").append(value).append("</td></tr>\n");
    }

    private void topDivergences() {
        out.append("<section id=\"top-divergences\">\n<h2>Largest divergences</h2>\n");
        if (ranked.isEmpty()) {
            out.append("<p>KumoMTA stays within tolerance of Momentum on every metric of every domain.</p>\n");
        } else {
            out.append("<p>Ranked by how far each change goes beyond what is allowed (tolerance plus noise floor).")
                    .append(ranked.size() > MAX_TOP ? " The first " + MAX_TOP + " of " + ranked.size() + "." : "")
                    .append("</p>\n<ol class=\"divergences\">\n");
            for (Ranked r : ranked.subList(0, Math.min(MAX_TOP, ranked.size()))) {
                out.append("<li><a href=\"#").append(anchors.get(r.domain.domain())).append("\">")
                        .append(text(r.domain.domain())).append("</a> ").append(r.check.metric().key())
                        .append(": Momentum ").append(TerminalSummary.figure(r.check.momentum()))
                        .append(", KumoMTA ").append(TerminalSummary.figure(r.check.kumomta())).append(" (")
                        .append(TerminalSummary.change(r.check.relativeChange())).append("; allowed ")
                        .append(allowed(r.check)).append(")\n");
                explanation(r.check);
                out.append("</li>\n");
            }
            out.append("</ol>\n");
        }
        out.append("</section>\n");
    }

    private void explanation(MetricCheck check) {
        final String[] sides = check.explanation().split(" (?=KumoMTA: )", 2);
        for (String side : sides) {
            out.append("<p class=\"explain\">").append(text(side)).append("</p>\n");
        }
    }

    private static String allowed(MetricCheck check) {
        return String.format(Locale.ROOT, "±%s%%", JsonWriter.number(
                Math.round((check.tolerance() + check.noiseFloor()) * 1000) / 10.0));
    }

    private void lint() {
        list("lint", "What the KumoMTA policy would get wrong in production", result.lint());
    }

    private void notes() {
        list("notes", "Notes", result.notes());
    }

    /** Writes a section holding a list of sentences, or nothing when there are none. */
    private void list(String id, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.append("<section id=\"").append(id).append("\">\n<h2>").append(text(title)).append("</h2>\n<ul>\n");
        items.forEach(item -> out.append("<li>").append(text(item)).append("</li>\n"));
        out.append("</ul>\n</section>\n");
    }

    private void index() {
        out.append("<section id=\"domains\">\n<h2>Domains</h2>\n<table class=\"metrics\">\n<thead><tr>")
                .append("<th rowspan=\"2\">domain</th><th rowspan=\"2\">KumoMTA site</th>")
                .append("<th rowspan=\"2\">messages</th>");
        for (Metric metric : Metric.values()) {
            out.append("<th colspan=\"3\">").append(metric.key()).append("</th>");
        }
        out.append("</tr>\n<tr>");
        for (int i = 0; i < Metric.values().length; i++) {
            out.append("<th>Momentum</th><th>KumoMTA</th><th>change</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (DomainComparison domain : result.domains()) {
            out.append("<tr").append(domain.divergences().isEmpty() ? "" : " class=\"diverged\"").append(">")
                    .append("<td><a href=\"#").append(anchors.get(domain.domain())).append("\">")
                    .append(text(domain.domain())).append("</a></td><td class=\"site\">")
                    .append(domain.site() == null ? "" : text(domain.site())).append("</td><td class=\"n\">")
                    .append(count(domain.observed().messages())).append("</td>");
            for (MetricCheck check : domain.checks()) {
                out.append("<td class=\"n\">").append(TerminalSummary.figure(check.momentum()))
                        .append("</td><td class=\"n\">").append(TerminalSummary.figure(check.kumomta()))
                        .append("</td><td class=\"n").append(check.diverged() ? " bad" : "").append("\">")
                        .append(TerminalSummary.change(check.relativeChange())).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private void domainSections() {
        final List<DomainComparison> order = chartOrder();
        if (order.size() > MAX_CHARTED) {
            out.append("<p class=\"aside\">Charts are drawn for ").append(MAX_CHARTED).append(" of ")
                    .append(order.size()).append(" domains: the diverged ones first, then the busiest. The others ")
                    .append("have their tables only.</p>\n");
        }
        for (int i = 0; i < order.size(); i++) {
            domainSection(order.get(i), i < MAX_CHARTED);
        }
    }

    /** @return diverged domains, furthest beyond tolerance first, then the others, busiest first */
    private List<DomainComparison> chartOrder() {
        final Map<String, Double> worst = new TreeMap<>();
        for (Ranked r : ranked) {
            worst.merge(r.domain.domain(), r.excess, Math::max);
        }
        final List<DomainComparison> order = new ArrayList<>(result.domains());
        order.sort(Comparator.<DomainComparison>comparingDouble(d -> -worst.getOrDefault(d.domain(), -1.0))
                .thenComparingLong(d -> -d.observed().messages())
                .thenComparing(DomainComparison::domain));
        return order;
    }

    private void domainSection(DomainComparison domain, boolean charted) {
        out.append("<section class=\"domain").append(domain.divergences().isEmpty() ? "" : " diverged")
                .append("\" id=\"").append(anchors.get(domain.domain())).append("\">\n<h2>")
                .append(text(domain.domain())).append("</h2>\n<p>")
                .append(domain.site() == null ? "No KumoMTA site" : "KumoMTA site " + text(domain.site()))
                .append("; ").append(count(domain.observed().messages())).append(" messages; ")
                .append(domain.divergences().isEmpty() ? "within tolerance"
                        : domain.divergences().size() + " metric(s) diverge").append(".</p>\n");
        checks(domain);
        for (MetricCheck check : domain.divergences()) {
            out.append("<div class=\"why\"><h3>Why ").append(check.metric().key()).append(" differs</h3>\n");
            explanation(check);
            out.append("</div>\n");
        }
        if (charted) {
            charts(domain);
        }
        out.append("</section>\n");
    }

    private void checks(DomainComparison domain) {
        out.append("<table class=\"metrics\">\n<thead><tr><th>metric</th><th>observed</th><th>Momentum</th>")
                .append("<th>KumoMTA</th><th>change</th><th>tolerance</th><th>noise floor</th><th>verdict</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (MetricCheck check : domain.checks()) {
            out.append("<tr><td>").append(check.metric().key()).append("</td><td class=\"n\">")
                    .append(TerminalSummary.figure(check.observed()))
                    .append(estimated(domain.observed(), check.metric())).append("</td><td class=\"n\">")
                    .append(TerminalSummary.figure(check.momentum())).append("</td><td class=\"n\">")
                    .append(TerminalSummary.figure(check.kumomta())).append("</td><td class=\"n\">")
                    .append(TerminalSummary.change(check.relativeChange())).append("</td><td class=\"n\">")
                    .append(percent(check.tolerance())).append("</td><td class=\"n\">")
                    .append(percent(check.noiseFloor())).append("</td><td class=\"")
                    .append(check.diverged() ? "bad\">diverged" : "ok\">ok").append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static String estimated(DomainSnapshot observed, Metric metric) {
        return metric == Metric.CONNECTIONS && observed.connectionsEstimated() ? " (estimated)" : "";
    }

    private void charts(DomainComparison domain) {
        final ChartSeries series = domain.timelines() == null ? null
                : ChartSeries.of(domain.timelines(), result.rateWindowMinutes());
        if (series == null) {
            out.append("<p class=\"aside\">Nothing was delivered, deferred or connected to chart.</p>\n");
            return;
        }
        final SvgChart chart = new SvgChart(series.firstMinute(), series.minutesPerPoint(), series.points());
        out.append("<div class=\"charts\">\n");
        for (MetricCheck check : domain.checks()) {
            final List<double[]> lines = series.engines(check.metric(), domain.timelines());
            final double[] momentum = lines.get(1);
            final double allowed = check.tolerance() + check.noiseFloor();
            final double[] low = momentum == null ? null : new double[momentum.length];
            final double[] high = momentum == null ? null : new double[momentum.length];
            for (int i = 0; momentum != null && i < momentum.length; i++) {
                final double half = Math.max(allowed * Math.max(Math.abs(momentum[i]), 1.0), result.absoluteFloor());
                low[i] = momentum[i] - half;
                high[i] = momentum[i] + half;
            }
            out.append("<figure>\n<figcaption>").append(text(caption(check.metric(), series))).append("</figcaption>\n")
                    .append(chart.draw(domain.domain() + " " + check.metric().key(), lines, low, high))
                    .append('\n').append(legend(lines.get(0) == null, domain.observed().connectionsEstimated()
                            && check.metric() == Metric.CONNECTIONS)).append("</figure>\n");
        }
        out.append("</div>\n");
    }

    private String caption(Metric metric, ChartSeries series) {
        final String per = series.minutesPerPoint() == 1 ? "" : "; a point covers " + series.minutesPerPoint()
                + " minutes" + (metric == Metric.DEFERRALS ? " and gives its last value" : " and gives its highest");
        return switch (metric) {
            case DELIVERED_PER_MINUTE -> "Deliveries per minute, averaged over the " + result.rateWindowMinutes()
                    + "-minute rate window" + per;
            case CONNECTIONS -> "Most connections open at once in each minute" + per;
            case DEFERRALS -> "Deferrals so far (running total)" + per;
        } + ". Times are UTC.";
    }

    private static String legend(boolean noObserved, boolean observedEstimated) {
        return "<p class=\"legend\">" + (noObserved ? "" : "<span class=\"key observed\">log"
                + (observedEstimated ? " (estimated)" : "") + "</span> ")
                + "<span class=\"key momentum\">Momentum</span> <span class=\"key kumomta\">KumoMTA</span> "
                + "<span class=\"key band\">within tolerance of Momentum</span></p>";
    }

    private void parameters() {
        out.append("<section id=\"parameters\">\n<h2>Model parameters</h2>\n<table class=\"facts\">\n");
        new TreeMap<>(result.parameters()).forEach((name, value) -> fact(name, text(value)));
        out.append("</table>\n</section>\n");
    }

    /** @return every divergence with how far beyond what is allowed it goes, furthest first */
    private static List<Ranked> ranked(RehearsalResult result) {
        final List<Ranked> ranked = new ArrayList<>();
        for (DomainComparison domain : result.domains()) {
            for (MetricCheck check : domain.divergences()) {
                final double allowed = Math.max(check.tolerance() + check.noiseFloor(), 1e-9);
                ranked.add(new Ranked(domain, check, Math.abs(check.relativeChange()) / allowed));
            }
        }
        ranked.sort(Comparator.comparingDouble((Ranked r) -> -r.excess)
                .thenComparing(r -> r.domain.domain()).thenComparing(r -> r.check.metric()));
        return ranked;
    }

    private record Ranked(DomainComparison domain, MetricCheck check, double excess) {
    }

    private static String percent(double fraction) {
        return JsonWriter.number(Math.round(fraction * 1000) / 10.0) + "%";
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String text(String value) {
        return JunitXml.escape(Printable.of(value));
    }

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1180px;\
            padding:16px 24px;color:#1d2125;background:#fff}
            h1,h2,td,li{overflow-wrap:anywhere}
            h1{font-size:22px;margin:4px 0}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd}\
            h3{font-size:14px;margin:10px 0 4px}
            .verdict{display:inline-block;font-weight:700;padding:4px 12px;border-radius:4px;color:#fff}
            .verdict.pass{background:#2b8a3e}.verdict.diverged{background:#c92a2a}
            table{border-collapse:collapse;margin:6px 0}th,td{padding:3px 8px;border-bottom:1px solid #eee;\
            text-align:left;vertical-align:top}
            table.facts th{font-weight:400;color:#555}td.site{font-size:12px;word-break:break-all;max-width:200px}
            table.metrics th{background:#f4f5f7}td.n{text-align:right;font-variant-numeric:tabular-nums}
            tr.diverged td:first-child{border-left:3px solid #c92a2a}
            .bad{color:#c92a2a;font-weight:600}.ok{color:#2b8a3e}
            .explain{margin:2px 0 2px 16px;color:#444}.aside{color:#666;font-style:italic}
            ol.divergences li{margin-bottom:8px}
            section.domain{margin-top:20px}section.domain.diverged h2{color:#c92a2a}
            .charts{display:flex;flex-wrap:wrap;gap:6px 18px}figure{margin:6px 0}\
            figcaption{font-size:12px;color:#444;max-width:560px}
            svg.chart{display:block;max-width:100%;height:auto}
            .plot{fill:#fcfcfd;stroke:#ccc}.grid{stroke:#e6e6e6}.tick{font-size:10px;fill:#666}
            .line{fill:none;stroke-width:1.6;stroke-linejoin:round}
            .line.observed{stroke:#868e96;stroke-dasharray:4 3}.line.momentum{stroke:#1c7ed6}\
            .line.kumomta{stroke:#e8590c}
            .band{fill:#1c7ed6;fill-opacity:.14;stroke:none}
            .legend{font-size:12px;margin:2px 0}.key{margin-right:12px;white-space:nowrap}
            .key::before{content:"";display:inline-block;width:18px;height:3px;margin-right:5px;\
            vertical-align:middle}
            .key.observed::before{border-top:2px dashed #868e96;height:0}.key.momentum::before{background:#1c7ed6}
            .key.kumomta::before{background:#e8590c}.key.band::before{background:rgba(28,126,214,.14);height:10px}
            """;
}
