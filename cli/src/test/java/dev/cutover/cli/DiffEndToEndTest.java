package dev.cutover.cli;

import dev.cutover.cli.CommandRuns.Result;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.cutover.cli.CommandRuns.cutover;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code cutover diff}: what a change to the shaping did, for CI. */
class DiffEndToEndTest extends E2eEstateTest {
    @Test
    void diff_yahooRateDoubled_exitsOneNamingTheMovedMetric() throws IOException {
        final Path changed = E2eEstate.copyEditing(estate, dir.resolve("faster"), "kumo/shaping.toml",
                toml -> toml.replace("max_message_rate = \"30/min\"", "max_message_rate = \"60/min\""));
        cutover("run", estate.toString(), "--out", dir.resolve("before").toString());
        cutover("run", changed.toString(), "--out", dir.resolve("after").toString());

        final Result result = cutover("diff", dir.resolve("before").toString(),
                dir.resolve("after/report.json").toString());

        assertEquals(1, result.status(), result.err());
        assertTrue(result.out().matches("(?s).*\\nyahoo\\.com +delivered_per_minute +kumomta +[0-9.,]+ +[0-9.,]+ "
                + "+\\+\\d+% +moved\\n.*"), result.out());
        assertTrue(result.out().matches("(?s).*\\n\\d+ of \\d+ values moved beyond tolerance\\n"), result.out());
    }

    @Test
    void diff_sameReportTwice_exitsZero() throws IOException {
        cutover("run", estate.toString(), "--out", dir.resolve("same").toString());

        final Result result = cutover("diff", dir.resolve("same").toString(), dir.resolve("same").toString());

        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().matches("(?s).*\\n0 of \\d+ values moved beyond tolerance\\n"), result.out());
    }

    @Test
    void diff_notAReport_exitsTwoNamingTheFile() throws IOException {
        final Path broken = Files.writeString(dir.resolve("broken.json"), "{\"schema\": 1, \"domains\": ");
        final Path other = Files.writeString(dir.resolve("other.json"), "{\"name\": \"not a report\"}");

        final Result notJson = cutover("diff", broken.toString(), broken.toString());
        final Result notReport = cutover("diff", other.toString(), other.toString());

        assertEquals(2, notJson.status());
        assertTrue(notJson.err().contains("broken.json: not JSON"), notJson.err());
        assertEquals(2, notReport.status());
        assertTrue(notReport.err().contains("other.json: expected a report.json of schema 1 with domains"),
                notReport.err());
    }
}
