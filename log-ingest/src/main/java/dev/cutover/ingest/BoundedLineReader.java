package dev.cutover.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Reads UTF-8 lines from bytes while holding at most {@code maxBytes} bytes of any one line, so a log with a
 * multi-megabyte line (or no line breaks at all) is read in bounded memory. It counts the bytes it consumes,
 * so a store can remember where it stopped and a later ingest can go on from there.
 *
 * <p>Rules: lines end at {@code \n}; a {@code \r} before it is dropped. Bytes past the limit are skipped and the
 * line is flagged {@link #tooLong()}. Malformed UTF-8 becomes U+FFFD, never an error. A last line without
 * {@code \n} is returned at the end of the input, unless the reader {@link #holdUnterminated holds} it: then it
 * stays pending, and a later {@link #readLine()} goes on reading it once the input has grown (a file still
 * being written returns more bytes after its end).
 *
 * <p>Position: {@link #offset()} is the number of bytes consumed through the end of the line last returned,
 * counted from the start of the input (or from the offset the reader was started at). The last
 * {@value #WINDOW_BYTES} bytes before any recent offset can be digested with {@link #windowDigest}, which is
 * how a resumed ingest proves a file is the one it read before; a reader started at an offset holds only the bytes
 * it has read since, so its window may be shorter.
 */
final class BoundedLineReader implements Closeable {
    /** Bytes digested before an offset to recognise a file again. */
    static final int WINDOW_BYTES = 4096;
    private static final int RING_BYTES = 4 * WINDOW_BYTES;

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private final byte[] ring = new byte[RING_BYTES];
    private byte[] line = new byte[256];
    private int lineLength;
    private long lineBytes;
    private int position;
    private int limit;
    private long bufferStart;
    private long offset;
    private long lineStart;
    private boolean cutting;
    private boolean tooLong;
    private boolean endedAtLineBreak;
    private boolean holdUnterminated;
    private long lineNumber;
    private final long startOffset;

    BoundedLineReader(InputStream in, int maxBytes) {
        this(in, maxBytes, 0, 0);
    }

    /**
     * @param startOffset the byte offset of the input's first byte in its file, for a resumed read
     * @param startLine   lines of the file before that offset
     */
    BoundedLineReader(InputStream in, int maxBytes, long startOffset, long startLine) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.startOffset = startOffset;
        this.bufferStart = startOffset;
        this.offset = startOffset;
        this.lineStart = startOffset;
        this.lineNumber = startLine;
    }

    /** @param hold true to keep a last line without {@code \n} pending instead of returning it */
    void holdUnterminated(boolean hold) {
        this.holdUnterminated = hold;
    }

    /** @return the next line (cut to {@code maxBytes} when {@link #tooLong()}), or null at the end for now */
    String readLine() throws IOException {
        if (lineBytes == 0 && position < limit) {
            final String whole = lineInBuffer();
            if (whole != null) {
                return whole;
            }
        }
        while (fill()) {
            if (consumeUntilNewline()) {
                endedAtLineBreak = true;
                return finishLine();
            }
        }
        if (lineBytes == 0 || holdUnterminated) {
            return null;
        }
        endedAtLineBreak = false;
        return finishLine();
    }

    /** @return true when the line last returned ended at {@code \n}, false when the input ran out inside it */
    boolean endedAtLineBreak() {
        return endedAtLineBreak;
    }

    /** @return true when the line last returned was longer than {@code maxBytes} */
    boolean tooLong() {
        return tooLong;
    }

    /** @return the 1-based number of the line last returned */
    long lineNumber() {
        return lineNumber;
    }

    /** @return bytes consumed through the end of the line last returned */
    long offset() {
        return offset;
    }

    /** @return the offset at which the line last returned began */
    long lineStart() {
        return lineStart;
    }

    /** @return bytes of a line held pending because the input ended inside it */
    long pendingBytes() {
        return lineBytes;
    }

    /**
     * @param at an offset no further back than a few KiB from the bytes read so far
     * @return the length and SHA-256 of the up to {@value #WINDOW_BYTES} bytes before {@code at}, as far as
     *         they are still held
     */
    FileWindow windowDigest(long at) {
        final long available = at - Math.max(startOffset, bufferStart - RING_BYTES);
        final int length = (int) Math.max(0, Math.min(WINDOW_BYTES, available));
        final MessageDigest sha256 = FileWindow.newDigest();
        for (long i = at - length; i < at; i++) {
            sha256.update(i >= bufferStart ? buffer[(int) (i - bufferStart)] : ring[(int) (i % RING_BYTES)]);
        }
        return new FileWindow(length, FileWindow.hex(sha256.digest()));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        remember();
        bufferStart += limit;
        limit = Math.max(0, in.read(buffer, 0, buffer.length));
        position = 0;
        return limit > 0;
    }

    /**
     * The common case: a whole line, line break included, waiting in the buffer, decoded from there without a
     * copy.
     *
     * @return the line, or null when the buffer ends inside it
     */
    private String lineInBuffer() {
        int end = position;
        while (end < limit && buffer[end] != '\n') {
            end++;
        }
        if (end == limit || end - position > maxBytes) {
            return null;
        }
        final int from = position;
        position = end + 1;
        lineNumber++;
        lineStart = offset;
        offset += position - from;
        endedAtLineBreak = true;
        tooLong = false;
        final int length = end > from && buffer[end - 1] == '\r' ? end - 1 - from : end - from;
        return new String(buffer, from, length, StandardCharsets.UTF_8);
    }

    /** Moves buffered bytes into the line; @return true when a newline ended it. */
    private boolean consumeUntilNewline() {
        int end = position;
        while (end < limit && buffer[end] != '\n') {
            end++;
        }
        final boolean ended = end < limit;
        final int next = ended ? end + 1 : end;
        keep(position, end);
        lineBytes += next - position;
        position = next;
        return ended;
    }

    private void keep(int from, int to) {
        final int room = maxBytes + 1 - lineLength;
        final int kept = Math.min(room, to - from);
        if (lineLength + kept > line.length) {
            line = Arrays.copyOf(line, Math.min(Math.max(lineLength + kept, line.length * 2), maxBytes + 1));
        }
        System.arraycopy(buffer, from, line, lineLength, kept);
        lineLength += kept;
        cutting |= kept < to - from;
    }

    /**
     * Keeps the last {@value #RING_BYTES} bytes of the buffer before it is refilled, each at its offset modulo the
     * ring's size, so the ring and the buffer together hold the bytes before any offset still within reach of
     * {@link #windowDigest}.
     */
    private void remember() {
        final int start = Math.max(0, limit - RING_BYTES);
        int copied = 0;
        while (copied < limit - start) {
            final int slot = (int) ((bufferStart + start + copied) % RING_BYTES);
            final int chunk = Math.min(limit - start - copied, RING_BYTES - slot);
            System.arraycopy(buffer, start + copied, ring, slot, chunk);
            copied += chunk;
        }
    }

    private String finishLine() {
        lineNumber++;
        lineStart = offset;
        offset += lineBytes;
        lineBytes = 0;
        int length = lineLength;
        if (!cutting && length > 0 && line[length - 1] == '\r') {
            length--;
        }
        tooLong = cutting || length > maxBytes;
        final String text = new String(line, 0, Math.min(length, maxBytes), StandardCharsets.UTF_8);
        lineLength = 0;
        cutting = false;
        return text;
    }
}
