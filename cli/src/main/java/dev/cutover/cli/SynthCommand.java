package dev.cutover.cli;

import dev.cutover.ingest.synth.MainlogSynthesizer;
import dev.cutover.ingest.synth.SynthSpec;
import dev.cutover.ingest.synth.SynthSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code cutover synth --spec traffic.toml --out mainlog.ec}: writes a seeded synthetic Momentum mainlog. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Writes a synthetic Momentum 4 mainlog from a traffic spec, for demos and what-if traffic.",
                "The same spec and seed always give the same file."})
final class SynthCommand implements Callable<Integer> {

    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "traffic spec (TOML)")
    Path specFile;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the mainlog to write")
    Path out;

    @Option(names = "--seed", description = "override the spec's seed")
    Long seed;

    @Option(names = "--messages", description = "override the spec's message count")
    Long messages;

    @Option(names = "--volume", description = "multiply the message count, e.g. 2.0 for twice the traffic")
    Double volume;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        final SynthSpec base = SynthSpecFile.load(specFile);
        final SynthSpec synth = new SynthSpec(seed != null ? seed : base.seed(), base.startEpochSeconds(),
                base.durationSeconds(), messages != null ? messages : base.totalMessages(), base.bindingGroup(),
                base.bindings(), base.domainMix(), base.behaviours(),
                volume != null ? volume : base.volumeMultiplier(), base.retrySchedule());
        final SynthSummary summary = write(synth);
        spec.commandLine().getOut().printf("wrote %s: %,d messages, %,d lines (%,d deliveries, %,d deferrals, "
                        + "%,d bounces, %,d gave up)%n", out, summary.messages(), summary.lines(), summary.deliveries(),
                summary.transientFailures(), summary.bounces(), summary.retriesExhausted());
        return 0;
    }

    private SynthSummary write(SynthSpec synth) {
        try {
            final Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                return new MainlogSynthesizer().write(synth, writer);
            }
        } catch (IOException e) {
            throw new UserError(out + ": cannot write (" + e.getMessage() + ")");
        }
    }
}
