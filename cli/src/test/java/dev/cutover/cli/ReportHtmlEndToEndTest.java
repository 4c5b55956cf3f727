package dev.cutover.cli;

import dev.cutover.cli.CommandRuns.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.cutover.cli.CommandRuns.cutover;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** report.html as a run writes it: its sections, its charts, and that it needs nothing from anywhere else. */
class ReportHtmlEndToEndTest extends OnE2eEstate {
    private static String html;
    private static Document page;
    private static Result run;

    @BeforeAll
    static void run() throws Exception {
        run = cutover("run", estate.toString(), "--out", dir.resolve("a").toString());
        html = Files.readString(dir.resolve("a/report.html"));
        page = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("a/report.html").toFile());
    }

    @Test
    void run_writesTheHtmlReportFirstAndTheSameTwice() throws IOException, URISyntaxException {
        final Result again = cutover("run", estate.toString(), "--out", dir.resolve("b").toString());

        assertEquals(1, run.status(), run.err());
        assertTrue(run.out().contains("wrote " + dir.resolve("a/report.html")), run.out());
        assertEquals(html, Files.readString(dir.resolve("b/report.html")), "the same run twice");
        assertEquals(1, again.status());
    }

    @Test
    void page_isSelfContained() {
        assertFalse(html.contains("<script"), "no script");
        assertFalse(html.contains("src="), "nothing loaded");
        assertFalse(html.contains("url("), "no style fetches anything");
        assertFalse(html.contains("@import"), "no style sheet fetched");
        final Matcher http = Pattern.compile("https?://[^\"]*").matcher(html);
        while (http.find()) {
            assertTrue(http.group().equals("http://www.w3.org/1999/xhtml")
                    || http.group().equals("http://www.w3.org/2000/svg"), http.group());
        }
    }

    @Test
    void top_givesTheVerdictTrafficAndTheLargestDivergencesWithTheirExplanations() {
        final Element verdict = byId("verdict");
        assertTrue(text(verdict).contains("DIVERGED"), text(verdict));
        assertTrue(text(verdict).contains("messages replayed"), text(verdict));
        final Element top = byId("top-divergences");
        final List<Element> items = elements(top, "li");
        assertFalse(items.isEmpty());
        assertTrue(text(items.get(0)).matches("(?s)\\S+ \\w+: Momentum [0-9.,]+, KumoMTA [0-9.,]+ \\([-+]\\d+%; "
                + "allowed ±[0-9.]+%\\).*Momentum: .*KumoMTA: .*"), text(items.get(0)));
        final String yahoo = items.stream().map(ReportHtmlEndToEndTest::text)
                .filter(t -> t.startsWith("yahoo.com delivered_per_minute")).findFirst().orElse(null);
        assertNotNull(yahoo, "the yahoo rate, which the estate halves, is among the largest");
        for (Element item : items) {
            final String target = elements(item, "a").get(0).getAttribute("href").substring(1);
            assertEquals("section", byId(target).getTagName(), "each links to its domain's section");
        }
    }

    @Test
    void domains_eachHaveTheirMetricsAndThreeChartsWithEveryEngineAndTheBand() {
        final List<Element> sections = new ArrayList<>();
        for (Element section : elements(page.getDocumentElement(), "section")) {
            if (section.getAttribute("class").startsWith("domain")) {
                sections.add(section);
            }
        }
        final List<Element> indexRows = elements(elements(byId("domains"), "tbody").get(0), "tr");
        assertEquals(indexRows.size(), sections.size(), "a section per domain in the index");
        assertTrue(sections.get(0).getAttribute("class").contains("diverged"), "diverged domains come first");
        for (Element section : sections) {
            final List<Element> figures = elements(section, "figure");
            assertEquals(3, figures.size(), section.getAttribute("id"));
            final List<String> captions = figures.stream().map(f -> text(elements(f, "figcaption").get(0)))
                    .toList();
            assertTrue(captions.get(0).startsWith("Deliveries per minute, averaged over the 10-minute rate window"),
                    captions.get(0));
            assertTrue(captions.get(1).startsWith("Most connections open at once"), captions.get(1));
            assertTrue(captions.get(2).startsWith("Deferrals so far"), captions.get(2));
            for (Element figure : figures) {
                final List<String> lines = elements(figure, "polyline").stream()
                        .map(l -> l.getAttribute("class")).toList();
                assertTrue(lines.containsAll(List.of("line momentum", "line kumomta")), lines.toString());
                assertEquals(1, elements(figure, "path").size(), "the tolerance band");
            }
            assertEquals(4, elements(elements(section, "table").get(0), "tr").size(), "a row per metric");
        }
    }

    private static Element byId(String id) {
        for (Element element : elements(page.getDocumentElement(), "*")) {
            if (id.equals(element.getAttribute("id"))) {
                return element;
            }
        }
        throw new AssertionError("no element with id " + id);
    }

    private static List<Element> elements(Element parent, String tag) {
        final NodeList nodes = parent.getElementsByTagName(tag);
        final List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static String text(Node node) {
        return node.getTextContent().replaceAll("\\s+", " ").trim();
    }
}
