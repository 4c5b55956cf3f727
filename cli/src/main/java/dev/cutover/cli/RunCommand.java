package dev.cutover.cli;

import dev.cutover.cli.report.DivergencesCsv;
import dev.cutover.cli.report.JunitXml;
import dev.cutover.cli.report.LiveLook;
import dev.cutover.cli.report.RehearsalResult;
import dev.cutover.cli.report.ReportHtml;
import dev.cutover.cli.report.ReportJson;
import dev.cutover.cli.report.TerminalSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cutover run SCENARIO}: ingest, replay through the three engines, report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Replays a scenario's Momentum logs through the Momentum and KumoMTA models and reports "
                + "where they diverge.", "Exit status: 0 within tolerance, 1 diverged, 2 bad input or usage (or any "
                + "line set aside, with --strict); with --follow, stopped by Ctrl-C or SIGTERM, 130 or 143 once "
                + "the report is written."})
final class RunCommand implements Callable<Integer> {
    private static final String REJECTS = "rejects.tsv";
    /** Moves the cursor home and clears the screen. */
    private static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a scenario.toml, or a folder holding one")
    Path scenarioPath;

    @Option(names = "--out", paramLabel = "DIR",
            description = "where to write the report (default: out/<scenario folder name>)")
    Path out;

    @Option(names = "--strict", description = "exit with status 2 when any log line was set aside")
    boolean strict;

    @Option(names = "--follow", description = "after the store, keep replaying the scenario's mainlogs as they grow "
            + "and rotate, until interrupted; then write the report")
    boolean follow;

    @Option(names = "--poll", paramLabel = "SECONDS",
            description = "with --follow: seconds between two looks at the files, 0.001 to 3600 (default: 1)")
    String poll;

    @Option(names = "--lag", paramLabel = "DURATION",
            description = "with --follow: how long, in log time, a message still open may hold the replay back "
                    + "so that it is replayed whole when it finishes (default: 1h)")
    String lag;

    @Option(names = "--speed", paramLabel = "N",
            description = "replay the stored traffic at N times real time (N above 0, or max for unpaced) and "
                    + "refresh the summary every second; with --follow it goes on refreshing as the logs grow")
    String speed;

