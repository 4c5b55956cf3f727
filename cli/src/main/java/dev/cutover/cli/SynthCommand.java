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
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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

    /** Most messages one synthetic log may hold. */
    static final long MAX_MESSAGES = 100_000_000L;

    @Override
    public Integer call() {
        final SynthSummary summary = write(spec(SynthSpecFile.load(specFile)));
        spec.commandLine().getOut().printf("wrote %s: %,d messages, %,d lines (%,d deliveries, %,d deferrals, "
                        + "%,d bounces, %,d gave up)%n", out, summary.messages(), summary.lines(), summary.deliveries(),
                summary.transientFailures(), summary.bounces(), summary.retriesExhausted());
        return 0;
    }

    private SynthSpec spec(SynthSpec base) {
        final long total = messages != null ? messages : base.totalMessages();
        final double multiplier = volume != null ? volume : base.volumeMultiplier();
        if (total < 0 || !(multiplier > 0) || !Double.isFinite(multiplier) || total * multiplier > MAX_MESSAGES) {
            throw new UserError("--messages and --volume must give between 0 and " + MAX_MESSAGES
                    + " messages (messages " + total + " x volume " + multiplier + ")");
        }
        try {
            return new SynthSpec(seed != null ? seed : base.seed(), base.startEpochSeconds(), base.durationSeconds(),
                    total, base.bindingGroup(), base.bindings(), base.domainMix(), base.behaviours(), multiplier,
                    base.retrySchedule());
        } catch (IllegalArgumentException e) {
            throw new UserError(specFile.getFileName() + ": " + e.getMessage());
        }
    }

    /** Writes beside {@code out} first and moves the file into place, so a failure never clobbers {@code out}. */
    private SynthSummary write(SynthSpec synth) {
        final Path target = out.toAbsolutePath();
        Path partial = null;
        try {
            Files.createDirectories(target.getParent());
            partial = Files.createTempFile(target.getParent(), ".synth-", ".partial");
            final SynthSummary summary;
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                summary = new MainlogSynthesizer().write(synth, writer);
            }
            readableByAll(partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return summary;
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError(out + ": cannot write (" + e.getMessage() + ")");
        } finally {
            deleteQuietly(partial);
        }
    }

    /** A temporary file is private to its owner; the log it becomes should be readable like any other file. */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void deleteQuietly(Path partial) {
        try {
            if (partial != null) {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UserError(partial + ": cannot remove the partial file (" + e.getMessage() + ")");
        }
    }
}
