package dev.cutover.cli;

import dev.cutover.ingest.IngestException;
import dev.cutover.ingest.IngestInput;
import dev.cutover.ingest.IngestOptions;
import dev.cutover.ingest.IngestResult;
import dev.cutover.ingest.Ingestor;
import dev.cutover.ingest.LogSource;
import dev.cutover.ingest.ReceptionOrderJoiner;
import dev.cutover.ingest.custom.CustomLogFile;
import dev.cutover.ingest.custom.CustomLogFormat;
import dev.cutover.ingest.custom.CustomLogStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code cutover ingest FILES --store DIR}: reads Momentum logs into a traffic store, going on from what the store
 * holds; with {@code --follow}, keeps reading live logs until interrupted.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Reads Momentum logs into a traffic store. Files the store holds are skipped; files that grew "
                + "or were rotated are read on from where the store stopped.",
            "Exit status: 0 done, 2 bad input or usage (or any line set aside, with --strict); with --follow, "
                + "stopped by Ctrl-C or SIGTERM, 130 or 143 once the summary is printed."})
final class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Momentum mainlog files (of --node)")
    List<Path> files = new ArrayList<>();

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "the traffic store folder")
    Path store;

    @Option(names = "--node", paramLabel = "NAME", defaultValue = "",
            description = "the cluster node that wrote the FILEs and custom logs (message ids are unique per node)")
    String node;

    @Option(names = "--node-log", paramLabel = "NODE=FILE",
            description = "a mainlog of another cluster node; repeat for each file")
    List<String> nodeLogs = new ArrayList<>();

    @Option(names = "--bouncelog", paramLabel = "FILE",
            description = "a bouncelog of --node, read with the mainlogs for the bounce class of failed attempts; "
                    + "repeatable")
    List<Path> bouncelogs = new ArrayList<>();

    @Option(names = "--custom-log", paramLabel = "FILE",
            description = "a custom_logger file, read with --stage and --format; repeatable")
    List<Path> customLogs = new ArrayList<>();

    @Option(names = "--stage", paramLabel = "STAGE", description = "the custom_logger stage of the --custom-log files")
    String stage;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "the stage's *_format from ecelerity.conf, for the --custom-log files")
    String format;

    @Option(names = "--follow", description = "keep reading the logs as they grow and rotate, until interrupted")
    boolean follow;

    @Option(names = "--poll", paramLabel = "SECONDS",
            description = "with --follow: seconds between two looks at the files, 0.001 to 3600 (default: 1)")
    String poll;

    @Option(names = "--strict", description = "exit with status 2 when any line was set aside")
    boolean strict;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        final List<IngestInput> inputs = inputs();
        final Path rejectsPath = store.resolve("rejects.tsv");
        final ProgressLine progress = ProgressLine.forTerminal(spec.commandLine().getErr());
        IngestOptions options = IngestOptions.defaults();
        if (!customLogs.isEmpty()) {
            options = options.withHoldBack(ReceptionOrderJoiner.DEFAULT_MAX_MESSAGE_AGE_MICROS);
        }
        if (follow) {
            options = options.withFollow(FollowUntilInterrupted.start(FollowUntilInterrupted.pollSeconds(poll),
                    spec.commandLine().getErr(), "saving what was read, then the summary"));
        }
        final IngestResult result = ingest(inputs, rejectsPath, progress, options);
        report(result, rejectsPath);
        if (strict && result.rejects().total() > 0) {
            throw new UserError(result.rejects().total() + " line(s) were set aside (" + result.rejects() + "), listed "
                    + "in " + rejectsPath + "; --strict makes any set-aside line an error");
        }
        return 0;
    }

    private IngestResult ingest(List<IngestInput> inputs, Path rejectsPath, ProgressLine progress,
                                IngestOptions options) {
        try (ScenarioStore traffic = ScenarioStore.openForAppend(store);
             RejectsFile rejects = new RejectsFile(rejectsPath)) {
            return Ingestor.ingestInputs(inputs, traffic.traffic(), rejects, progress, options);
        } catch (IngestException e) {
            throw new UserError(e.getMessage(), e);
        } finally {
            progress.finish();
        }
    }

    private void report(IngestResult result, Path rejectsPath) {
        final PrintWriter out = spec.commandLine().getOut();
        out.printf("read %d file(s), skipped %d (held already, empty or a copy); %,d new lines, %,d messages stored, "
                + "%,d held in the join for the next ingest (not finished, or finished after one that is not)%n",
                result.filesRead(), result.filesSkipped(), result.lines(), result.messagesStored(),
                result.pendingMessages());
        out.printf("%,d lines set aside %s, among them %,d attempt lines with no open message to join; "
                + "%,d messages stored without final outcome%n", result.rejects().total(), result.rejects(),
                result.orphanAttemptLines(), result.noFinalOutcome());
        if (result.bouncesJoined() + result.outOfBandBounces() > 0) {
            out.printf("%,d bouncelog lines gave an attempt its bounce class; %,d out-of-band bounces counted%n",
                    result.bouncesJoined(), result.outOfBandBounces());
        }
        for (IngestResult.HeldBackLine line : result.heldBackLines()) {
            out.printf("half-written last line left for the next ingest: %s%n", line);
        }
        out.printf("rejects: %s%n", rejectsPath);
        out.flush();
    }

    private List<IngestInput> inputs() {
        final List<IngestInput> inputs = new ArrayList<>();
        files.forEach(file -> inputs.add(IngestInput.mainlog(new LogSource(file, node))));
        for (String nodeLog : nodeLogs) {
            final int equals = nodeLog.indexOf('=');
            if (equals <= 0 || equals == nodeLog.length() - 1) {
                throw new UserError("--node-log " + nodeLog + ": expected NODE=FILE, such as "
                        + "mta2=logs/mta2/mainlog.ec");
            }
            inputs.add(IngestInput.mainlog(new LogSource(Path.of(nodeLog.substring(equals + 1)),
                    nodeLog.substring(0, equals))));
        }
        bouncelogs.forEach(file -> inputs.add(IngestInput.bouncelog(new LogSource(file, node))));
        if (!customLogs.isEmpty()) {
            if (stage == null || format == null) {
                throw new UserError("--custom-log needs --stage and --format: the custom_logger stage and its "
                        + "*_format from ecelerity.conf");
            }
            final CustomLogStage customStage;
            final CustomLogFormat customFormat;
            try {
                customStage = CustomLogStage.of(stage);
                customFormat = CustomLogFormat.parse(format);
            } catch (IllegalArgumentException e) {
                throw new UserError("--stage/--format: " + e.getMessage(), e);
            }
            customLogs.forEach(file -> inputs.add(IngestInput.custom(new CustomLogFile(file, customStage,
                    customFormat), node)));
        }
        if (customLogs.isEmpty() && (stage != null || format != null)) {
            throw new UserError("--stage and --format describe --custom-log files, and none was given");
        }
        if (poll != null && !follow) {
            throw new UserError("--poll sets how often --follow looks at the files; add --follow or leave --poll out");
        }
        if (inputs.isEmpty()) {
            throw new UserError("no log files given: name mainlog FILEs, --node-log NODE=FILE or --custom-log FILE");
        }
        return inputs;
    }
}
