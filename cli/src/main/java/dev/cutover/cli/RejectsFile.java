package dev.cutover.cli;

import dev.cutover.ingest.RejectReason;
import dev.cutover.ingest.RejectSink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The rejects file: one tab-separated row per log line set aside, with the file, the line number, the reason and
 * the raw text (tabs, newlines and backslashes escaped in the file name and the text, the text cut at 4 KiB). The
 * file is appended to across ingests, so every line ever set aside stays listed, once: rows written after the
 * store's last saved state by an ingest that was killed are cut off when the next ingest starts ({@link #rewind}),
 * and that ingest writes them again.
 */
final class RejectsFile implements RejectSink, AutoCloseable {
    static final String HEADER = "file\tline\treason\ttext";
    private static final int MAX_TEXT = 4096;

    private final Path path;
    private final BufferedWriter out;
    private long written;

    RejectsFile(Path path) {
        this.path = path;
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            final boolean fresh = !Files.exists(path) || Files.size(path) == 0;
            out = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            if (fresh) {
                out.write(HEADER);
                out.newLine();
            }
        } catch (IOException e) {
            throw new UserError(path + ": cannot write the rejects file (" + e.getMessage() + ")");
        }
    }

    @Override
    public void reject(Path file, long lineNumber, RejectReason reason, String rawText) {
        try {
            out.write(escape(file.toString()) + '\t' + lineNumber + '\t' + reason + '\t' + escape(rawText));
            out.newLine();
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes the rows written so far; @return the file's length, where a later {@link #rewind} may cut it. */
    @Override
    public long position() {
        try {
            out.flush();
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts off the rows an ingest killed after saving its state wrote, before any row of this run is written. */
    @Override
    public void rewind(long position) {
        try {
            out.flush();
            if (position >= 0 && Files.size(path) > position) {
                try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
                    channel.truncate(position);
                }
            }
        } catch (IOException e) {
            throw new UserError(path + ": cannot cut the rejects file back (" + e.getMessage() + ")");
        }
    }

    long written() {
        return written;
    }

    static String escape(String text) {
        final String cut = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text;
        final StringBuilder out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            escape(cut.charAt(i), out);
        }
        return out.toString();
    }

    /** Backslash, tab, newline, carriage return as {@code \\ \t \n \r}; other control characters as {@code \xNN}. */
    private static void escape(char c, StringBuilder out) {
        switch (c) {
            case '\\':
                out.append("\\\\");
                break;
            case '\t':
                out.append("\\t");
                break;
            case '\n':
                out.append("\\n");
                break;
            case '\r':
                out.append("\\r");
                break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    out.append(String.format("\\x%02x", (int) c));
                } else {
                    out.append(c);
                }
        }
    }

    /**
     * Counts the rows of a rejects file by whether their reason is {@code reason}.
     *
     * @return {rows with that reason, all other rows}, header excluded
     */
    static long[] count(Path path, RejectReason reason) {
        final long[] counts = new long[2];
        if (!Files.exists(path)) {
            return counts;
        }
        final String marker = "\t" + reason + "\t";
        try (var lines = Files.lines(path, StandardCharsets.UTF_8)) {
            lines.skip(1).forEach(row -> counts[row.contains(marker) ? 0 : 1]++);
            return counts;
        } catch (IOException e) {
            throw new UserError(path + ": cannot read the rejects file (" + e.getMessage() + ")");
        }
    }

    /** @return the file and line of each row of the rejects file at {@code path} set aside for {@code reason} */
    static List<String> places(Path path, RejectReason reason) {
        if (!Files.exists(path)) {
            return List.of();
        }
        final String marker = "\t" + reason + "\t";
        try (var lines = Files.lines(path, StandardCharsets.UTF_8)) {
            return lines.skip(1).filter(row -> row.contains(marker)).map(row -> {
                final String[] columns = row.split("\t", 3);
                return Path.of(columns[0]).getFileName() + ":" + columns[1];
            }).toList();
        } catch (IOException e) {
            throw new UserError(path + ": cannot read the rejects file (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
