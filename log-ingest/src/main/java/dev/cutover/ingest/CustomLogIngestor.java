package dev.cutover.ingest;

import dev.cutover.ingest.custom.CustomLogFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the stage files of Momentum's {@code custom_logger} module
 * (support.sparkpost.com/momentum/4/modules/custom-logger), optionally with mainlog files, into a
 * {@link TrafficStore}. A custom log has no reception lines: each message is opened by its first line, with
 * the reception time that line implies (line time minus queue time {@code %T}), and joined by message id with
 * its lines in every other file.
 *
 * <p>Example: a transient_failure line at t=100 s with {@code %T} 2.00 and a delivery line at t=1,000 s for
 * the same {@code %i} become one message received at t=98 s with two attempts, T then D, COMPLETE.
 *
 * <p>Steps: as in {@link Ingestor}, files are checked first and matched by content with what the store has read;
 * each new file must hold at least one usable line, else nothing is stored; then the files are read together,
 * always taking the earliest pending line across them, and the join's messages are stored in reception order.
 * Messages without a final line by the end stay pending in the store's {@link IngestState}; a replay reads them
 * as {@link Completeness#NO_FINAL_OUTCOME}.
 *
 * <p>Note: a message first seen late can have been received before messages already finished, so finished
 * messages wait until the newest line is {@code holdBackMicros} past their reception (8 days by default, the
 * join's own age limit); memory grows with the traffic of that window, for a shorter log with all of it. A
 * line whose implied reception falls before a message already stored is a
 * {@link RejectReason#LATE_RECEPTION}. A line for a message the join has already emitted opens a new message;
 * Momentum writes nothing after a final line, so only a log written twice shows this.
 */
public final class CustomLogIngestor {
    static final String EXPECTED = "expected a Momentum custom_logger file whose lines match its format";

    private final Set<String> bindingGroups;
    private final String node;
    private final long holdBackMicros;

    /** An ingestor for a single node that keeps every binding group, with the default hold-back. */
    public CustomLogIngestor() {
        this(Set.of(), "", ReceptionOrderJoiner.DEFAULT_MAX_MESSAGE_AGE_MICROS);
    }

    /**
     * @param bindingGroups  binding groups to keep, as logged by {@code %g}; empty keeps all
     * @param node           the node that wrote the logs ("" for a single node), stored with each message
     * @param holdBackMicros how long a finished message waits for earlier receptions, &gt; 0
     */
    public CustomLogIngestor(Set<String> bindingGroups, String node, long holdBackMicros) {
        if (holdBackMicros <= 0) {
            throw new IllegalArgumentException("holdBackMicros must be positive: " + holdBackMicros);
        }
        this.bindingGroups = Set.copyOf(bindingGroups);
        this.node = node;
        this.holdBackMicros = holdBackMicros;
    }

    /**
     * @param mainlogs   mainlog files read alongside, possibly none; they are of this ingestor's node
     * @param customLogs custom_logger stage files, in any order
     * @param store      where joined messages are appended and ingested files recorded
     * @param rejects    receives every line set aside
     * @param listener   receives progress
     * @throws IngestException when a whole file cannot be used
     */
    public IngestResult ingest(List<Path> mainlogs, List<CustomLogFile> customLogs, TrafficStore store,
                               RejectSink rejects, IngestListener listener) {
        final List<LogSource> sources = mainlogs.stream().map(path -> new LogSource(path, node)).toList();
        return ingestSources(sources, customLogs, store, rejects, listener);
    }

    /**
     * As {@link #ingest}, with mainlogs of several cluster nodes: each mainlog line joins the messages of its
     * source's node. Custom log lines are of this ingestor's node.
     *
     * @param mainlogs   mainlog files with their nodes, read alongside, possibly none
     * @param customLogs custom_logger stage files, in any order
     * @param store      where joined messages are appended and ingested files recorded
     * @param rejects    receives every line set aside
     * @param listener   receives progress
     * @throws IngestException when a whole file cannot be used
     */
    public IngestResult ingestSources(List<LogSource> mainlogs, List<CustomLogFile> customLogs, TrafficStore store,
                                      RejectSink rejects, IngestListener listener) {
        final List<IngestInput> inputs = new ArrayList<>();
        mainlogs.forEach(source -> inputs.add(IngestInput.mainlog(source)));
        customLogs.forEach(log -> inputs.add(IngestInput.custom(log, node)));
        return Ingestor.ingestInputs(inputs, store, rejects, listener,
                IngestOptions.defaults().withBindingGroups(bindingGroups).withHoldBack(holdBackMicros));
    }
}
