package dev.cutover.ingest;

import net.openhft.chronicle.bytes.Bytes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongFunction;

/**
 * What a traffic store must remember between ingests to go on exactly where the last one stopped: how far each
 * input file was read, the messages still open in the join (received, not yet final, or final but waiting behind
 * an earlier open one), the messages a custom-log ingest holds back, and how many messages and rejects had been
 * written when the state was saved.
 *
 * <p>Crash safety: the state is saved to a temporary file, forced to disk and renamed over the old one, so a
 * process killed at any point leaves either the previous state or the new one. Messages appended to the queue
 * after the state was saved are found again by the next ingest, which re-reads from the saved offsets and skips
 * appending the first {@code queue count - storedMessages} messages it joins (the join is deterministic, so they
 * are the same messages); rejects written after the save are cut off at {@code rejectsPosition}.
 *
 * <p>Layout: the magic {@code CUTOVER-INGEST-STATE}, a layout version, then the fields below in order, strings
 * as length-prefixed UTF-8 and messages in the {@link MessageCodec} layout.
 *
 * @param storedMessages   messages in the queue when the state was saved
 * @param storedLate       messages in the late queue (stragglers) when the state was saved
 * @param rejectsPosition  the reject sink's position when the state was saved, -1 when it has none
 * @param newestLineMicros the time of the newest line read, {@link Long#MIN_VALUE} before any
 * @param lastStoredMicros the reception time of the newest message stored, {@link Long#MIN_VALUE} before any
 * @param files            every input file read so far, in the order first read
 * @param join             the join's open messages and counters
 * @param held             messages a custom-log ingest holds back for earlier receptions
 */
