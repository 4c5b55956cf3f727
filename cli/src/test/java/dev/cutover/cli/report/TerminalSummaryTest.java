package dev.cutover.cli.report;

import dev.cutover.sim.DomainMetrics;
import dev.cutover.sim.DomainSnapshot;
import dev.cutover.sim.compare.DomainComparison;
import dev.cutover.sim.compare.Metric;
import dev.cutover.sim.compare.MetricCheck;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The terminal table: colour only when asked, and every diverged row kept when the table is cut short. */
class TerminalSummaryTest {

    @Test
    void rows_moreThanFit_keepEveryDivergedRowThenTheBusiestDomains() {
        final List<DomainComparison> domains = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            domains.add(domain(String.format("d%02d.example", i), 1000 + i, i == 3 || i == 17));
        }

        final List<TerminalSummary.Row> rows = TerminalSummary.rows(domains, 12);

        assertEquals(List.of("d03.example", "d17.example", "d28.example", "d29.example"),
                rows.stream().map(r -> r.domain().domain()).distinct().toList(),
                "the two diverged, then the two busiest, in domain order");
        assertEquals(12, rows.size());
        assertEquals(90, TerminalSummary.rows(domains, 90).size(), "all when they fit");
    }

    @Test
    void renderLive_cutShort_countsTheRowsLeftOutAndColoursOnlyWhenAsked() {
        final List<DomainComparison> domains = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            domains.add(domain(String.format("d%02d.example", i), 1000 + i, i == 3));
        }
        final LiveLook look = new LiveLook("demo", 1_717_394_400_000_000L, 12_345, domains);

        final String plain = new TerminalSummary(false).renderLive(look, 60);
        final String coloured = new TerminalSummary(true).renderLive(look, 60);

        assertTrue(plain.startsWith("cutover: demo - live, 60x real time\n"
                + "log time 2024-06-03T06:00:00Z, 12,345 messages replayed; so far DIVERGED (1 of 30 domains)\n"),
                plain);
        assertTrue(plain.contains("... 66 more rows of 22 quieter domains, all within tolerance, so far\n"), plain);
        assertFalse(plain.contains("\u001b["), "no colour unless asked");
        assertTrue(coloured.contains("\u001b[31mdiverged\u001b[0m"), coloured);
        assertTrue(coloured.contains("\u001b[32mok\u001b[0m"), coloured);
        assertEquals("cutover: live: log time 2024-06-03T06:00:00Z, 12,345 messages replayed, 1 of 30 domains "
                + "diverge so far", TerminalSummary.liveLine(look));
    }

    @Test
    void render_domainWithEscapesAndAReversingCharacter_showsThemAsCodesInTheTerminalAndThePage() {
        final List<DomainComparison> domains = List.of(domain("evil\u001b[2J.example", 10, true),
                domain("\u202Emoc.elpmaxe", 10, false));
        final RehearsalResult result = new RehearsalResult("demo", 1, new TrafficSummary(20, 0, 0, 0, 0, 0, 0),
                domains, Map.of(), List.of("note naming evil\u001b[2J.example"), List.of(), 10, 2);

        final String terminal = new TerminalSummary(true).render(result, List.of());
        final String page = ReportHtml.write(result);

        assertFalse(terminal.contains("\u001b[2J") || terminal.contains("\u202E"), terminal);
        assertTrue(terminal.contains("evil\\u001B[2J.example") && terminal.contains("\\u202Emoc.elpmaxe"), terminal);
        assertTrue(terminal.contains("note: note naming evil\\u001B[2J.example"), terminal);
        assertFalse(page.contains("\u001b") || page.contains("\u202E"), "the page shows codes, not the characters");
        assertTrue(page.contains("\\u202Emoc.elpmaxe"), "and names the domain with them");
    }

    private static DomainComparison domain(String name, int messages, boolean diverged) {
        final DomainMetrics metrics = new DomainMetrics();
        for (int i = 0; i < messages; i++) {
            metrics.received(0);
        }
        final DomainSnapshot snapshot = metrics.snapshot();
        final List<MetricCheck> checks = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            final boolean off = diverged && metric == Metric.DELIVERED_PER_MINUTE;
            checks.add(new MetricCheck(metric, 100.0, 100.0, off ? 50.0 : 100.0, off ? -0.5 : 0.0, 0.1, 0.0, off,
                    "Momentum: a. KumoMTA: b."));
        }
        return new DomainComparison(name, null, snapshot, snapshot, snapshot, checks, null);
    }
}
