package dev.cutover.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of a run of a file's decoded bytes: its length and lower-case hex SHA-256. Two are kept per ingested
 * file, of its first bytes and of the bytes just before where reading stopped; a file whose bytes match both is
 * the same log, grown or renamed or compressed since.
 *
 * @param length bytes digested, 0 to {@value BoundedLineReader#WINDOW_BYTES}
 * @param sha256 lower-case hex SHA-256 of those bytes
 */
public record FileWindow(int length, String sha256) {
    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM offers no SHA-256", e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** @return the window of {@code bytes[0, length)} */
    static FileWindow of(byte[] bytes, int length) {
        final MessageDigest sha = newDigest();
        sha.update(bytes, 0, length);
        return new FileWindow(length, hex(sha.digest()));
    }
}
