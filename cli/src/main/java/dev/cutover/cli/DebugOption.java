package dev.cutover.cli;

import picocli.CommandLine.Option;

/** The {@code --debug} option every command takes: stack traces of errors are printed too. */
final class DebugOption {

    @Option(names = "--debug", description = "print stack traces of errors")
    boolean debug;
}
