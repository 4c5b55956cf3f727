package dev.cutover.ingest;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens input logs and refuses whole files that cannot be a mainlog, with a one-line message naming the
 * file and what was expected. Text is UTF-8, with malformed bytes replaced when lines are decoded.
 * Gzip files ({@code 1f 8b}) are read through {@link GZIPInputStream}; bzip2 files ({@code BZh}, the format
 * {@code ec_rotate} gives rotated logs such as {@code mainlog.ec.1.bz2},
 * support.sparkpost.com/momentum/4/log-rotating) through Commons Compress, with concatenated streams read
 * one after another as {@code bunzip2} does. The file name does not matter, only the leading bytes.
 *
 * <p>Damaged compressed data: decompressed bytes come through a {@link DecompressionGuard}, so a truncated
 * or corrupt gzip or bzip2 file reads as a shorter file and the lines before the damage are used; the
 * ingest reports the damage as a {@link RejectReason#COMPRESSED_DATA_DAMAGED} line. Only when the damage
 * comes before any text can be decoded is the whole file refused, with an {@link IngestException}.
 *
 * <p>Binary check: among the first 8 KiB of text, more than 10 % NUL or control bytes (tab, CR and LF
 * excepted) means the file is not a log.
 */
final class LogFiles {
    static final String EXPECTED = "expected a Momentum mainlog (lines like epoch@id@batch@conn@TYPE@...)";

    private static final int SNIFF_BYTES = 8 * 1024;
    private static final double MAX_CONTROL_SHARE = 0.10;
    private static final int BUFFER_BYTES = 64 * 1024;

    private LogFiles() {
    }

    /** @throws IngestException when {@code file} is missing, a directory, unreadable, empty or binary */
    static void check(Path file) {
        check(file, EXPECTED);
    }

    /**
     * @param expected what the file should hold, for the message, such as {@value #EXPECTED}
     * @throws IngestException when {@code file} is missing, a directory, unreadable, empty or binary
     */
    static void check(Path file, String expected) {
        if (!Files.exists(file)) {
            throw new IngestException(file + ": no such file; " + expected);
        }
        if (Files.isDirectory(file)) {
            throw new IngestException(file + ": is a directory; " + expected + ", not a folder");
        }
        if (!Files.isReadable(file)) {
            throw new IngestException(file + ": cannot be read (permission denied); " + expected);
        }
        if (size(file) == 0) {
            throw new IngestException(file + ": the file is empty (0 bytes); " + expected);
        }
        checkText(file, expected);
    }

    /**
     * @return the decompressed bytes of {@code file}, which stop early instead of failing when compressed
     *         data is damaged; the caller closes them
     * @throws IngestException when the file cannot be opened, or its compressed data is damaged before the
     *                         first byte of text
     */
    static DecompressionGuard openBytes(Path file) {
        final CountingInputStream counted = openCounted(file);
        final InputStream raw = new BufferedInputStream(counted, BUFFER_BYTES);
        final String format = formatOf(file, raw);
        try {
            return new DecompressionGuard(format == null ? raw : decompressor(raw, format), format, counted::count);
        } catch (IOException e) {
            closeAfterFailure(raw);
            throw damagedBeforeText(file, format, e);
        }
    }

    /** @return the lines of the UTF-8 text in {@code bytes}, each cut at the parser's limit; closing it closes them */
    static BoundedLineReader lines(InputStream bytes) {
        return lines(bytes, 0, 0);
    }

    /**
     * @param offset decoded bytes of the file skipped already
     * @param lines  lines of the file before {@code offset}
     * @return the lines of the UTF-8 text in {@code bytes}, numbered on from {@code lines}
     */
    static BoundedLineReader lines(InputStream bytes, long offset, long lines) {
        return new BoundedLineReader(bytes, MainlogParser.MAX_LINE_CHARS, offset, lines);
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    static IngestException unreadable(Path file, IOException cause) {
        return new IngestException(file + ": cannot be read (" + cause.getMessage() + "); " + EXPECTED, cause);
    }

    /** @return the exception for a compressed file of which no text at all can be decoded */
    static IngestException damagedBeforeText(Path file, String format, IOException cause) {
        return new IngestException(file + ": " + format + " data is truncated or corrupt before its first mainlog "
                + "line (" + cause.getMessage() + "); expected a complete " + format + " stream (check it with "
                + format + " -t)", cause);
    }

    private static CountingInputStream openCounted(Path file) {
        try {
            return new CountingInputStream(Files.newInputStream(file));
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** Counts the bytes taken from the file, for progress; skipped bytes count as taken. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            final int b = in.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            final int read = in.read(bytes, offset, length);
            count += Math.max(read, 0);
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            final long skipped = in.skip(n);
            count += Math.max(skipped, 0);
            return skipped;
        }
    }

    /** @return true when {@code file} is neither gzip nor bzip2 */
    static boolean isPlain(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 16)) {
            return formatOf(file, raw) == null;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** @return "gzip", "bzip2" or null (plain text), from the leading bytes; the stream is left unmoved */
    private static String formatOf(Path file, InputStream raw) {
        final byte[] magic = new byte[3];
        try {
            raw.mark(magic.length);
            final int read = raw.readNBytes(magic, 0, magic.length);
            raw.reset();
            final boolean gzip = read >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
            final boolean bzip2 = read == 3 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h';
            return gzip ? DecompressionGuard.GZIP : bzip2 ? DecompressionGuard.BZIP2 : null;
        } catch (IOException e) {
            closeAfterFailure(raw);
            throw unreadable(file, e);
        }
    }

    private static InputStream decompressor(InputStream raw, String format) throws IOException {
        return format.equals(DecompressionGuard.GZIP) ? new MemberCheckingGzip(raw, BUFFER_BYTES)
                : new BZip2CompressorInputStream(raw, true);
    }

    /**
     * A gzip stream that tells when it ended on bytes it could not read as another member. The JDK's decoder
     * reads every member of a multi-member file but takes a later member with a damaged header, or any other
     * bytes after a member, for the end of the file and says nothing; the lines they held would be lost without
     * a word.
     */
    static final class MemberCheckingGzip extends GZIPInputStream {
        /** The length of a gzip member's trailer: its CRC-32 and its length. */
        private static final int TRAILER_BYTES = 8;

        MemberCheckingGzip(InputStream in, int size) throws IOException {
            super(in, size);
        }

        /** @return true when, at the end, bytes were left after the last member the decoder could read */
        boolean endedBeforeTheFile() throws IOException {
            return inf.finished() && (inf.getRemaining() > TRAILER_BYTES || in.available() > 0);
        }
    }

    private static void closeAfterFailure(InputStream raw) {
        try {
            raw.close();
        } catch (IOException e) {
            // The open already failed; that failure is the one reported.
        }
    }

    private static void checkText(Path file, String expected) {
        final byte[] head = new byte[SNIFF_BYTES];
        final int filled;
        try (DecompressionGuard in = openBytes(file)) {
            filled = in.readNBytes(head, 0, head.length);
            if (filled == 0 && in.damaged()) {
                throw damagedBeforeText(file, in.format(), in.damage());
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        final int control = countControlBytes(head, filled);
        if (filled > 0 && control > filled * MAX_CONTROL_SHARE) {
            throw new IngestException(file + ": looks binary (" + control + " of the first " + filled
                    + " bytes are NUL or control bytes); " + expected);
        }
    }

    private static int countControlBytes(byte[] bytes, int length) {
        int control = 0;
        for (int i = 0; i < length; i++) {
            final int b = bytes[i] & 0xff;
            final boolean isControl = (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7f;
            control += isControl ? 1 : 0;
        }
        return control;
    }
}
