package dev.cutover.cli;

import dev.cutover.cli.CommandRuns.Result;
import dev.cutover.cli.report.LiveLook;
import dev.cutover.cli.report.RehearsalResult;
import dev.cutover.cli.report.ReportJson;
import dev.cutover.ingest.FollowControl;
import dev.cutover.ingest.IngestListener;
import dev.cutover.ingest.TrafficStore;
import dev.cutover.ingest.synth.DomainBehaviour;
import dev.cutover.ingest.synth.MainlogSynthesizer;
import dev.cutover.ingest.synth.RetrySchedule;
import dev.cutover.ingest.synth.SynthSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static dev.cutover.cli.CommandRuns.copy;
import static dev.cutover.cli.CommandRuns.cutover;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code cutover run --follow}: the store is replayed, then the live mainlog as it grows, and when following stops
 * the report covers every message, as a run over the finished log does.
 */
class FollowRunTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void quietChronicle() {
        System.setProperty("chronicle.analytics.disable", "true");
    }

    @Test
    void follow_logGrowsInSteps_reportSameAsARunOverTheWholeLog() throws Exception {
        final List<String> lines = synthesized(0.0);
        final Path whole = estate("whole", lines);
        final Path live = estate("live", lines.subList(0, lines.size() / 3));

        final RehearsalResult followed = followWhile(live, lines, lines.size() / 3, 2 * lines.size() / 3);
        final RehearsalResult atOnce = new Rehearsal(ScenarioLoader.load(whole), IngestListener.NONE)
                .run(whole.resolve(".cutover/store/rejects.tsv"));

        assertEquals(ReportJson.write(atOnce), ReportJson.write(followed));
        assertEquals(6000, followed.traffic().messages());
    }

    @Test
    void follow_deferralsRetriedWithinTheLag_heldBackAndReplayedWhole() throws Exception {
        final List<String> lines = synthesized(0.2);
        final Path whole = estate("whole", lines);
        final Path live = estate("live", lines.subList(0, lines.size() / 2));

        final RehearsalResult followed = followWhile(live, lines, 3 * Rehearsal.DEFAULT_LAG_MICROS,
                lines.size() / 2);
        final RehearsalResult atOnce = new Rehearsal(ScenarioLoader.load(whole), IngestListener.NONE)
                .run(whole.resolve(".cutover/store/rejects.tsv"));

        assertEquals(ReportJson.write(atOnce), ReportJson.write(followed), "a lag longer than the log holds every "
                + "deferred message until it finishes");
    }

    @Test
    void follow_deferredMessagesOpenPastAShortLag_replayedAsTheyWereAndNoted() throws Exception {
        final List<String> lines = synthesized(0.2);
        final Path live = estate("live", lines.subList(0, lines.size() / 2));

        final RehearsalResult followed = followWhile(live, lines, 1_000_000L, lines.size() / 2);

        final long stragglers;
        try (ScenarioStore store = ScenarioStore.openForAppend(live.resolve(".cutover/store"))) {
            final TrafficStore traffic = store.traffic();
            stragglers = traffic.lateCount() + traffic.pendingStragglers();
        }
        assertTrue(stragglers > 100, "deferrals kept messages open past ten minutes: " + stragglers);
        assertEquals(6000, followed.traffic().messages());
        assertTrue(followed.notes().contains("the replay followed the logs live: " + stragglers + " message(s) still "
                + "open long after reception (past the --lag) were replayed with the attempts logged by then; run "
                + "without --follow to replay them whole"), String.join("\n", followed.notes()));
    }

    @Test
    void follow_emptyLogAtStart_replaysWhatItIsThenGiven() throws Exception {
        final List<String> lines = synthesized(0.0);
        final Path live = estate("empty", List.of());

        final RehearsalResult followed = followWhile(live, lines, 0);

        assertEquals(6000, followed.traffic().messages());
    }

    @Test
    void follow_live_looksAsTheLogGrowsAndReportsTheSame() throws Exception {
        final List<String> lines = synthesized(0.0);
        final Path whole = estate("whole", lines);
        final Path live = estate("live", lines.subList(0, lines.size() / 3));
        final List<LiveLook> looks = new ArrayList<>();
        // a little over the second between two looks, so the feed looks before each growth
        final FollowControl slowly = growing(live, lines, 1_100_000_000L, lines.size() / 3, 2 * lines.size() / 3);

        final RehearsalResult followed = new Rehearsal(ScenarioLoader.load(live), IngestListener.NONE)
                .live(Double.POSITIVE_INFINITY, looks::add, slowly::stopRequested)
                .run(live.resolve(".cutover/store/rejects.tsv"), slowly, Rehearsal.DEFAULT_LAG_MICROS);
        final RehearsalResult atOnce = new Rehearsal(ScenarioLoader.load(whole), IngestListener.NONE)
                .run(whole.resolve(".cutover/store/rejects.tsv"));

        assertEquals(ReportJson.write(atOnce), ReportJson.write(followed));
        assertTrue(looks.size() >= 2, "looks: " + looks.size());
        for (int i = 1; i < looks.size(); i++) {
            assertTrue(looks.get(i).messages() >= looks.get(i - 1).messages());
            assertTrue(looks.get(i).logTimeMicros() >= looks.get(i - 1).logTimeMicros());
        }
        assertTrue(looks.get(0).messages() > 0 && looks.get(looks.size() - 1).messages() <= 6000);
        assertEquals(List.of("aol.com", "gmail.com", "yahoo.com"),
                looks.get(looks.size() - 1).domains().stream().map(d -> d.domain()).toList());
    }

    @Test
    void run_pollWithoutFollow_exitsTwoSayingWhatItNeeds() throws Exception {
        final Path estate = estate("poll", synthesized(0.0).subList(0, 100));

        final Result result = cutover("run", estate.toString(), "--poll", "2");

        assertEquals(2, result.status());
        assertTrue(result.err().contains("--poll sets how often --follow looks at the files"), result.err());
    }

    @Test
    void follow_customLogScenario_refusedBeforeReading() throws Exception {
        final Path estate = estate("custom", synthesized(0.0).subList(0, 100));
        final Path scenario = estate.resolve("scenario.toml");
        Files.writeString(scenario, Files.readString(scenario).replace("logs = [\"logs/mainlog.ec\"]",
                "logs = [\"logs/mainlog.ec\"]\n\n[[traffic.custom_logs]]\nstage = \"delivery\"\n"
                        + "files = [\"logs/delivery.csv\"]\nformat = \"%t,%i,%g,%b,%R,%d,%H,%N,%T{2},%S,%n\""));
        Files.writeString(estate.resolve("logs/delivery.csv"), "");

        final UserError refused = assertThrows(UserError.class,
                () -> new Rehearsal(ScenarioLoader.load(estate), IngestListener.NONE)
                        .run(estate.resolve("rejects.tsv"), () -> false, Rehearsal.DEFAULT_LAG_MICROS));

        assertTrue(refused.getMessage().contains("a replay cannot follow custom logs"), refused.getMessage());
        assertTrue(Files.notExists(estate.resolve(".cutover")), "nothing was read or stored");
    }

    /**
     * Runs the scenario at {@code estate} following its log; at each look the log grows to the next of
     * {@code sizes} lines, then to all of them, then following stops.
     */
    private static RehearsalResult followWhile(Path estate, List<String> lines, int... sizes) {
        return followWhile(estate, lines, Rehearsal.DEFAULT_LAG_MICROS, sizes);
    }

    private static RehearsalResult followWhile(Path estate, List<String> lines, long lagMicros, int... sizes) {
        return new Rehearsal(ScenarioLoader.load(estate), IngestListener.NONE)
                .run(estate.resolve(".cutover/store/rejects.tsv"), growing(estate, lines, 0, sizes), lagMicros);
    }

    /**
     * @return a follow control that, at each look after waiting {@code pauseNanos}, grows the log from
     *         {@code sizes[0]} lines to the next of {@code sizes}, then to all of them, then stops following
     */
    private static FollowControl growing(Path estate, List<String> lines, long pauseNanos, int... sizes) {
        final Deque<Integer> growth = new ArrayDeque<>();
        for (int i = 1; i < sizes.length; i++) {
            growth.add(sizes[i]);
        }
        growth.add(lines.size());
        final int[] written = {sizes[0]};
        return () -> {
            LockSupport.parkNanos(pauseNanos);
            if (growth.isEmpty()) {
                return false;
            }
            final int next = growth.poll();
            append(estate.resolve("logs/mainlog.ec"), lines.subList(written[0], next));
            written[0] = next;
            return true;
        };
    }

    private static void append(Path file, List<String> lines) {
        try {
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path estate(String name, List<String> lines) throws IOException, URISyntaxException {
        final Path estate = dir.resolve(name);
        copy(Path.of(FollowRunTest.class.getResource("/e2e/scenario.toml").toURI()).getParent(), estate);
        Files.createDirectories(estate.resolve("logs"));
        Files.write(estate.resolve("logs/mainlog.ec"), lines);
        return estate;
    }

    /** Two hours of traffic to three domains; {@code deferral} of the attempts are deferred and retried. */
    private static List<String> synthesized(double deferral) throws IOException {
        final Map<String, Double> mix = new LinkedHashMap<>();
        mix.put("gmail.com", 40.0);
        mix.put("yahoo.com", 40.0);
        mix.put("aol.com", 20.0);
        final Map<String, DomainBehaviour> behaviours = Map.of(
                "gmail.com", new DomainBehaviour(deferral, 0.01, 60, 20),
                "yahoo.com", new DomainBehaviour(deferral, 0.01, 60, 20),
                "aol.com", new DomainBehaviour(deferral, 0.01, 300, 20));
        final StringWriter out = new StringWriter();
        new MainlogSynthesizer().write(new SynthSpec(11, SynthSpec.DEMO_START_EPOCH_SECONDS, 7200, 6000, "pool",
                List.of("pool-a", "pool-b"), mix, behaviours, 1.0, RetrySchedule.MOMENTUM_DEFAULT), out);
        return List.of(out.toString().split("\n"));
    }
}
