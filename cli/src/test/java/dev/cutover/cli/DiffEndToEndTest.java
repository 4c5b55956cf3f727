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
class DiffEndToEndTest extends OnE2eEstate {
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

    @Test
    void diff_reportEditedToHoldWhatCutoverNeverWrites_exitsTwoNamingThePlace() throws IOException {
        cutover("run", estate.toString(), "--out", dir.resolve("good").toString());
        final String report = Files.readString(dir.resolve("good/report.json"));
        final String firstMomentum = "\"momentum\": ";
        final int checks = report.indexOf("\"checks\"");
        final int at = report.indexOf(firstMomentum, checks) + firstMomentum.length();
        final int end = report.indexOf(',', at);
        final String[][] edits = {{"\"fast\"", "is \"fast\", not a number"}, {"NaN", "is \"NaN\", not a number"},
            {"true", "is true, not a number"}, {"{}", "is {}, not a number"}};

        for (String[] edit : edits) {
            final Path edited = Files.writeString(dir.resolve("edited.json"),
                    report.substring(0, at) + edit[0] + report.substring(end));
            final Result result = cutover("diff", dir.resolve("good").toString(), edited.toString());

            assertEquals(2, result.status(), edit[0] + ": " + result.out() + result.err());
            assertTrue(result.err().contains("edited.json: domains[0].checks[0].momentum " + edit[1]
                    + "; expected a report.json as cutover writes it"), result.err());
            assertEquals("", result.out(), "nothing printed before the report is known to be sound");
        }
    }

    @Test
    void diff_binaryOrTruncatedFile_saysWhatItIsWithoutTheParsersInternals() throws IOException {
        final Path binary = Files.write(dir.resolve("binary.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        final Path cut = Files.writeString(dir.resolve("cut.json"), "{\"schema\": 1,\n \"domains\": [}");

        final Result fromBinary = cutover("diff", binary.toString(), binary.toString());
        final Result fromCut = cutover("diff", cut.toString(), cut.toString());

        assertEquals(2, fromBinary.status());
        assertTrue(fromBinary.err().contains("binary.json: not UTF-8 text, so not a report.json"), fromBinary.err());
        assertEquals(2, fromCut.status());
        assertTrue(fromCut.err().contains("cut.json: not JSON (line 2, column"), fromCut.err());
        assertTrue(!fromCut.err().contains("LENIENT") && !fromCut.err().contains("github"), fromCut.err());
    }

    @Test
    void diff_reportsOfDifferentScenarios_saysSo() throws IOException {
        cutover("run", estate.toString(), "--out", dir.resolve("one").toString());
        final String report = Files.readString(dir.resolve("one/report.json"));
        final Path renamed = Files.writeString(dir.resolve("renamed.json"),
                report.replaceFirst("\"scenario\": \"[^\"]*\"", "\"scenario\": \"pool b\""));

        final Result result = cutover("diff", dir.resolve("one").toString(), renamed.toString());

        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().startsWith("note: the reports are of different scenarios ("), result.out());
    }
}
