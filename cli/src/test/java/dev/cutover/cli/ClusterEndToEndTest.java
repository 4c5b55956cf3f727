package dev.cutover.cli;

import dev.cutover.ingest.MessageCursor;
import dev.cutover.ingest.MessageRecord;
import dev.cutover.ingest.synth.DomainBehaviour;
import dev.cutover.ingest.synth.MainlogSynthesizer;
import dev.cutover.ingest.synth.RetrySchedule;
import dev.cutover.ingest.synth.SynthSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.cutover.cli.CommandRuns.copy;
import static dev.cutover.cli.CommandRuns.cutover;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A two-node cluster scenario: both nodes' mainlogs are synthesized with one seed, so their first 2,000 message
 * ids are the same, over the same two hours, so their lines interleave. Keyed by node, all 3,000 + 2,000
 * messages replay and no line is set aside.
 */
class ClusterEndToEndTest {
    private static final String NODE_LOGS = String.join("\n", "logs = [",
            "  { path = \"mta1/mainlog.ec\", node = \"mta1\" },",
            "  { path = \"mta2/mainlog.ec*\", node = \"mta2\" },",
            "]", "");

    @TempDir
    static Path dir;

    static Path estate;

    @BeforeAll
    static void estate() throws IOException, URISyntaxException {
        System.setProperty("chronicle.analytics.disable", "true");
        estate = dir.resolve("cluster-estate");
        copy(Path.of(ClusterEndToEndTest.class.getResource("/e2e/scenario.toml").toURI()).getParent(), estate);
        writeMainlog("mta1", 3000);
        writeMainlog("mta2", 2000);
        Files.writeString(estate.resolve("scenario.toml"), Files.readString(estate.resolve("scenario.toml"))
                .replace("logs = [\"logs/mainlog.ec\"]\n", NODE_LOGS));
    }

    private static void writeMainlog(String node, int messages) throws IOException {
        Files.createDirectories(estate.resolve(node));
        try (Writer out = Files.newBufferedWriter(estate.resolve(node + "/mainlog.ec"), StandardCharsets.UTF_8)) {
            new MainlogSynthesizer().write(spec(messages), out);
        }
    }

    private static SynthSpec spec(int messages) {
        final Map<String, DomainBehaviour> behaviours = Map.of(
                "gmail.com", new DomainBehaviour(0.03, 0.01, 60, 20),
                "yahoo.com", new DomainBehaviour(0.05, 0.01, 60, 20));
        return new SynthSpec(11, SynthSpec.DEMO_START_EPOCH_SECONDS, 7200, messages, "pool",
                List.of("pool-a", "pool-b"), Map.of("gmail.com", 50.0, "yahoo.com", 50.0), behaviours, 1.0,
                RetrySchedule.MOMENTUM_DEFAULT);
    }

    @Test
    void run_twoNodesWithCollidingIds_replaysTheSumOfBothNodesMessages() throws IOException {
        final Path out = dir.resolve("out-cluster");

        final CommandRuns.Result result = cutover("run", estate.toString(), "--out", out.toString());
        final String report = Files.readString(out.resolve("report.json"));

        assertTrue(result.status() == 0 || result.status() == 1, result.err());
        assertTrue(report.contains("\"messages\": 5000,"), report.substring(0, 400));
        assertTrue(report.contains("\"rejected_lines\": 0,"), report.substring(0, 400));
        assertTrue(report.contains("\"orphan_attempt_lines\": 0,"), report.substring(0, 400));
        assertTrue(result.out().contains("5,000 messages"), result.out());
    }

    @Test
    void run_nodeRenamed_storeRebuiltUnderTheNewName() throws IOException {
        final Path renamed = dir.resolve("renamed");
        copy(estate, renamed);
        cutover("run", renamed.toString(), "--out", dir.resolve("out-before").toString());
        Files.writeString(renamed.resolve("scenario.toml"), Files.readString(renamed.resolve("scenario.toml"))
                .replace("node = \"mta2\"", "node = \"east\""));

        cutover("run", renamed.toString(), "--out", dir.resolve("out-after").toString());

        assertEquals(Map.of("mta1", 3000L, "east", 2000L), messagesByNode(renamed.resolve(".cutover/store")));
    }

    private static Map<String, Long> messagesByNode(Path store) {
        final Map<String, Long> counts = new TreeMap<>();
        try (ScenarioStore opened = ScenarioStore.openForAppend(store);
             MessageCursor cursor = opened.traffic().cursor()) {
            for (MessageRecord message = cursor.next(); message != null; message = cursor.next()) {
                counts.merge(message.node(), 1L, Long::sum);
            }
        }
        return counts;
    }
}