    @Mixin
    ResolveMxOption resolveMx;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (poll != null && !follow) {
            throw new UserError("--poll sets how often --follow looks at the files; add --follow or leave --poll out");
        }
        if (lag != null && !follow) {
            throw new UserError("--lag sets how far a replay following the logs may run behind them; add --follow or "
                    + "leave --lag out");
        }
        final long lagMicros = lagMicros();
        final Double liveSpeed = liveSpeed();
        final Scenario scenario = ScenarioLoader.load(scenarioPath);
        final Path outDir = out != null ? out : Path.of("out", scenario.folder().getFileName().toString());
        final Path storeRejects = scenario.store().resolve("rejects.tsv");
        // A live look redraws the screen while a following ingest reads: the ingest's progress line is left out.
        final ProgressLine progress = follow && liveSpeed != null
                ? new ProgressLine(spec.commandLine().getErr(), false)
                : ProgressLine.forTerminal(spec.commandLine().getErr());
        final FollowUntilInterrupted following = follow ? FollowUntilInterrupted.start(
                FollowUntilInterrupted.pollSeconds(poll), spec.commandLine().getErr(),
                "saving what was read, finishing the replay and writing the report") : null;
        // A paced replay may take hours: an interrupt finishes it at full speed and writes the report.
        final FollowUntilInterrupted interrupted = following != null || liveSpeed == null ? following
                : FollowUntilInterrupted.start(1, spec.commandLine().getErr(),
                        "finishing the replay at full speed and writing the report");
        final RehearsalResult result;
        final Rehearsal rehearsal = new Rehearsal(scenario, progress, notice -> {
            progress.finish();
            spec.commandLine().getErr().println("cutover: " + notice);
            spec.commandLine().getErr().flush();
        }).resolvingMx(resolveMx.resolver());
        if (liveSpeed != null) {
            rehearsal.live(liveSpeed, look -> {
                progress.finish();
                showLive(look, liveSpeed);
            }, interrupted::stopRequested);
        }
        clearReport(outDir);
        try {
            result = rehearsal.run(storeRejects, following, lagMicros);
        } catch (UserError e) {
            throw keepingRejects(e, outDir, storeRejects);
        } finally {
            progress.finish();
        }
        if (liveSpeed != null && terminal()) {
            spec.commandLine().getOut().print(CLEAR_SCREEN);
        }
        return report(result, outDir, storeRejects);
    }

    /** @return the pace of a live rehearsal, infinite for {@code max}, or null without {@code --speed} */
    private Double liveSpeed() {
        if (speed == null) {
            return null;
        }
        if (speed.equals("max")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            final double value = Double.parseDouble(speed);
            if (value > 0 && Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError("--speed " + speed + ": expected how many times real time to replay, a number above 0 "
                + "such as 60, or max");
    }

    /** Redraws the live summary on a terminal; elsewhere prints a line for each look. */
    private void showLive(LiveLook look, double liveSpeed) {
        final PrintWriter stdout = spec.commandLine().getOut();
        if (terminal()) {
            stdout.print(CLEAR_SCREEN + new TerminalSummary(colour()).renderLive(look, liveSpeed));
        } else {
            stdout.println(TerminalSummary.liveLine(look));
        }
        stdout.flush();
    }

    /** @return true when the process runs on a terminal that takes cursor movement */
    private static boolean terminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    /** @return true on such a terminal unless NO_COLOR is set (no-color.org) */
    private static boolean colour() {
        return terminal() && System.getenv("NO_COLOR") == null;
    }

    private long lagMicros() {
        if (lag == null) {
            return Rehearsal.DEFAULT_LAG_MICROS;
        }
        try {
            return ScenarioValues.durationMicros(lag);
        } catch (IllegalArgumentException e) {
            throw new UserError("--lag " + lag + ": expected a duration such as 30m, 1h or 90s", e);
        }
    }

    /** Writes the report and prints the summary. */
    private int report(RehearsalResult result, Path outDir, Path storeRejects) {
        final List<Path> written = write(outDir, result, storeRejects);
        spec.commandLine().getOut().print(new TerminalSummary(colour()).render(result, written));
        spec.commandLine().getOut().flush();
        final long setAside = result.traffic().rejectedLines() + result.traffic().orphanAttemptLines();
        if (strict && setAside > 0) {
            throw new UserError(setAside + " log line(s) were set aside, listed in " + outDir.resolve(REJECTS)
                    + "; --strict makes any set-aside line an error");
        }
        return result.verdict().equals("pass") ? 0 : 1;
    }

    /** The files a run writes besides rejects.tsv: none of an earlier run's may be left to pass for this run's. */
    private static final List<String> REPORT_FILES = List.of("report.html", "report.json", "divergences.csv",
            "junit.xml");

    private static void clearReport(Path outDir) {
        try {
            for (String name : REPORT_FILES) {
                Files.deleteIfExists(outDir.resolve(name));
            }
        } catch (IOException e) {
            throw new UserError(outDir + ": cannot remove the earlier report (" + e.getMessage() + ")");
        }
    }

    /**
     * @return {@code failure}, after the lines set aside so far are copied to the output folder, where the message
     *         now points: a run that stops because every line was set aside must still show which and why
     */
    private static UserError keepingRejects(UserError failure, Path outDir, Path storeRejects) {
        final long[] byReason = RejectsFile.count(storeRejects, null);
        final long setAside = byReason[0] + byReason[1];
        if (setAside == 0) {
            return failure;
        }
        try {
            Files.createDirectories(outDir);
            Files.copy(storeRejects, outDir.resolve(REJECTS), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            return failure;
        }
        return new UserError(failure.getMessage() + "; " + setAside + " log line(s) were set aside, listed in "
                + outDir.resolve(REJECTS), failure);
    }

    private static List<Path> write(Path outDir, RehearsalResult result, Path storeRejects) {
        try {
            Files.createDirectories(outDir);
            final Path html = outDir.resolve("report.html");
            Files.writeString(html, ReportHtml.write(result), StandardCharsets.UTF_8);
            final Path report = outDir.resolve("report.json");
            Files.writeString(report, ReportJson.write(result), StandardCharsets.UTF_8);
            final Path rejects = outDir.resolve(REJECTS);
            if (Files.exists(storeRejects)) {
                Files.copy(storeRejects, rejects, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.writeString(rejects, RejectsFile.HEADER + "\n", StandardCharsets.UTF_8);
            }
            final Path divergences = outDir.resolve("divergences.csv");
            Files.writeString(divergences, DivergencesCsv.write(result), StandardCharsets.UTF_8);
            final Path junit = outDir.resolve("junit.xml");
            Files.writeString(junit, JunitXml.write(result), StandardCharsets.UTF_8);
            return List.of(html, report, divergences, junit, rejects);
        } catch (IOException e) {
            throw new UserError(outDir + ": cannot write the report (" + e.getMessage() + ")");
        }
    }
}
