package dev.cutover.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens input logs and refuses whole files that cannot be a mainlog, with a one-line message naming the
 * file and what was expected. Text is decoded as UTF-8 with malformed bytes replaced, never failing.
 * Gzip files ({@code 1f 8b}) are read through {@link GZIPInputStream}; bzip2 files (the format
 * {@code ec_rotate} writes, support.sparkpost.com/momentum/4/log-rotating) are refused with a hint.
 *
 * <p>Binary check: among the first 8 KiB of text, more than 10 % NUL or control bytes (tab, CR and LF
 * excepted) means the file is not a log.
 */
final class LogFiles {
    static final String EXPECTED = "expected a Momentum mainlog (lines like epoch@id@batch@conn@TYPE@...)";

    private static final int SNIFF_BYTES = 8 * 1024;
    private static final double MAX_CONTROL_SHARE = 0.10;

    private LogFiles() {
    }

    /** @throws IngestException when {@code file} is missing, a directory, unreadable, empty or binary */
    static void check(Path file) {
        if (!Files.exists(file)) {
            throw new IngestException(file + ": no such file; " + EXPECTED);
        }
        if (Files.isDirectory(file)) {
            throw new IngestException(file + ": is a directory; " + EXPECTED + ", not a folder");
        }
        if (!Files.isReadable(file)) {
            throw new IngestException(file + ": cannot be read (permission denied); " + EXPECTED);
        }
        if (size(file) == 0) {
            throw new IngestException(file + ": the file is empty (0 bytes); " + EXPECTED);
        }
        checkText(file);
    }

    /** @return a reader over the decoded text of {@code file}; the caller closes it */
    static Reader open(Path file) {
        try {
            final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            return new InputStreamReader(openBytes(file), decoder);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
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

    private static InputStream openBytes(Path file) throws IOException {
        final InputStream raw = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        raw.mark(4);
        final int first = raw.read();
        final int second = raw.read();
        final int third = raw.read();
        raw.reset();
        if (first == 'B' && second == 'Z' && third == 'h') {
            raw.close();
            throw new IngestException(file + ": is bzip2-compressed; decompress it first (bunzip2 -k), "
                    + "then ingest the .ec file");
        }
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(raw, 64 * 1024) : raw;
    }

    private static void checkText(Path file) {
        final byte[] head = new byte[SNIFF_BYTES];
        int filled = 0;
        try (InputStream in = openBytes(file)) {
            filled = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        final int control = countControlBytes(head, filled);
        if (filled > 0 && control > filled * MAX_CONTROL_SHARE) {
            throw new IngestException(file + ": looks binary (" + control + " of the first " + filled
                    + " bytes are NUL or control bytes); " + EXPECTED);
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
