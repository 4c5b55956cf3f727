package dev.cutover.ingest;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The on-disk store of joined messages: an append-only Chronicle Queue holding one excerpt per
 * {@link MessageRecord} in reception order (layout in {@link MessageCodec}), plus the {@link IngestState}: how far
 * each input file was read and the messages still open in the join. Chronicle Queue usage follows its README (github.com/OpenHFT/Chronicle-Queue): a single
 * queue built with {@code ChronicleQueue.singleBuilder}, the default FAST_DAILY roll cycle, raw bytes
 * written through {@code writingDocument()}.
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
     * @return true when the store itself wrote it (the queue folder and the ingested-files list)
     */
    public static boolean ownsEntry(String name) {
        return name.equals(QUEUE_FOLDER) || name.equals(IngestState.FILE_NAME)
                || name.equals(IngestState.FILE_NAME + ".tmp") || name.equals(LEGACY_FILE_LIST);
    }

    /** The list of ingested files of stores written before the ingest state existed. */
    private static final String LEGACY_FILE_LIST = "ingested-files.tsv";

    private final Path directory;
    private final SingleChronicleQueue queue;
    private final boolean legacy;
    private IngestState state;
    private ExcerptAppender appender;

    private TrafficStore(Path directory, SingleChronicleQueue queue) {
        this.directory = directory;
        this.queue = queue;
        this.legacy = Files.exists(directory.resolve(LEGACY_FILE_LIST));
        this.state = IngestState.load(directory);
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
        return new TrafficStore(directory, builder.build());
    }

    /** Appends one message as one excerpt. */
    public void append(MessageRecord message) {
        if (appender == null) {
            appender = queue.createAppender();
        }
        try (DocumentContext dc = appender.writingDocument()) {
            MessageCodec.write(message, dc.wire().bytes());
        }
    }

    /** @return a new reader positioned at the first message, which reads the pending ones last; close it */
    public MessageCursor cursor() {
        return new MessageCursor(queue.createTailer(), state.pendingMessages());
    }

    /** @return messages in the queue, appended by any process */
    public long messageCount() {
        return queue.entryCount();
    }

    /** @return messages whose join an ingest left open, read after the queue */
    public int pendingCount() {
        return state.join().open().size() + state.held().held().size();
    }

    /** @return the state saved by the last ingest, or {@link IngestState#EMPTY} */
    public IngestState state() {
        return state;
    }

    /** Saves the ingest state, replacing the file on disk atomically. */
    public void saveState(IngestState next) {
        next.save(directory);
        state = next;
    }

    /** @return true when the store was written by a cutover that kept no ingest state; it cannot be resumed */
    public boolean isLegacy() {
        return legacy;
    }

    /** @return the files ingested so far, in the order first read */
    public List<FileProgress> ingestedFiles() {
        return state.files();
    }

    @Override
    public void close() {
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
