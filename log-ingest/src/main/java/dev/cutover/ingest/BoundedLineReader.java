package dev.cutover.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines while holding at most {@code maxChars} characters of any one line, so a log with a
 * multi-megabyte line (or no line breaks at all) is read in bounded memory. Lines end at {@code \n}; a
 * {@code \r} before it is dropped. The characters past the limit are skipped and the line is flagged.
 */
final class BoundedLineReader implements Closeable {
    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[16 * 1024];
    private final StringBuilder line = new StringBuilder(256);
    private int position;
    private int limit;
    private boolean tooLong;
    private boolean endedAtLineBreak;
    private long lineNumber;

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** @return the next line (cut to {@code maxChars} when {@link #tooLong()}), or null at the end */
    String readLine() throws IOException {
        line.setLength(0);
        tooLong = false;
        boolean sawAny = false;
        while (fill()) {
            sawAny = true;
            if (consumeUntilNewline()) {
                endedAtLineBreak = true;
                return finishLine();
            }
        }
        endedAtLineBreak = false;
        return sawAny && (line.length() > 0 || tooLong) ? finishLine() : null;
    }

    /** @return true when the line last returned ended at {@code \n}, false when the input ran out inside it */
    boolean endedAtLineBreak() {
        return endedAtLineBreak;
    }

    /** @return true when the line last returned was longer than {@code maxChars} */
    boolean tooLong() {
        return tooLong;
    }

    /** @return the 1-based number of the line last returned */
    long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        return limit > 0;
    }

    /** Moves buffered characters into the line; @return true when a newline ended it. */
    private boolean consumeUntilNewline() {
        int end = position;
        while (end < limit && buffer[end] != '\n') {
            end++;
        }
        keep(position, end);
        final boolean ended = end < limit;
        position = ended ? end + 1 : end;
        return ended;
    }

    private void keep(int from, int to) {
        final int room = maxChars + 1 - line.length();
        final int kept = Math.min(room, to - from);
        line.append(buffer, from, kept);
        tooLong |= kept < to - from;
    }

    private String finishLine() {
        lineNumber++;
        if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1);
        }
        if (line.length() > maxChars) {
            line.setLength(maxChars);
            tooLong = true;
        }
        return line.toString();
    }
}
