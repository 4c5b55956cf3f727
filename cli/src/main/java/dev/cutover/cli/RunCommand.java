package dev.cutover.cli;

import dev.cutover.cli.report.DivergencesCsv;
import dev.cutover.cli.report.JunitXml;
import dev.cutover.cli.report.RehearsalResult;
import dev.cutover.cli.report.ReportJson;
import dev.cutover.cli.report.TerminalSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
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
        final Scenario scenario = ScenarioLoader.load(scenarioPath);
        final Path outDir = out != null ? out : Path.of("out", scenario.folder().getFileName().toString());
        final Path storeRejects = scenario.store().resolve("rejects.tsv");
        final ProgressLine progress = ProgressLine.forTerminal(spec.commandLine().getErr());
        final FollowUntilInterrupted following = follow ? FollowUntilInterrupted.start(
                FollowUntilInterrupted.pollSeconds(poll), spec.commandLine().getErr(),
                "saving what was read, finishing the replay and writing the report") : null;
        final RehearsalResult result;
        try {
            result = new Rehearsal(scenario, progress, notice -> {
                progress.finish();
                spec.commandLine().getErr().println("cutover: " + notice);
                spec.commandLine().getErr().flush();
            }).resolvingMx(resolveMx.resolver()).run(storeRejects, following, lagMicros);
        } finally {
            progress.finish();
        }
        return report(result, outDir, storeRejects);
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
        final boolean colour = System.console() != null && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
        spec.commandLine().getOut().print(new TerminalSummary(colour).render(result, written));
        spec.commandLine().getOut().flush();
        final long setAside = result.traffic().rejectedLines() + result.traffic().orphanAttemptLines();
        if (strict && setAside > 0) {
            throw new UserError(setAside + " log line(s) were set aside, listed in " + written.get(1)
                    + "; --strict makes any set-aside line an error");
        }
        return result.verdict().equals("pass") ? 0 : 1;
    }

    private static List<Path> write(Path outDir, RehearsalResult result, Path storeRejects) {
        try {
            Files.createDirectories(outDir);
            final Path report = outDir.resolve("report.json");
            Files.writeString(report, ReportJson.write(result), StandardCharsets.UTF_8);
            final Path rejects = outDir.resolve("rejects.tsv");
            if (Files.exists(storeRejects)) {
                Files.copy(storeRejects, rejects, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.writeString(rejects, RejectsFile.HEADER + "\n", StandardCharsets.UTF_8);
            }
            final Path divergences = outDir.resolve("divergences.csv");
            Files.writeString(divergences, DivergencesCsv.write(result), StandardCharsets.UTF_8);
            final Path junit = outDir.resolve("junit.xml");
            Files.writeString(junit, JunitXml.write(result), StandardCharsets.UTF_8);
            return List.of(report, rejects, divergences, junit);
        } catch (IOException e) {
            throw new UserError(outDir + ": cannot write the report (" + e.getMessage() + ")");
        }
    }
}
