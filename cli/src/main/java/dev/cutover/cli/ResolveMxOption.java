package dev.cutover.cli;

import picocli.CommandLine.Option;

/** The {@code --resolve-mx} option of the commands that load a scenario's MX data. */
final class ResolveMxOption {

    @Option(names = "--resolve-mx", description = "look up in this machine's DNS the MX hosts of domains the MX data "
            + "lacks: the only network use, and results then depend on DNS answers")
    boolean resolveMx;

    /** @return a resolver asking the machine's DNS when the option is given, else null */
    DnsMxResolver resolver() {
        return resolveMx ? new DnsMxResolver() : null;
    }
}
