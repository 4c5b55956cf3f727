package dev.cutover.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * The decompressed bytes of a gzip or bzip2 log, which end at the first sign of damage instead of failing:
 * a truncated or corrupt stream reads as a shorter one, and {@link #damage()} says why it stopped. Plain
 * files pass through unguarded, so their read errors still fail the ingest.
 *
 * <p>Example: a bzip2 log cut in its second block yields the lines of the first block, then end of input;
 * {@code damage()} then holds the decompressor's complaint, such as an unexpected end of stream.
 *
 * <p>Why bytes are pulled one at a time from bzip2: its decoder fills a bulk read byte by byte and loses
 * what it had decoded when the damage interrupts it, while the gzip decoder returns each run of decoded
 * bytes before it meets the damage, so gzip is read in bulk.
 *
 * <p>Note: the decompressors report a failing disk read the same way as damaged data, so such a read error
 * inside a compressed file is reported as damage too.
 */
final class DecompressionGuard extends FilterInputStream {
    static final String GZIP = "gzip";
    static final String BZIP2 = "bzip2";
    private static final int SKIP_CHUNK_BYTES = 8 * 1024;

    private final String format;
    private final LongSupplier fileBytesRead;
    private IOException damage;

    /**
     * @param in     the decompressing stream, or the raw bytes of a plain file
     * @param format {@code "gzip"} or {@code "bzip2"}, or null for a plain file, which is not guarded
     */
    DecompressionGuard(InputStream in, String format) {
        this(in, format, () -> 0);
    }

    /** @param fileBytesRead how many bytes of the file itself (compressed or not) have been read so far */
    DecompressionGuard(InputStream in, String format, LongSupplier fileBytesRead) {
        super(in);
        this.format = format;
        this.fileBytesRead = fileBytesRead;
    }

    /** @return bytes of the file itself read so far, for progress */
    long fileBytesRead() {
        return fileBytesRead.getAsLong();
    }

    /** @return the compression format, or null for a plain file */
    String format() {
        return format;
    }

    /** @return true once the compressed data has been found truncated or corrupt */
    boolean damaged() {
        return damage != null;
    }

    /** @return why reading stopped early, or null while the data is sound */
    IOException damage() {
        return damage;
    }

    @Override
    public int read() throws IOException {
        final byte[] one = new byte[1];
        final int read = read(one, 0, 1);
        return read < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (damage != null) {
            return -1;
        }
        if (format == null) {
            return in.read(bytes, offset, length);
        }
        return format.equals(BZIP2) ? readByteByByte(bytes, offset, length) : readGuarded(bytes, offset, length);
    }

    private int readGuarded(byte[] bytes, int offset, int length) {
        try {
            final int read = in.read(bytes, offset, length);
            if (read < 0 && in instanceof LogFiles.MemberCheckingGzip gzip && gzip.endedBeforeTheFile()) {
                damage = new IOException("bytes after the last gzip member that are not a gzip member");
            }
            return read;
        } catch (IOException e) {
            damage = e;
            return -1;
        }
    }

    /** The bzip2 decoder drops the bytes of a bulk read that meets damage, so bzip2 is read a byte at a time. */
    private int readByteByByte(byte[] bytes, int offset, int length) {
        int filled = 0;
        try {
            for (int b; filled < length && (b = in.read()) >= 0; filled++) {
                bytes[offset + filled] = (byte) b;
            }
        } catch (IOException e) {
            damage = e;
        }
        return filled == 0 && length > 0 ? -1 : filled;
    }

    @Override
    public long skip(long count) throws IOException {
        if (format == null) {
            return in.skip(count);
        }
        final byte[] scratch = new byte[(int) Math.max(0, Math.min(count, SKIP_CHUNK_BYTES))];
        final int read = scratch.length == 0 ? 0 : read(scratch, 0, scratch.length);
        return Math.max(read, 0);
    }
}
