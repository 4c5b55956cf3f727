package dev.cutover.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The top-level command; the work is in its subcommands. */
@Command(name = "cutover", mixinStandardHelpOptions = true, version = "cutover 0.1.0",
        description = "Rehearses a Momentum to KumoMTA cutover on your own delivery logs.",
        subcommands = {RunCommand.class, IngestCommand.class, ExplainCommand.class, SynthCommand.class,
                DiffCommand.class})
final class CutoverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand there is nothing to do: the usage goes to standard error, exit 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
