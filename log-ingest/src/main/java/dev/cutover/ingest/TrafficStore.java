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
 * {@link MessageRecord} in reception order (layout in {@link MessageCodec}), plus the list of input files
 * already ingested. Chronicle Queue usage follows its README (github.com/OpenHFT/Chronicle-Queue): a single
 * queue built with {@code ChronicleQueue.singleBuilder}, the default FAST_DAILY roll cycle, raw bytes
 * written through {@code writingDocument()}.
 *
 * <p>Directory layout: {@code messages/} holds the queue's cycle files, {@code ingested-files.tsv} the
 * ingested files. Another process may open the same directory and read it with {@link #cursor()}, also
 * while this one appends.
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
        return name.equals(QUEUE_FOLDER) || name.equals(IngestedFileLog.FILE_NAME)
                || name.equals(IngestedFileLog.FILE_NAME + ".tmp");
    }

    private final SingleChronicleQueue queue;
    private final IngestedFileLog ingestedFiles;
    private ExcerptAppender appender;

    private TrafficStore(SingleChronicleQueue queue, IngestedFileLog ingestedFiles) {
        this.queue = queue;
        this.ingestedFiles = ingestedFiles;
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
        return new TrafficStore(builder.build(), new IngestedFileLog(directory));
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

    /** @return a new reader positioned at the first message; close it when done */
    public MessageCursor cursor() {
        return new MessageCursor(queue.createTailer());
    }

    /** @return messages stored, by any process */
    public long messageCount() {
        return queue.entryCount();
    }

    /** @return true when a file with this identity was ingested into this store */
    public boolean hasIngested(FileIdentity identity) {
        return ingestedFiles.contains(identity);
    }

    /** Remembers that a file was ingested completely; the list on disk is replaced atomically. */
    public void recordIngested(IngestedFile file) {
        ingestedFiles.record(file);
    }

    /** @return the files ingested so far, in the order they were recorded */
    public List<IngestedFile> ingestedFiles() {
        return ingestedFiles.entries();
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
