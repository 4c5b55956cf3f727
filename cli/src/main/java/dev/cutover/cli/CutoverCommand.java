package dev.cutover.cli;

import picocli.CommandLine.Command;

/** The top-level command; the work is in its subcommands. */
@Command(name = "cutover", mixinStandardHelpOptions = true, version = "cutover 0.1.0",
        description = "Rehearses a Momentum to KumoMTA cutover on your own delivery logs.",
        subcommands = {RunCommand.class, IngestCommand.class, SynthCommand.class})
final class CutoverCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
