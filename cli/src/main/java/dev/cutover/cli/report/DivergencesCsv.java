package dev.cutover.cli.report;

import dev.cutover.sim.compare.DomainComparison;
import dev.cutover.sim.compare.MetricCheck;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes {@code divergences.csv}: one row per domain and metric, every check of the report, diverged or not, in the
 * report's order (domains by name, metrics in the report's order), so a spreadsheet or a CI step can filter it.
 * Numbers are written as in {@code report.json}; a value an engine cannot know is an empty field. Lines end with a
 * line feed; fields holding a comma, quote or line break are quoted as RFC 4180 says.
 */
public final class DivergencesCsv {
    /** The columns, in order. */
    public static final String[] HEADER = {"domain", "site", "metric", "observed", "momentum", "kumomta",
        "relative_change", "tolerance", "noise_floor", "verdict", "explanation"};

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator('\n')
            .get();

    private DivergencesCsv() {
    }

    public static String write(RehearsalResult result) {
        final StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            for (DomainComparison domain : result.domains()) {
                for (MetricCheck check : domain.checks()) {
                    printer.printRecord(domain.domain(), domain.site(), check.metric().key(), number(check.observed()),
                            number(check.momentum()), number(check.kumomta()), number(check.relativeChange()),
                            number(check.tolerance()), number(check.noiseFloor()),
                            check.diverged() ? "diverged" : "ok", check.explanation());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String number(Double value) {
        return value == null ? "" : JsonWriter.number(value);
    }
}
