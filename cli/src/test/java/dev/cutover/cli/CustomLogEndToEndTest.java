package dev.cutover.cli;

import dev.cutover.ingest.AttemptKind;
import dev.cutover.ingest.MainlogParser;
import dev.cutover.ingest.ParsedLine;
import dev.cutover.ingest.ParsedLine.AttemptLine;
import dev.cutover.ingest.synth.DomainBehaviour;
import dev.cutover.ingest.synth.MainlogSynthesizer;
import dev.cutover.ingest.synth.RetrySchedule;
import dev.cutover.ingest.synth.SynthSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.cutover.cli.CommandRuns.copy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scenario given only custom_logger files: a synthesized mainlog is rewritten as three CSV stage files
 * (delivery, transient_failure, permanent_failure) that must replay all 3,000 of its messages.
 */
class CustomLogEndToEndTest {
    private static final String FORMAT = "%t,%i,%g,%b,%R,%d,%H,%N,%T{2},%S,%n";
    private static final Map<AttemptKind, String> STAGES = Map.of(
            AttemptKind.D, "delivery", AttemptKind.T, "transient_failure", AttemptKind.P, "permanent_failure");

    @TempDir
    static Path dir;

    static Path estate;

    @BeforeAll
    static void estate() throws IOException, URISyntaxException {
        System.setProperty("chronicle.analytics.disable", "true");
        estate = dir.resolve("custom-estate");
        copy(Path.of(CustomLogEndToEndTest.class.getResource("/e2e/scenario.toml").toURI()).getParent(), estate);
        Files.createDirectories(estate.resolve("logs"));
        final StringWriter mainlog = new StringWriter();
        new MainlogSynthesizer().write(spec(), mainlog);
        writeStageFiles(mainlog.toString().lines().toList());
        Files.writeString(estate.resolve("scenario.toml"), Files.readString(estate.resolve("scenario.toml"))
                .replace("logs = [\"logs/mainlog.ec\"]\n", customLogTables()));
    }

    private static SynthSpec spec() {
        final Map<String, DomainBehaviour> behaviours = Map.of(
                "gmail.com", new DomainBehaviour(0.05, 0.02, 60, 20),
                "yahoo.com", new DomainBehaviour(0.05, 0.02, 60, 20));
        return new SynthSpec(5, SynthSpec.DEMO_START_EPOCH_SECONDS, 3600, 3000, "pool", List.of("pool-a", "pool-b"),
                Map.of("gmail.com", 50.0, "yahoo.com", 50.0), behaviours, 1.0, RetrySchedule.MOMENTUM_DEFAULT);
    }

    /** Writes each D, T and P line as a custom_logger CSV line of its stage, quoting every response text. */
    private static void writeStageFiles(List<String> mainlogLines) throws IOException {
        final Map<AttemptKind, List<String>> byStage = new EnumMap<>(AttemptKind.class);
        final MainlogParser parser = new MainlogParser();
        for (String text : mainlogLines) {
            final ParsedLine line = parser.parse(text);
            if (line instanceof AttemptLine a) {
                byStage.computeIfAbsent(a.kind(), k -> new ArrayList<>()).add(String.join(",",
                        Long.toString(a.timeMicros() / 1_000_000L), a.messageId(), a.bindingGroup(), a.binding(),
                        a.domain(), a.domain(), a.remoteIp(), Integer.toString(a.retryCount()),
                        String.format(Locale.ROOT, "%.2f", a.queueSeconds()), Integer.toString(a.stage()),
                        "\"" + a.responseText() + "\""));
            }
        }
        for (Map.Entry<AttemptKind, List<String>> stage : byStage.entrySet()) {
            Files.write(estate.resolve("logs/" + STAGES.get(stage.getKey()) + ".csv"), stage.getValue());
        }
    }

    private static String customLogTables() {
        final StringBuilder tables = new StringBuilder();
        for (String stage : List.of("delivery", "transient_failure", "permanent_failure")) {
            tables.append("\n[[traffic.custom_logs]]\nstage = \"").append(stage).append("\"\nfiles = [\"logs/")
                    .append(stage).append(".csv\"]\nformat = \"").append(FORMAT).append("\"\n");
        }
        return tables.toString();
    }

    private static int cutover(StringWriter err, String... args) {
        return Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }

    @Test
    void run_customLogsOnly_replaysEveryMessage() throws IOException {
        final StringWriter err = new StringWriter();
        final Path out = dir.resolve("out-custom");

        final int status = cutover(err, "run", estate.toString(), "--out", out.toString());
        final String report = Files.readString(out.resolve("report.json"));

        assertTrue(status == 0 || status == 1, err.toString());
        assertTrue(report.contains("\"messages\": 3000,"), report.substring(0, 400));
        assertTrue(report.contains("\"rejected_lines\": 0,"), report.substring(0, 400));
    }

    @Test
    void run_unknownKeyInCustomLogs_exitsTwoNamingTheLine() throws IOException {
        final Path bad = dir.resolve("bad-custom-key");
        copy(estate, bad);
        final String scenario = Files.readString(bad.resolve("scenario.toml"));
        Files.writeString(bad.resolve("scenario.toml"), scenario.replaceFirst("stage = \"delivery\"",
                "stage = \"delivery\"\nstages = \"x\""));
        final StringWriter err = new StringWriter();

        final int status = cutover(err, "run", bad.toString(), "--out", dir.resolve("out-bad").toString());

        final int line = (int) scenario.substring(0, scenario.indexOf("stage = \"delivery\"")).lines().count() + 2;
        assertEquals(2, status);
        assertTrue(err.toString().startsWith("cutover: scenario.toml:" + line + ": unknown key `stages` in "
                + "[[traffic.custom_logs]]"), err.toString());
    }

    @Test
    void run_formatWithoutQueueTime_exitsTwoNamingTheSpecifier() throws IOException {
        final Path bad = dir.resolve("bad-format");
        copy(estate, bad);
        Files.writeString(bad.resolve("scenario.toml"), Files.readString(bad.resolve("scenario.toml"))
                .replace(",%T{2}", ""));
        final StringWriter err = new StringWriter();

        final int status = cutover(err, "run", bad.toString(), "--out", dir.resolve("out-format").toString());

        assertEquals(2, status);
        assertTrue(err.toString().contains("lacks %T"), err.toString());
    }
}
