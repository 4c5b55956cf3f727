package dev.cutover.cli;

import dev.cutover.cli.CommandRuns.Result;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static dev.cutover.cli.CommandRuns.copy;
import static dev.cutover.cli.CommandRuns.cutover;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logs that are damaged or misdated, and scenario names that match nothing, as a run reports them. */
class DamagedInputEndToEndTest extends OnE2eEstate {
    @Test
    void run_compressedLogCutShort_notesWhereTheRestWasLost() throws IOException {
        final Path cut = dir.resolve("cut");
        copy(estate, cut);
        final Path log = cut.resolve("logs/mainlog.ec");
        final Path gz = cut.resolve("logs/mainlog.ec.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(log, out);
        }
        final byte[] whole = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(whole, whole.length / 2));
        Files.delete(log);
        Files.writeString(cut.resolve("scenario.toml"), Files.readString(cut.resolve("scenario.toml"))
                .replace("logs/mainlog.ec", "logs/mainlog.ec.gz"));

        final Result result = cutover("run", cut.toString(), "--out", dir.resolve("out-cut").toString());

        assertTrue(result.status() <= 1, result.err());
        assertTrue((result.out() + result.err()).matches("(?s).*note: mainlog\\.ec\\.gz:\\d+: the compressed data "
                + "is damaged here \\(cut short or corrupted\\), and whatever the file held from here on is missing "
                + "from the replay.*"), result.out() + result.err());
    }

    @Test
    void run_oneReceptionStampedTenDaysAhead_setAsideAndTheRestReplayed() throws IOException {
        final Path skewed = dir.resolve("skewed");
        copy(estate, skewed);
        final Path log = skewed.resolve("logs/mainlog.ec");
        final List<String> lines = Files.readAllLines(log);
        final int at = 40;
        final String line = lines.get(at);
        assertTrue(line.contains("@R@"), line);
        final long time = Long.parseLong(line.substring(0, line.indexOf('@')));
        lines.set(at, (time + 10 * 86_400) + line.substring(line.indexOf('@')));
        Files.write(log, lines);

        final Result result = cutover("run", skewed.toString(), "--out", dir.resolve("out-skewed").toString());
        final String rejects = Files.readString(dir.resolve("out-skewed/rejects.tsv"));

        assertTrue(result.status() <= 1, result.err());
        assertTrue(rejects.contains("mainlog.ec\t" + (at + 1) + "\tBAD_TIMESTAMP\t"), rejects);
        assertTrue(result.out().contains("traffic: 5,999 messages"), result.out());
        assertTrue(result.out().contains("; 0 without final outcome;"), result.out());
    }

    @Test
    void run_bindingGroupsNamingOneTheLogsLack_notesIt() throws IOException {
        final Path named = E2eEstate.copyEditing(estate, dir.resolve("named"), "scenario.toml",
                toml -> toml.replace("logs = [\"logs/mainlog.ec\"]", "logs = [\"logs/mainlog.ec\"]\n"
                        + "binding_groups = [\"pool\", \"nosuchgroup\"]"));

        final Result result = cutover("run", named.toString(), "--out", dir.resolve("out-named").toString());

        assertTrue(result.status() <= 1, result.err());
        assertEquals(true, (result.out() + result.err()).contains("note: scenario.toml: [traffic] binding_groups "
                + "names \"nosuchgroup\", of which the logs hold no message"), result.out() + result.err());
    }
}
