package dev.cutover.cli.report;

import dev.cutover.sim.compare.DomainComparison;
import dev.cutover.sim.compare.MetricCheck;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The summary printed at the end of a run: verdict, traffic, one row per domain and metric (domain, metric,
 * Momentum, KumoMTA, change, verdict), the explanation of each divergence, and the files written. Colour only
 * when {@code colour} is set (the CLI sets it for a terminal).
 */
public final class TerminalSummary {
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
        table(out, result.domains());
        explanations(out, result.domains());
        result.notes().forEach(note -> out.append("note: ").append(note).append('\n'));
        written.forEach(path -> out.append("wrote ").append(path).append('\n'));
        return out.toString();
    }

    private void header(StringBuilder out, RehearsalResult result) {
        final TrafficSummary t = result.traffic();
        final String verdict = result.verdict().equals("pass") ? paint(GREEN, "PASS")
                : paint(RED, "DIVERGED") + " (" + result.divergedDomains() + " of " + result.domains().size()
                + " domains)";
        out.append("cutover: ").append(result.scenario()).append(" - ").append(verdict).append('\n');
        out.append(String.format(Locale.ROOT, "traffic: %,d messages from %s to %s; %,d rejected lines; "
                        + "%,d without final outcome; %,d attempt lines with no reception line in the logs%n",
                t.messages(), ReportJson.iso(t.firstReceptionMicros()), ReportJson.iso(t.lastReceptionMicros()),
                t.rejectedLines(), t.noFinalOutcome(), t.orphanAttemptLines()));
    }

    private void table(StringBuilder out, List<DomainComparison> domains) {
        final int width = Math.max(6, domains.stream().mapToInt(d -> d.domain().length()).max().orElse(6));
        final String row = "%-" + width + "s  %-20s  %10s  %10s  %8s  %s%n";
        out.append(String.format(Locale.ROOT, row, "domain", "metric", "momentum", "kumomta", "change", "verdict"));
        for (DomainComparison domain : domains) {
            for (MetricCheck check : domain.checks()) {
                out.append(String.format(Locale.ROOT, row, domain.domain(), check.metric().key(),
                        figure(check.momentum()), figure(check.kumomta()), change(check.relativeChange()),
                        check.diverged() ? paint(RED, "diverged") : "ok"));
            }
        }
    }

    private static void explanations(StringBuilder out, List<DomainComparison> domains) {
        for (DomainComparison domain : domains) {
            for (MetricCheck check : domain.divergences()) {
                out.append("- ").append(domain.domain()).append(' ').append(check.metric().key()).append(": ")
                        .append(check.explanation()).append('\n');
            }
        }
    }

    /** @return a metric's value for people: whole numbers grouped, others to one decimal, n/a when unknown */
    public static String figure(Double value) {
        if (value == null) {
            return "n/a";
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
