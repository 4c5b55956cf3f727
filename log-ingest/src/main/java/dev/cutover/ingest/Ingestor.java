package dev.cutover.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Momentum logs (support.sparkpost.com/momentum/4/log-formats-mainlog, and custom_logger files through
 * {@link CustomLogIngestor}) into a {@link TrafficStore}: each line is parsed, receptions are joined with their
 * attempts, and the joined messages are appended in reception order. An ingest goes on where the last one into
 * the same store stopped, and takes every line exactly once.
 *
 * <p>Steps: every file is checked first (a missing, unreadable, empty or binary file, or a new one without a single
 * mainlog line, stops the ingest with an {@link IngestException} before anything is stored). Then each file is
 * matched by content with what the store has read ({@link IngestPlan}): files read to their end and unchanged are
 * skipped, files that grew (or were renamed or compressed by rotation) are read on from where reading stopped, and
 * new files are read from the start. A node's files are read one after another in the order of their first
 * timestamp, so a rotated {@code mainlog.ec.1} comes before {@code mainlog.ec} whatever order they were given in;
 * one join spans all of them, and the ingests before: a message received in one file, or one ingest, and
 * delivered in the next is complete.
 *
 * <p>Input: plain, gzip or bzip2 (also concatenated bzip2 streams) mainlog text in the 2.1, 2.2, 3.x, 4.x or
 * 5.x layout, decided per line by {@link MainlogParser}. A truncated or corrupt compressed file does not stop
 * the ingest: its lines up to the damage are used, the damage is one
 * {@link RejectReason#COMPRESSED_DATA_DAMAGED} reject line, and the file is recorded as read. Only a compressed
 * file damaged before its first mainlog line is refused with an {@link IngestException} that names the file and
 * says a complete gzip or bzip2 stream was expected.
 *
 * <p>Clusters: the mainlogs of several nodes are read together, earliest line first across the nodes, and each
 * message is joined by (node, message id), since ids are unique only per node.
 *
 * <p>Order: the store is in reception order, so a new mainlog that starts before the newest message the store
 * holds is refused; logs of one period are ingested together.
 *
 * <p>Saving: the store's {@link IngestState} is saved every {@link IngestOptions#checkpointLines()} lines and at
 * the end; a killed ingest run again goes on from the last save without storing any message twice. Messages
 * still open at the end stay in the state, for the next ingest to finish.
 */
public final class Ingestor {
    /** How much older than the newest line read the rest of a file may start: one minute. */
    static final long LATE_REST_TOLERANCE_MICROS = 60 * MainlogNumbers.MICROS_PER_SECOND;

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
     * @param files     mainlog files of this ingestor's node, in any order
     * @param store     where joined messages are appended and ingested files recorded
     * @param rejects   receives every line set aside
     * @param listener  receives progress
     * @throws IngestException when a whole file cannot be used
     */
    public IngestResult ingest(List<Path> files, TrafficStore store, RejectSink rejects, IngestListener listener) {
        return ingestSources(files.stream().map(file -> new LogSource(file, node)).toList(), store, rejects,
                listener);
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
        return ingestInputs(sources.stream().map(IngestInput::mainlog).toList(), store, rejects, listener,
                IngestOptions.defaults().withBindingGroups(bindingGroups));
    }

    /**
     * Reads mainlogs and custom logs of any nodes, as the options say.
     *
     * @param inputs   the files and how each is read, in any order
     * @param store    where joined messages are appended and the ingest state saved
     * @param rejects  receives every line set aside
     * @param listener receives progress
     * @throws IngestException when a whole file cannot be used, or the store cannot take it
     */
    public static IngestResult ingestInputs(List<IngestInput> given, TrafficStore store, RejectSink rejects,
                                            IngestListener listener, IngestOptions options) {
        final boolean follow = options.follow() != null;
        final List<IngestInput> inputs = usable(given, follow);
        given.stream().filter(input -> !inputs.contains(input)).forEach(input -> listener.fileSkipped(input.path()));
        if (store.isLegacy()) {
            throw new IngestException("the traffic store was written by an earlier cutover that kept no ingest "
                    + "state, so it cannot be read on; ingest into a new store folder");
        }
        final IngestState state = store.state();
        final IngestPlan plan = follow ? IngestPlan.of(inputs, state).followingHeld(LogFiles::isPlain)
                : IngestPlan.of(inputs, state);
        if (!plan.conflicts().isEmpty()) {
            throw new IngestException(plan.conflicts().get(0));
        }
        refuseLeftBehindFiles(plan);
        int skipped = given.size() - inputs.size();
        for (IngestPlan.Planned planned : plan.planned()) {
            if (planned.kind() == IngestPlan.Kind.HELD) {
                listener.fileSkipped(planned.input().path());
                skipped++;
            }
        }
        final List<List<MergedLogReader>> chains = chains(plan, state, follow);
        listener.started(chains.stream().mapToInt(List::size).sum(), chains.stream().flatMap(List::stream)
                .mapToLong(MergedLogReader::bytesToRead).sum());
        final IngestRun run = new IngestRun(store, rejects, listener, options.bindingGroups(),
                options.holdBackMicros(), state, options.maxHeldInMemory(), options.live());
        if (inputs.stream().anyMatch(input -> input.kind() == IngestInput.Kind.BOUNCELOG)) {
            run.waitForBounces();
        }
        final MergedRead read = new MergedRead(run, listener, state.files(), options.checkpointLines(),
                options.follow());
        read.readAll(chains);
        return run.result(read.filesRead(), skipped);
    }

    /**
     * Says whether an ingest of {@code inputs} can go on from what {@code store} holds, or the store must be
     * emptied first: it was written without an ingest state, holds a file none of the inputs is, holds a file that
     * was rewritten since, a new mainlog starts before its newest message, or a bouncelog is new while it holds
     * messages (their bounce classes are joined to them as they are stored).
     *
     * @return why the store cannot go on, or null when it can
     * @throws IngestException when an input cannot be read at all
     */
    public static String whyNotResumable(List<IngestInput> inputs, TrafficStore store) {
        return whyNotResumable(inputs, store, false);
    }

    /**
     * @param follow true when the ingest will follow the inputs, so that an empty plain file is one to wait for
     * @see #whyNotResumable(List, TrafficStore)
     */
    public static String whyNotResumable(List<IngestInput> inputs, TrafficStore store, boolean follow) {
        if (store.isLegacy()) {
            return "it was written by an earlier cutover";
        }
        final IngestPlan plan = IngestPlan.of(usable(inputs, follow), store.state());
        if (!plan.conflicts().isEmpty()) {
            return plan.conflicts().get(0);
        }
        if (!plan.unmatched().isEmpty()) {
            return "it holds " + plan.unmatched().get(0).name() + " as it was, and that file is not among the logs "
                    + "now or was rewritten";
        }
        for (IngestPlan.Planned planned : plan.planned()) {
            if (planned.kind() == IngestPlan.Kind.NEW && planned.input().kind() == IngestInput.Kind.BOUNCELOG
                    && store.state().lastStoredMicros() != Long.MIN_VALUE) {
                return "the bouncelog " + planned.input().path().getFileName() + " is new, and the messages it holds "
                        + "were stored without its bounce classes";
            }
            final boolean newMainlog = planned.kind() == IngestPlan.Kind.NEW && planned.input().isMainlog()
                    && !(follow && LogFiles.size(planned.input().path()) == 0);
            if (newMainlog && FirstTimestamp.of(planned.input()) < store.state().lastStoredMicros()) {
                return planned.input().path().getFileName() + " starts before the newest message it holds";
            }
            final boolean resumedMainlog = planned.kind() == IngestPlan.Kind.RESUME && planned.input().isMainlog();
            final String late = resumedMainlog ? lateRest(planned, store.state()) : null;
            if (late != null) {
                return late;
            }
        }
        return null;
    }

    /**
     * @return the time of the first line of {@code input} that parses, in microseconds since the epoch
     * @throws IngestException when the file cannot be read or holds no line that parses
     */
    public static long firstLineMicros(IngestInput input) {
        LogFiles.check(input.path(), input.expected());
        return FirstTimestamp.of(input);
    }

    /** @return the time of the first line of {@code input} that parses, or Long.MAX_VALUE when none does yet */
    static long firstLineMicrosOrMax(IngestInput input) {
        return FirstTimestamp.nextAfter(input, 0);
    }

    /**
     * @return one chain per mainlog node (the file read on first, then new files oldest first) in the order the
     *         nodes are first given, then one chain per bouncelog node in the same way, then one chain per custom
     *         log
     */
    private static List<List<MergedLogReader>> chains(IngestPlan plan, IngestState state, boolean follow) {
        final Map<String, List<IngestPlan.Planned>> mainlogs = new LinkedHashMap<>();
        final Map<String, List<IngestPlan.Planned>> bouncelogs = new LinkedHashMap<>();
        final List<IngestPlan.Planned> customs = new ArrayList<>();
        for (IngestPlan.Planned planned : plan.planned()) {
            if (planned.kind() == IngestPlan.Kind.HELD) {
                continue;
            }
            final IngestInput input = planned.input();
            switch (input.kind()) {
                case MAINLOG -> mainlogs.computeIfAbsent(input.node(), unused -> new ArrayList<>()).add(planned);
                case BOUNCELOG -> bouncelogs.computeIfAbsent(input.node(), unused -> new ArrayList<>()).add(planned);
                case CUSTOM -> customs.add(planned);
            }
        }
        final List<List<MergedLogReader>> chains = new ArrayList<>();
        for (List<IngestPlan.Planned> files : mainlogs.values()) {
            final int order = chains.size();
            chains.add(byFirstLine(files, state, true, follow).stream()
                    .map(planned -> new MergedLogReader(planned, order, follow)).toList());
        }
        for (List<IngestPlan.Planned> files : bouncelogs.values()) {
            final int order = chains.size();
            chains.add(byFirstLine(files, state, false, follow).stream()
                    .map(planned -> new MergedLogReader(planned, order, follow)).toList());
        }
        for (IngestPlan.Planned planned : customs) {
            chains.add(List.of(new MergedLogReader(planned, chains.size(), follow)));
        }
        return chains;
    }

    /**
     * Checks every input and leaves out empty files, which a rotation leaves behind for a moment: a log just
     * started holds nothing yet. When following, an empty plain file is kept, to be read as it grows.
     *
     * @return the inputs to plan
     * @throws IngestException when an input is missing, unreadable or binary, or every input is empty
     */
    private static List<IngestInput> usable(List<IngestInput> inputs, boolean follow) {
        final List<IngestInput> usable = new ArrayList<>();
        for (IngestInput input : inputs) {
            if (!Files.isRegularFile(input.path()) || LogFiles.size(input.path()) > 0) {
                LogFiles.check(input.path(), input.expected());
                usable.add(input);
            } else if (follow) {
                usable.add(input);
            }
        }
        if (usable.isEmpty() && !inputs.isEmpty()) {
            LogFiles.check(inputs.get(0).path(), inputs.get(0).expected());
        }
        return usable;
    }

    /**
     * A new mainlog of a node whose earlier log the store read only in part, when that log is not among the inputs:
     * after a rotation the rest of the earlier log (usually renamed {@code mainlog.ec.1}) would be lost, since it
     * could not be read after the new one.
     *
     * @throws IngestException naming the file left behind
     */
    private static void refuseLeftBehindFiles(IngestPlan plan) {
        for (FileProgress left : plan.unmatched()) {
            if (left.rawIdentity() != null) {
                continue;
            }
            for (IngestPlan.Planned planned : plan.planned()) {
                if (planned.kind() == IngestPlan.Kind.NEW && planned.input().isMainlog()
                        && planned.input().reading().equals(left.reading())) {
                    throw new IngestException(planned.input().path() + ": the store read only part of an earlier log "
                            + "of the same node (" + left.name() + ", " + left.lines() + " lines), which is not among "
                            + "the files given; after a rotation give the rotated file too (such as "
                            + left.name() + ".1), or its last lines are lost");
                }
            }
        }
    }

    /**
     * A file read on whose next line is older than the newest line the store has read (by more than
     * {@link #LATE_REST_TOLERANCE_MICROS}, for nodes whose clocks or buffers differ a little) was left behind
     * while newer logs were read: its rest would break the store's reception order.
     *
     * @return why the rest of the file cannot be taken, or null when it can
     */
    private static String lateRest(IngestPlan.Planned planned, IngestState state) {
        final long next = FirstTimestamp.nextAfter(planned.input(), planned.previous().offset());
        if (next == Long.MAX_VALUE || next >= state.newestLineMicros() - LATE_REST_TOLERANCE_MICROS) {
            return null;
        }
        return planned.input().path() + ": its lines after byte " + planned.previous().offset() + " start at "
                + Instant.ofEpochSecond(0, next * 1000) + ", before the newest line the store has read ("
                + Instant.ofEpochSecond(0, state.newestLineMicros() * 1000) + "): newer logs were ingested first; "
                + "the store keeps reception order, so ingest the logs of one period together, into a new store";
    }

    /**
     * Files read on come first; new files follow in the order of their first line.
     *
     * @param inOrder true to refuse a new file older than the store's newest message (mainlogs, whose receptions
     *                must come in order)
     * @param follow  true when following: an empty plain file is one to wait for, and comes last
     */
    private static List<IngestPlan.Planned> byFirstLine(List<IngestPlan.Planned> files, IngestState state,
                                                        boolean inOrder, boolean follow) {
        final List<IngestPlan.Planned> ordered = new ArrayList<>();
        final Map<IngestPlan.Planned, Long> firstMicros = new HashMap<>();
        for (IngestPlan.Planned planned : files) {
            if (planned.kind() == IngestPlan.Kind.RESUME) {
                final String late = lateRest(planned, state);
                if (inOrder && late != null) {
                    throw new IngestException(late);
                }
                ordered.add(planned);
                continue;
            }
            final boolean waiting = follow && LogFiles.size(planned.input().path()) == 0;
            final long first = waiting ? Long.MAX_VALUE : FirstTimestamp.of(planned.input());
            if (inOrder && first < state.lastStoredMicros()) {
                throw new IngestException(planned.input().path() + ": starts at "
                        + Instant.ofEpochSecond(0, first * 1000) + ", before the newest message the store holds ("
                        + Instant.ofEpochSecond(0, state.lastStoredMicros() * 1000) + "); the store keeps reception "
                        + "order, so ingest logs of one period together, into a new store");
            }
            firstMicros.put(planned, first);
        }
        files.stream().filter(firstMicros::containsKey).sorted(Comparator.comparingLong(firstMicros::get))
                .forEach(ordered::add);
        return ordered;
    }

    /** Finds the time of a file's first parsable line. */
    private static final class FirstTimestamp {
        private FirstTimestamp() {
        }

        static long of(IngestInput input) {
            return after(input, 0);
        }

        /** @return the time of the first line that parses after {@code offset}, or Long.MAX_VALUE when none does */
        static long nextAfter(IngestInput input, long offset) {
            try {
                return after(input, offset);
            } catch (IngestException e) {
                return Long.MAX_VALUE;
            }
        }

        private static long after(IngestInput input, long offset) {
            final Path file = input.path();
            final InputLineParser parser = new InputLineParser(input);
            final DecompressionGuard bytes = LogFiles.openBytes(file);
            try (BoundedLineReader reader = LogFiles.lines(bytes)) {
                IngestPlan.skipFully(bytes, offset);
                reader.holdUnterminated(bytes.format() == null || offset > 0);
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!reader.tooLong() && parser.parse(line) == null) {
                        return IngestRun.timeOf(parser.line());
                    }
                }
                if (bytes.damaged()) {
                    throw LogFiles.damagedBeforeText(file, bytes.format(), bytes.damage());
                }
            } catch (IOException e) {
                throw LogFiles.unreadable(file, e);
            }
            throw new IngestException(file + ": holds no line that parses; " + input.expected());
        }
    }
}
