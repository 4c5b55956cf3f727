package dev.cutover.ingest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedLineReaderTest {
    @Test
    void readLine_crlfAndMissingFinalNewline_linesWithoutTerminators() throws IOException {
        final BoundedLineReader reader = new BoundedLineReader(new StringReader("a\r\n\nb"), 10);

        assertEquals("a", reader.readLine());
        assertEquals("", reader.readLine());
        assertEquals("b", reader.readLine());
        assertEquals(3, reader.lineNumber());
        assertNull(reader.readLine());
    }

    @Test
    void readLine_lineOfExactlyMax_notTooLong() throws IOException {
        final BoundedLineReader reader = new BoundedLineReader(new StringReader("abcd\r\nx"), 4);

        assertEquals("abcd", reader.readLine());
        assertFalse(reader.tooLong());
    }

    @Test
    void readLine_tenMegabyteLineFromStream_cutAndFlaggedThenNextLineRead() throws IOException {
        final long hugeChars = 10L << 20;
        final BoundedLineReader reader = new BoundedLineReader(new RepeatingReader(hugeChars, "\nnext\n"), 64 * 1024);

        final String first = reader.readLine();

        assertEquals(64 * 1024, first.length());
        assertTrue(reader.tooLong());
        assertEquals("next", reader.readLine());
        assertFalse(reader.tooLong());
        assertEquals(2, reader.lineNumber());
    }

    /** Produces {@code count} letters and then a tail, without ever holding them all. */
    private static final class RepeatingReader extends Reader {
        private long remaining;
        private final StringReader tail;

        RepeatingReader(long count, String tail) {
            this.remaining = count;
            this.tail = new StringReader(tail);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (remaining == 0) {
                return tail.read(buffer, offset, length);
            }
            final int n = (int) Math.min(length, remaining);
            java.util.Arrays.fill(buffer, offset, offset + n, 'x');
            remaining -= n;
            return n;
        }

        @Override
        public void close() {
            tail.close();
        }
    }
}
