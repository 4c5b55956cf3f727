package dev.cutover.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A mainlog file and the Momentum node that wrote it. In a cluster every node writes its own mainlog, and
 * message ids are unique only per node (support.sparkpost.com/momentum/4/log-formats-mainlog), so each
 * message is joined and stored under (node, message id).
 *
 * @param path the mainlog file: plain, gzip or bzip2
 * @param node the node that wrote it, "" for a single node; files of one node are rotations of one log
 */
public record LogSource(Path path, String node) {
    public LogSource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(node, "node");
    }

    /** @return {@code path} as written by a single node ("") */
    public static LogSource of(Path path) {
        return new LogSource(path, "");
    }
}
