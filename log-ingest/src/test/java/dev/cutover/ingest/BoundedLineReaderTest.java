package dev.cutover.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedLineReaderTest {
    @Test
    void readLine_crlfAndMissingFinalNewline_linesWithoutTerminators() throws IOException {
        final BoundedLineReader reader = new BoundedLineReader(bytes("a\r\n\nb"), 10);

        assertEquals("a", reader.readLine());
        assertEquals("", reader.readLine());
        assertEquals("b", reader.readLine());
        assertEquals(3, reader.lineNumber());
        assertNull(reader.readLine());
    }

    @Test
    void readLine_lineOfExactlyMax_notTooLong() throws IOException {
        final BoundedLineReader reader = new BoundedLineReader(bytes("abcd\r\nx"), 4);

        assertEquals("abcd", reader.readLine());
        assertFalse(reader.tooLong());
    }

    @Test
    void readLine_tenMegabyteLineFromStream_cutAndFlaggedThenNextLineRead() throws IOException {
        final long hugeChars = 10L << 20;
        final BoundedLineReader reader = new BoundedLineReader(new RepeatingBytes(hugeChars, "\nnext\n"), 64 * 1024);

        final String first = reader.readLine();

        assertEquals(64 * 1024, first.length());
        assertTrue(reader.tooLong());
        assertEquals("next", reader.readLine());
        assertFalse(reader.tooLong());
        assertEquals(2, reader.lineNumber());
    }

    @Test
    void readLine_offsetsAndWindow_countBytesOfMultiByteText() throws IOException {
        final BoundedLineReader reader = new BoundedLineReader(bytes("é1\nab\r\nc"), 100);

        assertEquals("é1", reader.readLine());
        assertEquals(4, reader.offset());
        assertEquals("ab", reader.readLine());
        assertEquals(4, reader.lineStart());
        assertEquals(8, reader.offset());
        assertEquals(FileWindow.of("é1\n".getBytes(StandardCharsets.UTF_8), 4), reader.windowDigest(4));
        assertEquals("c", reader.readLine());
        assertFalse(reader.endedAtLineBreak());
        assertEquals(9, reader.offset());
    }

    @Test
    void windowDigest_atEveryLineEndAcrossBufferRefills_digestOfTheBytesBefore() throws IOException {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 300_000; i++) {
            text.append("line ").append(i).append(" ").append("x".repeat(i % 97)).append(i % 5 == 0 ? "\r\n" : "\n");
        }
        final byte[] all = text.toString().getBytes(StandardCharsets.UTF_8);
        for (boolean smallChunks : new boolean[] {false, true}) {
            final InputStream in = smallChunks ? new ChunkedBytes(all, 1_000) : new ByteArrayInputStream(all);
            final BoundedLineReader reader = new BoundedLineReader(in, 1_000);
            int lines = 0;
            while (reader.readLine() != null) {
                lines++;
                final int at = (int) reader.offset();
                final int length = Math.min(BoundedLineReader.WINDOW_BYTES, at);
                final byte[] before = Arrays.copyOfRange(all, at - length, at);
                assertEquals(FileWindow.of(before, length), reader.windowDigest(at), "line " + lines);
            }
            assertEquals(all.length, reader.offset());
        }
    }

    @Test
    void readLine_holdUnterminated_lastLineWaitsUntilCompleted() throws IOException {
        final GrowingBytes input = new GrowingBytes("one\ntw");
        final BoundedLineReader reader = new BoundedLineReader(input, 100);
        reader.holdUnterminated(true);

        assertEquals("one", reader.readLine());
        assertNull(reader.readLine());
        assertEquals(2, reader.pendingBytes());
        assertEquals(4, reader.offset());
        input.append("o\n");
        assertEquals("two", reader.readLine());
        assertEquals(8, reader.offset());
        assertEquals(2, reader.lineNumber());
    }

    @Test
    void readLine_resumedAtOffset_numbersLinesOn() throws IOException {
        final BoundedLineReader reader = new BoundedLineReader(bytes("x\n"), 100, 1000, 41);

        assertEquals("x", reader.readLine());
        assertEquals(42, reader.lineNumber());
        assertEquals(1000, reader.lineStart());
        assertEquals(1002, reader.offset());
    }

    @Test
    void readLine_malformedUtf8_replacedNotFailed() throws IOException {
        final BoundedLineReader reader = new BoundedLineReader(new ByteArrayInputStream(new byte[] {'a', (byte) 0xff,
            '\n'}), 100);

        assertEquals("a\ufffd", reader.readLine());
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A file still being written: reads return what was appended so far, and -1 at its current end. */
    private static final class GrowingBytes extends InputStream {
        private byte[] data;
        private int position;

        GrowingBytes(String text) {
            data = text.getBytes(StandardCharsets.UTF_8);
        }

        void append(String text) {
            final byte[] more = text.getBytes(StandardCharsets.UTF_8);
            final byte[] grown = java.util.Arrays.copyOf(data, data.length + more.length);
            System.arraycopy(more, 0, grown, data.length, more.length);
            data = grown;
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xff : -1;
        }
    }

    /** Produces {@code count} letters and then a tail, without ever holding them all. */
    private static final class RepeatingBytes extends InputStream {
        private long remaining;
        private final InputStream tail;

        RepeatingBytes(long count, String tail) {
            this.remaining = count;
            this.tail = bytes(tail);
        }

        @Override
        public int read() throws IOException {
            final byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining == 0) {
                return tail.read(buffer, offset, length);
            }
            final int n = (int) Math.min(length, remaining);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
            remaining -= n;
            return n;
        }
    }

    /** Hands out at most {@code chunk} bytes a read, as a decompressing stream may. */
    private static final class ChunkedBytes extends InputStream {
        private final ByteArrayInputStream in;
        private final int chunk;

        ChunkedBytes(byte[] bytes, int chunk) {
            this.in = new ByteArrayInputStream(bytes);
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, chunk));
        }
    }
}
