package dev.cutover.cli.report;

import dev.cutover.sim.compare.DomainComparison;
import dev.cutover.sim.compare.MetricCheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The summary printed at the end of a run: verdict, traffic, one row per domain and metric (domain, metric,
 * Momentum, KumoMTA, change, verdict), the explanation of each divergence, and the files written; and the shorter
 * look printed every second of a live rehearsal.
 *
 * <p>Colour only when {@code colour} is set, which the CLI does for a terminal that is not {@code dumb} and when
 * {@code NO_COLOR} is unset: the verdict and each row's verdict red when diverged and green when not. A table of
 * more rows than fit a screen keeps every diverged row and fills up with the busiest domains' rows; the rest are
 * counted, and are in report.html and divergences.csv.
 */
public final class TerminalSummary {
    /** The most rows of the final table, unless more diverge. */
    static final int FINAL_ROWS = 60;
    /** The most rows of a live look, unless more diverge. */
    static final int LIVE_ROWS = 24;
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String RESET = "\u001b[0m";

    private final boolean colour;

    public TerminalSummary(boolean colour) {
        this.colour = colour;
    }

    public String render(RehearsalResult result, List<Path> written) {
        final StringBuilder out = new StringBuilder();
        header(out, result);
        table(out, result.domains(), FINAL_ROWS, "are in report.html and divergences.csv");
        explanations(out, result.domains());
        result.lint().forEach(finding -> out.append("lint: ").append(Printable.of(finding)).append('\n'));
        result.notes().forEach(note -> out.append("note: ").append(Printable.of(note)).append('\n'));
        written.forEach(path -> out.append("wrote ").append(path).append('\n'));
        return out.toString();
    }

    private void header(StringBuilder out, RehearsalResult result) {
        final TrafficSummary t = result.traffic();
        final String verdict = result.verdict().equals("pass") ? paint(GREEN, "PASS")
                : paint(RED, "DIVERGED") + " (" + result.divergedDomains() + " of " + result.domains().size()
                + " domains)";
        out.append("cutover: ").append(Printable.of(result.scenario())).append(" - ").append(verdict).append('\n');
        out.append(String.format(Locale.ROOT, "traffic: %,d messages from %s to %s; %,d rejected lines; "
                        + "%,d without final outcome; %,d attempt lines with no reception line in the logs%n",
                t.messages(), ReportJson.iso(t.firstReceptionMicros()), ReportJson.iso(t.lastReceptionMicros()),
                t.rejectedLines(), t.noFinalOutcome(), t.orphanAttemptLines()));
    }

    /**
     * The live look: where the replay is, the verdict so far and the table.
     *
     * @param speed how many times faster than real time the replay is paced; infinite when not paced
     */
    public String renderLive(LiveLook look, double speed) {
        final StringBuilder out = new StringBuilder();
        out.append("cutover: ").append(Printable.of(look.scenario())).append(" - live, ")
                .append(Double.isInfinite(speed) ? "unpaced" : figure(speed) + "x real time").append('\n');
        out.append(String.format(Locale.ROOT, "log time %s, %,d messages replayed; so far ",
                ReportJson.iso(look.logTimeMicros()), look.messages()));
        out.append(look.divergedDomains() == 0 ? paint(GREEN, "within tolerance")
                : paint(RED, "DIVERGED") + " (" + look.divergedDomains() + " of " + look.domains().size()
                + " domains)").append('\n');
        table(out, look.domains(), LIVE_ROWS, "so far");
        return out.toString();
    }

    /** @return one line saying where a live rehearsal is, for output that is not a terminal */
    public static String liveLine(LiveLook look) {
        return String.format(Locale.ROOT, "cutover: live: log time %s, %,d messages replayed, %d of %d domains "
                + "diverge so far", ReportJson.iso(look.logTimeMicros()), look.messages(), look.divergedDomains(),
                look.domains().size());
    }

    /** @param rest what to say of the rows left out */
    private void table(StringBuilder out, List<DomainComparison> domains, int maxRows, String rest) {
        final List<Row> rows = rows(domains, maxRows);
        final int width = Math.max(6, rows.stream().mapToInt(r -> Printable.of(r.domain.domain()).length()).max()
                .orElse(6));
        final String row = "%-" + width + "s  %-20s  %10s  %10s  %8s  %s%n";
        out.append(String.format(Locale.ROOT, row, "domain", "metric", "momentum", "kumomta", "change", "verdict"));
        for (Row r : rows) {
            final MetricCheck check = r.check;
            out.append(String.format(Locale.ROOT, row, Printable.of(r.domain.domain()), check.metric().key(),
                    figure(check.momentum()), figure(check.kumomta()), change(check.relativeChange()),
                    check.diverged() ? paint(RED, "diverged") : paint(GREEN, "ok")));
        }
        final long all = domains.stream().mapToLong(d -> d.checks().size()).sum();
        if (all > rows.size()) {
            out.append(String.format(Locale.ROOT, "... %,d more rows of %,d quieter domains, all within tolerance, "
                    + "%s%n", all - rows.size(),
                    domains.size() - rows.stream().map(r -> r.domain.domain()).distinct().count(), rest));
        }
    }

    /**
     * @return every row when they fit in {@code maxRows}; otherwise every row of a domain with a divergence, then
     *         every row of the busiest other domains while they fit; in domain order
     */
    static List<Row> rows(List<DomainComparison> domains, int maxRows) {
        final long all = domains.stream().mapToLong(d -> d.checks().size()).sum();
        final Set<String> shown = new HashSet<>();
        if (all <= maxRows) {
            domains.forEach(domain -> shown.add(domain.domain()));
        } else {
            long count = 0;
            for (DomainComparison domain : domains) {
                if (!domain.divergences().isEmpty()) {
                    shown.add(domain.domain());
                    count += domain.checks().size();
                }
            }
            final List<DomainComparison> busiest = new ArrayList<>(domains);
            busiest.sort(Comparator.comparingLong((DomainComparison d) -> -d.observed().messages())
                    .thenComparing(DomainComparison::domain));
            for (DomainComparison domain : busiest) {
                if (!shown.contains(domain.domain()) && count + domain.checks().size() <= maxRows) {
                    shown.add(domain.domain());
                    count += domain.checks().size();
                }
            }
        }
        final List<Row> rows = new ArrayList<>();
        for (DomainComparison domain : domains) {
            if (shown.contains(domain.domain())) {
                domain.checks().forEach(check -> rows.add(new Row(domain, check)));
            }
        }
        return rows;
    }

    /** One row of the table. */
    record Row(DomainComparison domain, MetricCheck check) {
    }

    private static void explanations(StringBuilder out, List<DomainComparison> domains) {
        for (DomainComparison domain : domains) {
            for (MetricCheck check : domain.divergences()) {
                out.append("- ").append(Printable.of(domain.domain())).append(' ').append(check.metric().key())
                        .append(": ").append(Printable.of(check.explanation())).append('\n');
            }
        }
    }

    /** @return a metric's value for people: whole numbers grouped, others to one decimal, n/a when unknown */
    public static String figure(Double value) {
        if (value == null) {
            return "n/a";
        }
        if (!Double.isFinite(value) || Math.abs(value) >= 1e15) {
            return String.format(Locale.ROOT, "%.4g", value);
        }
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", value.longValue())
                : String.format(Locale.ROOT, "%,.1f", value);
    }

    /** @return a relative change as a signed whole percentage, n/a when unknown */
    public static String change(Double relative) {
        return relative == null ? "n/a" : String.format(Locale.ROOT, "%+.0f%%", relative * 100);
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }
}