public record IngestState(long storedMessages, long storedLate, long rejectsPosition, long newestLineMicros,
                          long lastStoredMicros, List<FileProgress> files, JoinState join, HoldState held) {
    static final String FILE_NAME = "ingest-state.bin";
    private static final String MAGIC = "CUTOVER-INGEST-STATE";
    /**
     * The layout of this build's stores: 3 since messages carry their reception protocol. A store of an earlier
     * layout is one an earlier cutover wrote ({@link TrafficStore#isLegacy}), which a run empties and fills again,
     * so that no message is replayed without what this build reads from its log.
     */
    private static final int LAYOUT_VERSION = 3;

    /** The state of a store nothing was ingested into. */
    public static final IngestState EMPTY = new IngestState(0, 0, -1, Long.MIN_VALUE, Long.MIN_VALUE, List.of(),
            new JoinState(0, Long.MIN_VALUE, List.of()), new HoldState(0, Long.MIN_VALUE, List.of()));

    public IngestState {
        files = List.copyOf(files);
    }

    /**
     * A message kept in the state with the sequence number that orders it among messages of equal reception time.
     * A finished message waiting behind an open one may have been spilled to the store's spill queue: then only
     * its place there is kept.
     *
     * @param sequence        arrival order within the join or the hold-back
     * @param receptionMicros the message's reception time
     * @param message         the message as joined so far (COMPLETE when its final line was read), or null when
     *                        spilled
     * @param spillIndex      the message's index in the spill queue, or -1 when not spilled
     * @param straggler       an open message that stepped out of reception order (see {@link ReceptionOrderJoiner})
     */
    public record Pending(long sequence, long receptionMicros, MessageRecord message, long spillIndex,
                          boolean straggler) {
        /** @return a message kept whole in the state */
        public static Pending of(long sequence, MessageRecord message) {
            return open(sequence, message, false);
        }

        /** @return a message of the join kept whole in the state, a straggler or not */
        public static Pending open(long sequence, MessageRecord message, boolean straggler) {
            return new Pending(sequence, message.receptionMicros(), message, -1, straggler);
        }

        /** @return a finished message kept in the spill queue */
        public static Pending spilled(long sequence, long receptionMicros, long spillIndex) {
            return new Pending(sequence, receptionMicros, null, spillIndex, false);
        }

        /** @return true when the message is in the spill queue */
        public boolean isSpilled() {
            return spillIndex >= 0;
        }

        /** @return the message, read from the spill queue through {@code spilled} when it is there */
        MessageRecord resolve(LongFunction<MessageRecord> spilled) {
            return isSpilled() ? spilled.apply(spillIndex) : message;
        }
    }

    /** The join's state: see {@link ReceptionOrderJoiner}. */
    public record JoinState(long nextSequence, long newestMicros, List<Pending> open) {
        public JoinState {
            open = java.util.Collections.unmodifiableList(open);
        }
    }

    /** The hold-back's state: see {@link ReceptionHoldBack}. */
    public record HoldState(long nextSequence, long lastReleasedMicros, List<Pending> held) {
        public HoldState {
            held = List.copyOf(held);
        }
    }

    /**
     * @return the open and held messages in the order a final ingest would store them: reception time, then held
     *         messages before open ones, then arrival
     */
    public List<Pending> pendingInOrder() {
        final List<Pending> pending = new ArrayList<>(held.held().size() + join.open().size());
        held.held().stream().sorted(Comparator.comparingLong(Pending::sequence)).forEach(pending::add);
        join.open().stream().sorted(Comparator.comparingLong(Pending::sequence)).forEach(pending::add);
        pending.sort(Comparator.comparingLong(Pending::receptionMicros));
        return pending;
    }

    /** @return true when any pending message lives in the spill queue */
    boolean hasSpilled() {
        return held.held().stream().anyMatch(Pending::isSpilled) || join.open().stream().anyMatch(Pending::isSpilled);
    }

    /** @return true when any file was read into the store */
    public boolean isEmpty() {
        return files.isEmpty() && storedMessages == 0;
    }

    /** @return true when the directory holds no state, or a state this build reads */
    static boolean readable(Path directory) {
        final Path file = directory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return true;
        }
        try (var in = Files.newInputStream(file)) {
            final Bytes<byte[]> head = Bytes.wrapForRead(in.readNBytes(64));
            return MAGIC.equals(head.readUtf8()) && head.readStopBit() == LAYOUT_VERSION;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static IngestState load(Path directory) {
        final Path file = directory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return EMPTY;
        }
        try {
            final Bytes<byte[]> bytes = Bytes.wrapForRead(Files.readAllBytes(file));
            return read(bytes, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + ": damaged ingest state (" + e.getMessage() + ")", e);
        }
    }

    /** Writes the state a chunk at a time, so saving a million pending messages needs no more than a chunk. */
    void save(Path directory) {
        final Path temporary = directory.resolve(FILE_NAME + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            final ChunkedOutput out = new ChunkedOutput(channel);
            try {
                write(out);
                out.flush();
            } finally {
                out.release();
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temporary, e);
        }
        try {
            Files.move(temporary, directory.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directory.resolve(FILE_NAME), e);
        }
    }

    private void write(ChunkedOutput out) throws IOException {
        final Bytes<?> bytes = out.bytes;
        bytes.writeUtf8(MAGIC);
        bytes.writeStopBit(LAYOUT_VERSION);
        bytes.writeLong(storedMessages);
        bytes.writeLong(storedLate);
        bytes.writeLong(rejectsPosition);
        bytes.writeLong(newestLineMicros);
        bytes.writeLong(lastStoredMicros);
        bytes.writeStopBit(files.size());
        for (FileProgress file : files) {
            writeFile(file, bytes);
        }
        bytes.writeLong(join.nextSequence());
        bytes.writeLong(join.newestMicros());
        writePending(join.open(), out);
        bytes.writeLong(held.nextSequence());
        bytes.writeLong(held.lastReleasedMicros());
        writePending(held.held(), out);
    }

    /** A small buffer written to the file whenever it holds a chunk. */
    private static final class ChunkedOutput {
        private static final int CHUNK_BYTES = 1 << 20;
        private final FileChannel channel;
        private final Bytes<ByteBuffer> bytes = Bytes.elasticByteBuffer(CHUNK_BYTES + 4096);

        ChunkedOutput(FileChannel channel) {
            this.channel = channel;
            bytes.singleThreadedCheckDisabled(true);
        }

        void flushWhenFull() throws IOException {
            if (bytes.writePosition() >= CHUNK_BYTES) {
                flush();
            }
        }

        void flush() throws IOException {
            final ByteBuffer buffer = bytes.underlyingObject().duplicate();
            buffer.position(0).limit((int) bytes.writePosition());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            bytes.clear();
        }

        void release() {
            bytes.releaseLast();
        }
    }

    private static IngestState read(Bytes<?> bytes, Path file) {
        final String magic = bytes.readUtf8();
        final long version = bytes.readStopBit();
        if (!MAGIC.equals(magic) || version != LAYOUT_VERSION) {
            throw new IllegalStateException(file + ": not an ingest state of layout " + LAYOUT_VERSION);
        }
        final long stored = bytes.readLong();
        final long storedLate = bytes.readLong();
        final long rejects = bytes.readLong();
        final long newest = bytes.readLong();
        final long lastStored = bytes.readLong();
        final int fileCount = (int) bytes.readStopBit();
        final List<FileProgress> files = new ArrayList<>(fileCount);
        for (int i = 0; i < fileCount; i++) {
            files.add(readFile(bytes));
        }
        final JoinState join = new JoinState(bytes.readLong(), bytes.readLong(), readPending(bytes));
        final HoldState held = new HoldState(bytes.readLong(), bytes.readLong(), readPending(bytes));
        return new IngestState(stored, storedLate, rejects, newest, lastStored, files, join, held);
    }

    private static void writeFile(FileProgress file, Bytes<?> bytes) {
        bytes.writeUtf8(file.name());
        bytes.writeUtf8(file.reading());
        writeWindow(file.head(), bytes);
        bytes.writeLong(file.offset());
        writeWindow(file.window(), bytes);
        bytes.writeLong(file.lines());
        final FileIdentity raw = file.rawIdentity();
        bytes.writeBoolean(raw != null);
        if (raw != null) {
            bytes.writeLong(raw.sizeBytes());
            bytes.writeUtf8(raw.headSha256());
            bytes.writeUtf8(raw.tailSha256());
        }
    }

    private static FileProgress readFile(Bytes<?> bytes) {
        final String name = bytes.readUtf8();
        final String reading = bytes.readUtf8();
        final FileWindow head = readWindow(bytes);
        final long offset = bytes.readLong();
        final FileWindow window = readWindow(bytes);
        final long lines = bytes.readLong();
        final FileIdentity raw = bytes.readBoolean()
                ? new FileIdentity(bytes.readLong(), bytes.readUtf8(), bytes.readUtf8()) : null;
        return new FileProgress(name, reading, head, offset, window, lines, raw);
    }

    private static void writeWindow(FileWindow window, Bytes<?> bytes) {
        bytes.writeStopBit(window.length());
        bytes.writeUtf8(window.sha256());
    }

    private static FileWindow readWindow(Bytes<?> bytes) {
        return new FileWindow((int) bytes.readStopBit(), bytes.readUtf8());
    }

    private static void writePending(List<Pending> pending, ChunkedOutput out) throws IOException {
        final Bytes<?> bytes = out.bytes;
        bytes.writeStopBit(pending.size());
        final MessageCodec.Encoder encoder = new MessageCodec.Encoder();
        for (Pending p : pending) {
            out.flushWhenFull();
            bytes.writeLong(p.sequence());
            bytes.writeLong(p.receptionMicros());
            bytes.writeLong(p.spillIndex());
            bytes.writeBoolean(p.straggler());
            if (!p.isSpilled()) {
                encoder.message(p.message()).writeTo(bytes);
            }
        }
    }

    private static List<Pending> readPending(Bytes<?> bytes) {
        final int count = (int) bytes.readStopBit();
        final List<Pending> pending = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            final long sequence = bytes.readLong();
            final long receptionMicros = bytes.readLong();
            final long spillIndex = bytes.readLong();
            final boolean straggler = bytes.readBoolean();
            final MessageRecord message = spillIndex >= 0 ? null : MessageCodec.read(bytes);
            pending.add(new Pending(sequence, receptionMicros, message, spillIndex, straggler));
        }
        return pending;
    }
}
