package dev.cutover.cli;

import dev.cutover.ingest.IngestException;
import dev.cutover.ingest.IngestResult;
import dev.cutover.ingest.Ingestor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code cutover ingest FILES --store DIR}: reads Momentum logs into a traffic store. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Reads Momentum mainlogs into a traffic store; files the store holds already are skipped.")
final class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Momentum mainlog files")
    List<Path> files;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "the traffic store folder")
    Path store;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        final Path rejectsPath = store.resolve("rejects.tsv");
        final IngestResult result;
        final ProgressLine progress = ProgressLine.forTerminal(spec.commandLine().getErr());
        try (ScenarioStore traffic = ScenarioStore.openForAppend(store);
             RejectsFile rejects = new RejectsFile(rejectsPath)) {
            result = new Ingestor(Set.of(), "").ingest(files, traffic.traffic(), rejects, progress);
        } catch (IngestException e) {
            throw new UserError(e.getMessage(), e);
        } finally {
            progress.finish();
        }
        final PrintWriter out = spec.commandLine().getOut();
        out.printf("ingested %d file(s), skipped %d already held; %,d lines, %,d messages stored%n",
                result.filesRead(), result.filesSkipped(), result.lines(), result.messagesStored());
        out.printf("%,d rejected lines %s; %,d attempt lines with no reception line in the logs; "
                + "%,d messages without final outcome%n", result.rejects().total(), result.rejects(),
                result.orphanAttemptLines(), result.noFinalOutcome());
        out.printf("rejects: %s%n", rejectsPath);
        return 0;
    }
}
