package dev.cutover.sim.momentum.conf;

import java.util.Objects;

/**
 * Where something was written in the configuration: a file as shown to the user and a 1-based line.
 *
 * <p>The file is shown relative to the folder of the main {@code ecelerity.conf} when it lies
 * beneath it (for example {@code bindings.d/10-retail.conf}), otherwise as an absolute path. The
 * rendered form {@code ecelerity.conf:14} is the prefix of every {@link ConfException} message, as
 * Momentum's configuration overview asks of configuration errors
 * (support.sparkpost.com/momentum/4/conf-overview).
 *
 * @param file the file as shown to the user, never blank
 * @param line the 1-based line number, at least 1
 */
public record SourceLocation(String file, int line) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 1) {
            throw new IllegalArgumentException("line must be at least 1: " + line);
        }
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
