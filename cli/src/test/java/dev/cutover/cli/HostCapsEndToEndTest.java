package dev.cutover.cli;

import dev.cutover.cli.CommandRuns.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.cutover.cli.CommandRuns.cutover;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Momentum's Host stanzas through the command: the caps it applies, and the options it names as left out. */
class HostCapsEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void runAndExplain_hostStanzas_capsAppliedAndTheRestNamed() throws IOException, URISyntaxException {
        final Path estate = E2eEstate.copyEditing(E2eEstate.create(dir), dir.resolve("hosts"), "ecelerity.conf",
                conf -> conf + "Host \"mta5.am0.yahoodns.net\" {\n  max_outbound_connections = 1\n}\n"
                        + "Host \"mta6.am0.yahoodns.net\" {\n  max_outbound_connections = 1\n"
                        + "  rollup_mx = true\n}\n");

        final Result run = cutover("run", estate.toString(), "--out", dir.resolve("out").toString());
        final String report = Files.readString(dir.resolve("out/report.json"));
        final Result explained = cutover("explain", estate.toString(), "yahoo.com", "--source", "pool-a");

        assertTrue(run.status() <= 1, run.err());
        assertTrue((run.out() + run.err()).contains("note: momentum: Host \"mta6.am0.yahoodns.net\" at "
                + "ecelerity.conf:22 sets rollup_mx, which the model does not apply, so Momentum's doing so is not in "
                + "its results"), run.out() + run.err());
        assertTrue(report.contains("the best MX host with room takes each new connection, under the caps of its "
                + "Host stanza: mta5.am0.yahoodns.net 1 per binding [ecelerity.conf:20 Host \\\"mta5.am0.yahoodns.net"
                + "\\\"], mta6.am0.yahoodns.net 1 per binding [ecelerity.conf:23 Host \\\"mta6.am0.yahoodns.net\\\"]"),
                report);
        assertEquals(0, explained.status(), explained.err());
        assertTrue(explained.out().contains("    MX mta5.am0.yahoodns.net              1 connections from this "
                + "binding  [ecelerity.conf:20 Host \"mta5.am0.yahoodns.net\"]"), explained.out());
    }
}
