package dev.cutover.ingest;

import dev.cutover.ingest.ParsedLine.Rejected;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads Momentum mainlog files (support.sparkpost.com/momentum/4/log-formats-mainlog) into a
 * {@link TrafficStore}: each line is parsed, receptions are joined with their attempts, and the joined
 * messages are appended in reception order.
 *
 * <p>Steps: every file is checked first (a missing, unreadable, empty or binary file, or one without a
 * single mainlog line, stops the ingest with an {@link IngestException} before anything is stored); files
 * the store already holds are skipped; the rest are read in the order of their first timestamp, so a
 * rotated {@code mainlog.ec.1} comes before {@code mainlog.ec} whatever order they were given in; one join
 * spans all of them, so a message received in one file and delivered in the next is complete.
 *
 * <p>Input: plain, gzip or bzip2 (also concatenated bzip2 streams) mainlog text in the 2.1, 2.2, 3.x, 4.x or
 * 5.x layout, decided per line by {@link MainlogParser}. A truncated or corrupt compressed file does not stop
 * the ingest: its lines up to the damage are used, the damage is one
 * {@link RejectReason#COMPRESSED_DATA_DAMAGED} reject line, and the file is recorded as ingested with the
 * lines read. Only a compressed file damaged before its first mainlog line is refused with an
 * {@link IngestException} that names the file and says a complete gzip or bzip2 stream was expected.
 *
 * <p>Note: files are recorded as ingested only when the whole ingest has finished. A message received in
 * an earlier ingest and finished in a later one is stored as NO_FINAL_OUTCOME and its later lines count
 * as orphans.
 */
public final class Ingestor {
    /** Lines between two {@link IngestListener#progress} calls. */
    public static final int PROGRESS_INTERVAL_LINES = 1 << 16;

    private final Set<String> bindingGroups;
    private final String node;

    /** An ingestor for a single node that keeps every binding group. */
    public Ingestor() {
        this(Set.of(), "");
    }

    /**
     * @param bindingGroups binding groups to keep, as assigned on R lines; empty keeps all
     * @param node          the node that wrote the logs ("" for a single node), stored with each message
     */
    public Ingestor(Set<String> bindingGroups, String node) {
        this.bindingGroups = Set.copyOf(bindingGroups);
        this.node = node;
    }

    /**
     * @param files     mainlog files, in any order
     * @param store     where joined messages are appended and ingested files recorded
     * @param rejects   receives every line set aside
     * @param listener  receives progress
     * @throws IngestException when a whole file cannot be used
     */
    public IngestResult ingest(List<Path> files, TrafficStore store, RejectSink rejects, IngestListener listener) {
        files.forEach(LogFiles::check);
        final List<InputFile> inputs = newInputs(files, store, listener);
        final IngestRun run = new IngestRun(store, rejects, listener, bindingGroups, node);

        for (InputFile input : inputs) {
            input.lineCount = run.read(input.path);
        }
        run.finish();
        for (InputFile input : inputs) {
            final String name = input.path.getFileName().toString();
            store.recordIngested(new IngestedFile(input.identity, name, input.lineCount));
        }
        return run.result(inputs.size(), files.size() - inputs.size());
    }

    private static List<InputFile> newInputs(List<Path> files, TrafficStore store, IngestListener listener) {
        final List<InputFile> inputs = new ArrayList<>();
        final Set<FileIdentity> seen = new HashSet<>();
        for (Path file : files) {
            final FileIdentity identity = identityOf(file);
            if (store.hasIngested(identity) || !seen.add(identity)) {
                listener.fileSkipped(file);
            } else {
                inputs.add(new InputFile(file, identity, FirstTimestamp.of(file)));
            }
        }
        inputs.sort(Comparator.comparingLong(input -> input.firstMicros));
        return inputs;
    }

    private static FileIdentity identityOf(Path file) {
        try {
            return FileIdentity.of(file);
        } catch (IOException e) {
            throw LogFiles.unreadable(file, e);
        }
    }

    private static final class InputFile {
        private final Path path;
        private final FileIdentity identity;
        private final long firstMicros;
        private long lineCount;

        InputFile(Path path, FileIdentity identity, long firstMicros) {
            this.path = path;
            this.identity = identity;
            this.firstMicros = firstMicros;
        }
    }

    /** Finds the time of a file's first parsable line. */
    private static final class FirstTimestamp {
        private FirstTimestamp() {
        }

        static long of(Path file) {
            final MainlogParser parser = new MainlogParser();
            final DecompressionGuard bytes = LogFiles.openBytes(file);
            try (BoundedLineReader reader = LogFiles.lines(bytes)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    final ParsedLine parsed = reader.tooLong() ? null : parser.parse(line);
                    if (parsed != null && !(parsed instanceof Rejected)) {
                        return IngestRun.timeOf(parsed);
                    }
                }
                if (bytes.damaged()) {
                    throw LogFiles.damagedBeforeText(file, bytes.format(), bytes.damage());
                }
            } catch (IOException e) {
                throw LogFiles.unreadable(file, e);
            }
            throw new IngestException(file
                    + ": holds no Momentum mainlog lines (expected `epoch@id@batch@conn@TYPE@…`)");
        }
    }
}
