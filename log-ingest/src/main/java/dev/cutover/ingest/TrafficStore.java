package dev.cutover.ingest;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The on-disk store of joined messages: an append-only Chronicle Queue holding one excerpt per
 * {@link MessageRecord} in reception order (its sequence number, then the layout in {@link MessageCodec}), a late
 * queue of stragglers, and the {@link IngestState}: how far each input file was read and the messages still open
 * in the join. Chronicle Queue usage follows its README (github.com/OpenHFT/Chronicle-Queue): queues built with
 * {@code ChronicleQueue.singleBuilder}, the default FAST_DAILY roll cycle, raw bytes written through
 * {@code writingDocument()}.
 *
 * <p>Directory layout: {@code messages/} holds the queue's cycle files, {@code ingest-state.bin} the state.
 * Another process may open the same directory and read it with {@link #cursor()}, also while this one appends.
 *
 * <p>The messages of the store are the queue's, then the state's pending ones: messages whose join is not done
 * when an ingest ends stay in the state, so that a later ingest of the grown logs can finish them, and a replay
 * reads them after the queue, as {@link Completeness#NO_FINAL_OUTCOME} when their final line is not yet read.
 *
 * <p>Note: one thread appends (the store keeps one appender, closed by {@link #close()}). Chronicle's usage
 * analytics and start-up banner are switched off before any Chronicle class loads. A store opened with the
 * default block size maps cycle files of 80 MiB apparent (sparse) size; tests use
 * {@link #open(Path, long)} with 256 KiB.
 */
public final class TrafficStore implements AutoCloseable {
    static {
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
    }

    /** Name of the queue folder inside the store directory. */
    public static final String QUEUE_FOLDER = "messages";

    /**
     * @param name a file or folder name directly inside a store folder
     * @return true when the store itself wrote it: its queues, its ingest state, or the file list of an older layout
     */
    public static boolean ownsEntry(String name) {
        return name.equals(QUEUE_FOLDER) || name.equals(LATE_FOLDER) || name.equals(SPILL_FOLDER)
                || name.equals(IngestState.FILE_NAME)
                || name.equals(IngestState.FILE_NAME + ".tmp") || name.equals(LEGACY_FILE_LIST);
    }

    /**
     * Name of the spill queue folder: finished messages that wait behind an open one are written here instead of
     * being held in memory, and read back when their turn comes.
     */
    public static final String SPILL_FOLDER = "spill";

    /**
     * Name of the late queue folder: stragglers, messages that stepped out of reception order while open (see
     * {@link ReceptionOrderJoiner}), each with its sequence number; readers merge them back in.
     */
    public static final String LATE_FOLDER = "late";

    /** The list of ingested files of stores written before the ingest state existed. */
    private static final String LEGACY_FILE_LIST = "ingested-files.tsv";

    private final Path directory;
    private final long blockSizeBytes;
    private final SingleChronicleQueue queue;
    private SingleChronicleQueue late;
    private ExcerptAppender lateAppender;
    private SingleChronicleQueue spill;
    private ExcerptAppender spillAppender;
    private ExcerptTailer spillTailer;
    private final boolean legacy;
    private IngestState state;
    private ExcerptAppender appender;
    private final MessageCodec.Encoder encoder = new MessageCodec.Encoder();

    private TrafficStore(Path directory, long blockSizeBytes, SingleChronicleQueue queue) {
        this.directory = directory;
        this.blockSizeBytes = blockSizeBytes;
        this.queue = queue;
        this.legacy = Files.exists(directory.resolve(LEGACY_FILE_LIST)) || !IngestState.readable(directory);
        this.state = legacy ? IngestState.EMPTY : IngestState.load(directory);
    }

    /**
     * Opens the store in {@code directory}, creating it when absent.
     *
     * @throws UncheckedIOException when the directory cannot be created
     */
    public static TrafficStore open(Path directory) {
        return open(directory, 0);
    }

    /**
     * Opens the store with a chosen queue block size.
     *
     * @param blockSizeBytes the queue's block size, e.g. {@code 256 << 10} in tests; 0 for Chronicle's default
     */
    public static TrafficStore open(Path directory, long blockSizeBytes) {
        createDirectories(directory);
        final var builder = ChronicleQueue.singleBuilder(directory.resolve(QUEUE_FOLDER));
        if (blockSizeBytes > 0) {
            builder.blockSize(blockSizeBytes);
        }
        return new TrafficStore(directory, blockSizeBytes, builder.build());
    }

    /** Appends one message as one excerpt, first among messages of its reception time. */
    public void append(MessageRecord message) {
        append(-1, message);
    }

    /**
     * Appends one message as one excerpt: its sequence number (8 bytes), which orders it among stragglers of the
     * same reception time, then the message in the {@link MessageCodec} layout.
     */
    void append(long sequence, MessageRecord message) {
        if (appender == null) {
            appender = queue.createAppender();
            appender.singleThreadedCheckDisabled(true);
        }
        try (DocumentContext dc = appender.writingDocument()) {
            encoder.message(sequence, message).writeTo(dc.wire().bytes());
        }
    }

    /**
     * @return a new reader of every message in reception order: the queue's, the stragglers of the late queue and
     *         the pending ones of the state, merged; close it
     */
    public MessageCursor cursor() {
        final ExcerptTailer lateTailer = lateCount() == 0 ? null : lateQueue().createTailer();
        return new MessageCursor(queue.createTailer(), Long.MAX_VALUE, lateTailer, Long.MAX_VALUE,
                state().pendingInOrder(), this::spilled);
    }

    /**
     * The messages a following replay reads before those an ingest then joins (see {@link LiveFeed}): the queue
     * and the late queue as far as the saved state counts them, and of the pending messages only the stragglers,
     * as they are so far. The other pending messages are still in reception order; the ingest that goes on from
     * the state hands them to its live feed when they are joined. Read on this thread before that ingest starts.
     *
     * @return a new reader of those messages in reception order; close it
     */
    public MessageCursor cursorBeforeFollowing() {
        final IngestState saved = state();
        final ExcerptTailer lateTailer = saved.storedLate() == 0 ? null : lateQueue().createTailer();
        final List<IngestState.Pending> stragglers = saved.pendingInOrder().stream()
                .filter(IngestState.Pending::straggler).toList();
        return new MessageCursor(queue.createTailer(), saved.storedMessages(), lateTailer, saved.storedLate(),
                stragglers, this::spilled);
    }

    /**
     * The messages a following replay reads after its ingest stopped: the pending ones that are not stragglers
     * (those were read as they stepped out), as they are so far. They come after everything the replay was given.
     *
     * @return a new reader of those messages in reception order; close it
     */
    public MessageCursor cursorAfterFollowing() {
        final List<IngestState.Pending> open = state().pendingInOrder().stream()
                .filter(pending -> !pending.straggler()).toList();
        return new MessageCursor(queue.createTailer(), 0, null, 0, open, this::spilled);
    }

    /** @return the pending stragglers of the saved state: messages open long after their reception */
    public long pendingStragglers() {
        return state().join().open().stream().filter(IngestState.Pending::straggler).count();
    }

    /** Appends a straggler with its sequence number to the late queue. */
    void appendLate(long sequence, MessageRecord message) {
        if (lateAppender == null) {
            lateAppender = lateQueue().createAppender();
        }
        try (DocumentContext dc = lateAppender.writingDocument()) {
            encoder.message(sequence, message).writeTo(dc.wire().bytes());
        }
    }

    /** @return messages in the late queue */
    public long lateCount() {
        return Files.isDirectory(directory.resolve(LATE_FOLDER)) ? lateQueue().entryCount() : 0;
    }

    /**
     * The late queue indexes every excerpt (index spacing 1, not Chronicle's default), because readers take its
     * messages in reception order, not append order, and each {@code moveToIndex} would otherwise scan headers from
     * the nearest indexed excerpt.
     */
    private SingleChronicleQueue lateQueue() {
        if (late == null) {
            final var builder = ChronicleQueue.singleBuilder(directory.resolve(LATE_FOLDER)).indexSpacing(1);
            if (blockSizeBytes > 0) {
                builder.blockSize(blockSizeBytes);
            }
            late = builder.build();
        }
        return late;
    }

    private SingleChronicleQueue build(Path folder) {
        final var builder = ChronicleQueue.singleBuilder(folder);
        if (blockSizeBytes > 0) {
            builder.blockSize(blockSizeBytes);
        }
        return builder.build();
    }

    /**
     * Writes a finished message to the spill queue.
     *
     * @return its index there, for {@link #spilled}
     */
    long spill(MessageRecord message) {
        if (spillAppender == null) {
            spillAppender = spillQueue().createAppender();
        }
        try (DocumentContext dc = spillAppender.writingDocument()) {
            encoder.message(message).writeTo(dc.wire().bytes());
            return dc.index();
        }
    }

    /** @return the message {@link #spill} wrote at {@code index} */
    MessageRecord spilled(long index) {
        if (spillTailer == null) {
            spillTailer = spillQueue().createTailer();
        }
        if (!spillTailer.moveToIndex(index)) {
            throw new IllegalStateException(directory + ": the spill queue has no message at index " + index
                    + "; the store is damaged (ingest into a new store)");
        }
        try (DocumentContext dc = spillTailer.readingDocument()) {
            return MessageCodec.read(dc.wire().bytes());
        }
    }

    /** Deletes the spill queue when the state refers to none of its messages. */
    void clearSpillIfUnused() {
        if (state().hasSpilled()) {
            return;
        }
        closeSpill();
        final Path folder = directory.resolve(SPILL_FOLDER);
        if (Files.isDirectory(folder)) {
            try (var files = Files.walk(folder)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot empty " + folder, e);
            }
        }
    }

    private SingleChronicleQueue spillQueue() {
        if (spill == null) {
            spill = build(directory.resolve(SPILL_FOLDER));
        }
        return spill;
    }

    private void closeSpill() {
        if (spillAppender != null) {
            spillAppender.close();
            spillAppender = null;
        }
        if (spillTailer != null) {
            spillTailer.close();
            spillTailer = null;
        }
        if (spill != null) {
            spill.close();
            spill = null;
        }
    }

    /** @return messages in the queue, appended by any process; stragglers are counted by {@link #lateCount} */
    public long messageCount() {
        return queue.entryCount();
    }

    /** @return messages whose join an ingest left open, read after the queue */
    public int pendingCount() {
        return state().join().open().size() + state().held().held().size();
    }

    /** @return the state saved by the last ingest, or {@link IngestState#EMPTY} */
    public IngestState state() {
        if (state == null) {
            state = IngestState.load(directory);
        }
        return state;
    }

    /**
     * Saves the ingest state, replacing the file on disk atomically. The state given may be a view of a live join,
     * so it is not kept: {@link #state()} reads back what was saved.
     */
    public void saveState(IngestState next) {
        next.save(directory);
        state = null;
    }

    /**
     * @return true when the store was written by a cutover that kept no ingest state, or another layout of it; it
     *         cannot be resumed
     */
    public boolean isLegacy() {
        return legacy;
    }

    /** @return the files ingested so far, in the order first read */
    public List<FileProgress> ingestedFiles() {
        return state().files();
    }

    @Override
    public void close() {
        closeSpill();
        if (lateAppender != null) {
            lateAppender.close();
        }
        if (late != null) {
            late.close();
        }
        if (appender != null) {
            appender.close();
        }
        queue.close();
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create traffic store directory " + directory, e);
        }
    }
}
