package dev.cutover.ingest;

import dev.cutover.ingest.custom.CustomLogFile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One log file to ingest and how to read it: a mainlog, a bouncelog, or a {@code custom_logger} file with its stage
 * and format, each of a cluster node ("" for a single node).
 *
 * @param path   the file: plain, gzip or bzip2
 * @param node   the node whose message ids its lines carry
 * @param kind   what the file is
 * @param custom the custom log's stage and format for {@link Kind#CUSTOM}, else null
 */
public record IngestInput(Path path, String node, Kind kind, CustomLogFile custom) {
    /** What a log file is. */
    public enum Kind {
        /** Momentum's mainlog (ec_logger): receptions and attempts. */
        MAINLOG,
        /** Momentum's bouncelog (bounce_logger): the bounce class of failed attempts. */
        BOUNCELOG,
        /** A custom_logger stage file: attempts, from which receptions are rebuilt. */
        CUSTOM
    }

    public IngestInput {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.CUSTOM) != (custom != null)) {
            throw new IllegalArgumentException("a custom log, and only a custom log, has a stage and format");
        }
    }

    /** @return a mainlog of {@code source}'s node */
    public static IngestInput mainlog(LogSource source) {
        return new IngestInput(source.path(), source.node(), Kind.MAINLOG, null);
    }

    /** @return a bouncelog of {@code source}'s node */
    public static IngestInput bouncelog(LogSource source) {
        return new IngestInput(source.path(), source.node(), Kind.BOUNCELOG, null);
    }

    /** @return a custom log written by {@code node} */
    public static IngestInput custom(CustomLogFile log, String node) {
        return new IngestInput(log.path(), node, Kind.CUSTOM, log);
    }

    /** @return how the file is read; a store goes on with a file only when it is read the same way */
    public String reading() {
        return switch (kind) {
            case MAINLOG -> FileProgress.mainlogReading(node);
            case BOUNCELOG -> "bouncelog node=" + node;
            case CUSTOM -> "custom node=" + node + " stage=" + custom.stage() + " format=" + custom.format().text();
        };
    }

    boolean isMainlog() {
        return kind == Kind.MAINLOG;
    }

    /** @return what a file of this kind should hold, for error messages */
    String expected() {
        return switch (kind) {
            case MAINLOG -> LogFiles.EXPECTED;
            case BOUNCELOG -> "expected a Momentum bouncelog (lines like epoch@id@batch@conn@B|T@...)";
            case CUSTOM -> CustomLogIngestor.EXPECTED;
        };
    }
}
