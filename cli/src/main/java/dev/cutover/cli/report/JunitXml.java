package dev.cutover.cli.report;

import dev.cutover.sim.compare.DomainComparison;
import dev.cutover.sim.compare.MetricCheck;

/**
 * Writes {@code junit.xml} in the JUnit XML form CI systems read (one {@code testsuite} inside
 * {@code testsuites}): one test case per domain and metric, named {@code "<domain> <metric>"} in a class named after
 * the scenario, so a CI system lists each divergence by name. A divergence is a {@code failure} whose message gives
 * both engines' values, the change and the tolerance and noise floor it went beyond, and whose text is the
 * explanation. Times are 0: the report says nothing about how long a check took, and the file stays the same
 * from run to run.
 */
public final class JunitXml {

    private JunitXml() {
    }

    public static String write(RehearsalResult result) {
        final long tests = result.domains().stream().mapToLong(d -> d.checks().size()).sum();
        final long failures = result.domains().stream().mapToLong(d -> d.divergences().size()).sum();
        final String suite = "cutover." + result.scenario();
        final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuites name=\"cutover\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"0\" time=\"0\">\n");
        out.append("  <testsuite name=\"").append(escape(suite)).append("\" tests=\"").append(tests)
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\" time=\"0\">\n");
        for (DomainComparison domain : result.domains()) {
            for (MetricCheck check : domain.checks()) {
                out.append("    <testcase classname=\"").append(escape(suite)).append("\" name=\"")
                        .append(escape(domain.domain() + " " + check.metric().key())).append("\" time=\"0\"");
                if (!check.diverged()) {
                    out.append("/>\n");
                    continue;
                }
                out.append(">\n      <failure type=\"divergence\" message=\"").append(escape(message(check)))
                        .append("\">").append(escape(check.explanation())).append("</failure>\n    </testcase>\n");
            }
        }
        return out.append("  </testsuite>\n</testsuites>\n").toString();
    }

    /** @return e.g. {@code momentum 432.7, kumomta 325 (-25%), beyond tolerance 10% plus noise floor 0.2%}, the
     * figures as the terminal summary gives them */
    static String message(MetricCheck check) {
        return "momentum " + TerminalSummary.figure(check.momentum()) + ", kumomta "
                + TerminalSummary.figure(check.kumomta()) + " (" + TerminalSummary.change(check.relativeChange())
                + "), beyond tolerance " + percent(check.tolerance()) + " plus noise floor "
                + percent(check.noiseFloor());
    }

    private static String percent(double fraction) {
        return JsonWriter.number(fraction * 100) + "%";
    }

    /** @return {@code text} escaped for XML text and attributes; characters XML 1.0 cannot hold become '?' */
    static String escape(String text) {
        final StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append("&#10;");
                case '\t' -> out.append("&#9;");
                default -> {
                    if (c < 0x20 || c >= 0xD800 && c <= 0xDFFF || c == 0xFFFE || c == 0xFFFF) {
                        out.append('?');
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
