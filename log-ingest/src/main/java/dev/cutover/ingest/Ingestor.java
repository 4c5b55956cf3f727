package dev.cutover.ingest;

import dev.cutover.ingest.ParsedLine.Rejected;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Clusters: {@link #ingestSources} reads the mainlogs of several nodes together, earliest line first across
 * the nodes, and joins each message by (node, message id), since ids are unique only per node.
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
        final List<InputFile> inputs = newInputs(files.stream().map(file -> new LogSource(file, node)).toList(),
                store, listener);
        final IngestRun run = new IngestRun(store, rejects, listener, bindingGroups, node);

        for (InputFile input : inputs) {
            input.lineCount = run.read(input.source.path());
        }
        run.finish();
        recordIngested(inputs, store);
        return run.result(inputs.size(), files.size() - inputs.size());
    }

    /**
     * Reads the mainlogs of a cluster, each file with the node that wrote it (this ingestor's own node is not
     * used). Each node's files are read one after another in the order of their first timestamp, as rotations
     * of one log; across nodes the earliest pending line is always taken next, so receptions reach the join in
     * time order and the store stays in reception order. Messages are joined by (node, message id).
     *
     * <p>Example: {@code mta1} logs R(A1) at t=0 s and D(A1) at t=5 s, {@code mta2} logs R(A1) at t=2 s and
     * D(A1) at t=3 s. Two messages are stored: (mta1, A1) received at 0 s, then (mta2, A1) received at 2 s.
     *
     * @param sources  mainlog files with their nodes, in any order
     * @param store    where joined messages are appended and ingested files recorded
     * @param rejects  receives every line set aside
     * @param listener receives progress
     * @throws IngestException when a whole file cannot be used
     */
    public IngestResult ingestSources(List<LogSource> sources, TrafficStore store, RejectSink rejects,
                                      IngestListener listener) {
        sources.forEach(source -> LogFiles.check(source.path()));
        final List<InputFile> inputs = newInputs(sources, store, listener);
        final IngestRun run = new IngestRun(store, rejects, listener, bindingGroups, node);

        MergedRead.readAll(chainsByNode(inputs), run, listener);
        run.finish();
        for (InputFile input : inputs) {
            input.lineCount = input.reader.lineCount();
        }
        recordIngested(inputs, store);
        return run.result(inputs.size(), sources.size() - inputs.size());
    }

    /** @return one chain of readers per node, each oldest file first, in the order of each node's first file */
    private static List<List<MergedLogReader>> chainsByNode(List<InputFile> inputs) {
        final Map<String, List<MergedLogReader>> chains = new LinkedHashMap<>();
        final Map<String, Integer> chainOrder = new HashMap<>();
        for (InputFile input : inputs) {
            final String node = input.source.node();
            final int order = chainOrder.computeIfAbsent(node, unused -> chainOrder.size());
            input.reader = MergedLogReader.mainlog(input.source, input.identity, order);
            chains.computeIfAbsent(node, unused -> new ArrayList<>()).add(input.reader);
        }
        return List.copyOf(chains.values());
    }

    private static void recordIngested(List<InputFile> inputs, TrafficStore store) {
        for (InputFile input : inputs) {
            final String name = input.source.path().getFileName().toString();
            store.recordIngested(new IngestedFile(input.identity, name, input.lineCount));
        }
    }

    private static List<InputFile> newInputs(List<LogSource> sources, TrafficStore store,
                                             IngestListener listener) {
        final List<InputFile> inputs = new ArrayList<>();
        final Set<FileIdentity> seen = new HashSet<>();
        for (LogSource source : sources) {
            final FileIdentity identity = identityOf(source.path());
            if (store.hasIngested(identity) || !seen.add(identity)) {
                listener.fileSkipped(source.path());
            } else {
                inputs.add(new InputFile(source, identity, FirstTimestamp.of(source.path())));
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
        private final LogSource source;
        private final FileIdentity identity;
        private final long firstMicros;
        private long lineCount;
        private MergedLogReader reader;

        InputFile(LogSource source, FileIdentity identity, long firstMicros) {
            this.source = source;
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
