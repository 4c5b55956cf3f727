package dev.cutover.ingest;

import dev.cutover.ingest.ParsedLine.Reception;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * One input of a {@link MergedRead}: a custom log or a mainlog file of one node, read one usable line ahead so
 * that several files can be interleaved by line time. Unusable lines are set aside as they are read; damaged
 * compressed data ends the file with one {@link RejectReason#COMPRESSED_DATA_DAMAGED} line (the unfinished line it
 * cut, or an empty line after the last complete one when it fell between lines).
 *
 * <p>Position: a reader resumed from a {@link FileProgress} skips the bytes read before and numbers its lines on
 * from there. {@link #progress()} gives the position before the line read ahead, so an ingest resumed from it
 * reads that line again, and nothing twice.
 *
 * <p>Half-written lines: a plain file may still be being written, so a last line without a line break is not
 * taken; it stays for the next ingest (or the next look, when following), which reads it whole once it is
 * finished. A compressed file is complete, so its last line is taken as it is.
 *
 * <p>Following: for a plain file read with {@code follow}, the end is only the end for now: {@link #advance}
 * returns false and can be called again after the file has grown. {@link #replaced()} tells when the path now
 * names another file (rotation). A compressed file does not grow: its end is its end ({@link #grows()}).
 */
final class MergedLogReader implements Closeable {
    private final IngestPlan.Planned planned;
    private final Path path;
    private final String node;
    private final int order;
    private final boolean follow;
    private final InputLineParser parser;
    private DecompressionGuard bytes;
    private BoundedLineReader reader;
    private Object fileKey;
    private long bytesSkipped;
    private String firstReject;
    private boolean lastLineCut;
    private boolean atEnd;
    private boolean hasHead;
    private String headText;
    private long headLineNumber;
    private long headStart;
    private long headMicros;
    private Reception headReception;
    private ParsedLine headLine;

    /**
     * @param order  breaks ties between equal line times: the lower order is read first
     * @param follow true to treat the end of a plain file as the end for now
     */
    MergedLogReader(IngestPlan.Planned planned, int order, boolean follow) {
        this.planned = planned;
        this.path = planned.input().path();
        this.node = planned.input().node();
        this.order = order;
        this.follow = follow;
        this.parser = new InputLineParser(planned.input());
    }

    void open(IngestListener listener) {
        listener.fileStarted(path, LogFiles.size(path));
        fileKey = fileKey(path);
        bytes = LogFiles.openBytes(path);
        final FileProgress from = planned.kind() == IngestPlan.Kind.RESUME ? planned.previous() : null;
        final long offset = from == null ? 0 : from.offset();
        try {
            if (IngestPlan.skipFully(bytes, offset) < offset) {
                throw new IngestException(path + ": ended before byte " + offset + ", where the store stopped "
                        + "reading it; expected the file the store read before");
            }
        } catch (IOException e) {
            throw LogFiles.unreadable(path, e);
        }
        bytesSkipped = bytes.format() == null ? bytes.fileBytesRead() : 0;
        reader = LogFiles.lines(bytes, offset, from == null ? 0 : from.lines());
        if (from != null) {
            listener.fileResumed(path, from.lines());
        }
        reader.holdUnterminated(bytes.format() == null);
    }

    /**
     * @return true when the file may still grow: a plain file read with {@code follow}; a compressed file is
     *         complete, so a follower reads it once to its end
     */
    boolean grows() {
        return follow && bytes.format() == null;
    }

    /** @return true when this reader must find at least one usable line: a file not read before */
    boolean isNew() {
        return planned.kind() == IngestPlan.Kind.NEW;
    }

    /**
     * Reads up to the next usable line, setting aside the others in {@code run}.
     *
     * @return false at the end of the file (for now, when following)
     */
    boolean advance(IngestRun run, IngestListener listener) {
        hasHead = false;
        atEnd = false;
        headLine = null;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                final boolean usable = take(run, line);
                noteProgress(run, listener);
                if (usable) {
                    return true;
                }
            }
        } catch (IOException e) {
            throw LogFiles.unreadable(path, e);
        }
        atEnd = true;
        return false;
    }

    /**
     * For a followed file at its end: the file's name now leads to another file, or the file is shorter than what
     * was read, as after a rotation by rename or by copy and truncate.
     */
    boolean replaced() {
        try {
            if (!Files.exists(path)) {
                return false;
            }
            return renamed() || Files.size(path) < reader.offset() || !sameBytesBefore(reader.offset());
        } catch (IOException e) {
            return false;
        }
    }

    /** @return true when the name now leads to another file than the one open (rotation by rename) */
    boolean renamed() {
        return !Objects.equals(fileKey, fileKey(path));
    }

    /**
     * @return true when the file still holds, just before {@code offset}, the bytes read there; false after a copy
     *         and truncate that the log has since written past
     */
    private boolean sameBytesBefore(long offset) throws IOException {
        final FileWindow expected = reader.windowDigest(offset);
        final ByteBuffer seen = ByteBuffer.allocate(expected.length());
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            while (seen.hasRemaining() && channel.read(seen, offset - expected.length() + seen.position()) > 0) {
                // Reads until the window is full or the file ends.
            }
        }
        return !seen.hasRemaining() && FileWindow.of(seen.array(), seen.capacity()).equals(expected);
    }

    /** Stops holding a last line without a line break, for a file that will not grow again. */
    void stopFollowing() {
        reader.holdUnterminated(false);
    }

    /** Reports damage after the last line, a half-written last line left for later, and the final progress. */
    void finish(IngestRun run, IngestListener listener) {
        if (reader.pendingBytes() > 0) {
            run.heldBack(path, reader.lineNumber() + 1, reader.pendingBytes());
        }
        if (bytes.damaged() && !lastLineCut) {
            run.rejectDamage(path, reader.lineNumber() + 1, "");
        }
        listener.progress(path, reader.lineNumber(), bytes.fileBytesRead() - bytesSkipped, run.messagesStored());
    }

    /** Hands the line read ahead to {@code run}. */
    void deliver(IngestRun run) {
        hasHead = false;
        run.accept(node, path, headLineNumber, headText, headReception, headLine);
    }

    /** @return bytes of the file left to read, as stored on disk; for a resumed compressed file, all of it */
    long bytesToRead() {
        final long size = LogFiles.size(path);
        final boolean resumed = planned.kind() == IngestPlan.Kind.RESUME;
        return resumed && LogFiles.isPlain(path) ? Math.max(0, size - planned.previous().offset()) : size;
    }

    /** @return how far this file has been taken: up to the line read ahead, which is not taken yet */
    FileProgress progress() {
        final boolean cutByDamage = atEnd && lastLineCut;
        final long offset = hasHead ? headStart : cutByDamage ? reader.lineStart() : reader.offset();
        final long lines = hasHead || cutByDamage ? (hasHead ? headLineNumber : reader.lineNumber()) - 1
                : reader.lineNumber();
        final FileIdentity raw = planned.raw();
        final boolean whole = atEnd && !hasHead && reader.pendingBytes() == 0
                && (bytes.format() != null || offset == raw.sizeBytes());
        final FileProgress previous = planned.previous();
        final FileWindow window = previous != null && previous.offset() == offset ? previous.window()
                : reader.windowDigest(offset);
        return new FileProgress(path.getFileName().toString(), planned.input().reading(), planned.head(), offset,
                window, lines, whole ? raw : null);
    }

    /** @return the progress this reader replaces in the store's list, or null for a file not read before */
    FileProgress previous() {
        return planned.previous();
    }

    /** @return the merge time of the line read ahead (a bouncelog line's a little after its own time) */
    long headMicros() {
        return headMicros;
    }

    int order() {
        return order;
    }

    Path path() {
        return path;
    }

    IngestInput input() {
        return planned.input();
    }

    long lineCount() {
        return reader.lineNumber();
    }

    /** @return where and why the first line was set aside, such as {@code line 1: UNKNOWN_RECORD_TYPE}, or null */
    String firstReject() {
        return firstReject;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }

    private static Object fileKey(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** @return true when {@code line} was usable and is now the head */
    private boolean take(IngestRun run, String line) {
        lastLineCut = bytes.damaged() && !reader.endedAtLineBreak();
        final RejectReason preset = lastLineCut ? RejectReason.COMPRESSED_DATA_DAMAGED
                : reader.tooLong() ? RejectReason.LINE_TOO_LONG : null;
        final RejectReason reason = preset != null ? preset : parser.parse(line);
        if (reason != null) {
            if (firstReject == null) {
                firstReject = "line " + reader.lineNumber() + ": " + reason;
            }
            run.rejectLine(path, reader.lineNumber(), reason, line);
            return false;
        }
        headLine = parser.line();
        headReception = parser.implied();
        headMicros = parser.mergeMicros();
        hasHead = true;
        headText = line;
        headLineNumber = reader.lineNumber();
        headStart = reader.lineStart();
        return true;
    }

    private void noteProgress(IngestRun run, IngestListener listener) {
        if (reader.lineNumber() % Ingestor.PROGRESS_INTERVAL_LINES == 0) {
            listener.progress(path, reader.lineNumber(), bytes.fileBytesRead() - bytesSkipped, run.messagesStored());
        }
    }
}
