package dev.cutover.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes an input file the same file again, whatever its name: its size and the SHA-256 digests of
 * its first and last 64 KiB. Content alone decides, so a copied, moved or touched log is still known,
 * while a log that grew is a new file.
 *
 * <p>Example: a 1,000,000-byte file has the digest of bytes 0–65,535 as {@code headSha256} and of bytes
 * 934,464–999,999 as {@code tailSha256}; a file of at most 64 KiB has equal head and tail digests.
 *
 * @param sizeBytes  file size in bytes, &ge; 0
 * @param headSha256 lower-case hex SHA-256 of the first 64 KiB (or the whole file when smaller)
 * @param tailSha256 lower-case hex SHA-256 of the last 64 KiB (or the whole file when smaller)
 */
public record FileIdentity(long sizeBytes, String headSha256, String tailSha256) {
    /** Bytes digested at each end of the file. */
    public static final int SAMPLE_BYTES = 64 * 1024;

    /**
     * @param file a readable regular file
     * @return its identity
     * @throws IOException when the file cannot be read
     */
    public static FileIdentity of(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            final long size = channel.size();
            final long tailStart = Math.max(0, size - SAMPLE_BYTES);
            return new FileIdentity(size, digest(channel, 0), digest(channel, tailStart));
        }
    }

    private static String digest(FileChannel channel, long position) throws IOException {
        final ByteBuffer buffer = ByteBuffer.allocate(SAMPLE_BYTES);
        int read = 0;
        while (read >= 0 && buffer.hasRemaining()) {
            read = channel.read(buffer, position + buffer.position());
        }
        buffer.flip();
        final MessageDigest sha256 = sha256();
        sha256.update(buffer);
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM offers no SHA-256", e);
        }
    }
}
