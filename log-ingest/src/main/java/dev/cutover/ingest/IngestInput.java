package dev.cutover.ingest;

import dev.cutover.ingest.custom.CustomLogFile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One log file to ingest and how to read it: a mainlog, or a {@code custom_logger} file with its stage and
 * format, each of a cluster node ("" for a single node).
 *
 * @param path   the file: plain, gzip or bzip2
 * @param node   the node whose message ids its lines carry
 * @param custom the custom log's stage and format, or null for a mainlog
 */
public record IngestInput(Path path, String node, CustomLogFile custom) {
    public IngestInput {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(node, "node");
    }

    /** @return a mainlog of {@code source}'s node */
    public static IngestInput mainlog(LogSource source) {
        return new IngestInput(source.path(), source.node(), null);
    }

    /** @return a custom log written by {@code node} */
    public static IngestInput custom(CustomLogFile log, String node) {
        return new IngestInput(log.path(), node, log);
    }

    /** @return how the file is read; a store goes on with a file only when it is read the same way */
    public String reading() {
        return custom == null ? FileProgress.mainlogReading(node)
                : "custom node=" + node + " stage=" + custom.stage() + " format=" + custom.format().text();
    }

    boolean isMainlog() {
        return custom == null;
    }
}
