package dev.cutover.cli;

import dev.cutover.cli.CommandRuns.Result;
import dev.cutover.cli.report.DivergencesCsv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.cutover.cli.CommandRuns.cutover;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** divergences.csv and junit.xml, as a run writes them beside report.json. */
class ReportFilesEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void run_writesOneCsvRowAndOneTestCasePerDomainAndMetric_divergencesAlike() throws Exception {
        final Path estate = E2eEstate.create(dir);

        final Result first = cutover("run", estate.toString(), "--out", dir.resolve("a").toString());
        final Result second = cutover("run", estate.toString(), "--out", dir.resolve("b").toString());
        final String csv = Files.readString(dir.resolve("a/divergences.csv"));
        final String junit = Files.readString(dir.resolve("a/junit.xml"));

        assertEquals(1, first.status(), first.err());
        assertTrue(first.out().contains("wrote " + dir.resolve("a/divergences.csv")), first.out());
        assertTrue(first.out().contains("wrote " + dir.resolve("a/junit.xml")), first.out());
        assertEquals(csv, Files.readString(dir.resolve("b/divergences.csv")), "the same run twice");
        assertEquals(junit, Files.readString(dir.resolve("b/junit.xml")), "the same run twice");
        assertEquals(1, second.status());

        final List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertArrayEquals(DivergencesCsv.HEADER, CSVFormat.DEFAULT.parse(new StringReader(csv)).iterator().next()
                .values());
        final Set<String> divergedRows = new TreeSet<>();
        for (CSVRecord row : rows) {
            if (row.get("verdict").equals("diverged")) {
                divergedRows.add(row.get("domain") + " " + row.get("metric"));
            }
        }
        assertTrue(divergedRows.contains("yahoo.com delivered_per_minute"), divergedRows.toString());

        final Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("a/junit.xml").toFile());
        final NodeList cases = xml.getElementsByTagName("testcase");
        final Set<String> failing = new TreeSet<>();
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            final Element testcase = (Element) cases.item(i);
            names.add(testcase.getAttribute("name"));
            if (testcase.getElementsByTagName("failure").getLength() > 0) {
                failing.add(testcase.getAttribute("name"));
            }
        }
        assertEquals(rows.size(), cases.getLength(), "a test case per row");
        assertEquals(rows.stream().map(r -> r.get("domain") + " " + r.get("metric")).toList(), names);
        assertEquals(divergedRows, failing);
        final Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertEquals(String.valueOf(rows.size()), suite.getAttribute("tests"));
        assertEquals(String.valueOf(failing.size()), suite.getAttribute("failures"));
        assertTrue(junit.matches("(?s).*<failure type=\"divergence\" message=\"momentum [0-9.,]+, kumomta [0-9.,]+ "
                + "\\(-\\d+%\\), beyond tolerance 10% plus noise floor [0-9.]+%\">Momentum: .*"), junit);
    }
}
