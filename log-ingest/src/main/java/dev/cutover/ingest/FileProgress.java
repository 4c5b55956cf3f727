package dev.cutover.ingest;

/**
 * How far a traffic store has read one input file, so that the next ingest reads only what is new.
 *
 * <p>A file is recognised by content, not name: its first bytes ({@code head}) and the bytes just before
 * {@code offset} ({@code window}) must match. So {@code mainlog.ec} renamed to {@code mainlog.ec.1} by rotation,
 * and later compressed to {@code mainlog.ec.1.bz2}, is still the file read before, and only the lines written
 * after {@code offset} are new. All offsets count decoded bytes (after gzip or bzip2).
 *
 * @param name        the file's name when last read (informative only)
 * @param reading     how the file is read: {@code mainlog node=N} or {@code custom stage=S format=F}
 * @param head        digest of the file's first bytes, up to {@value BoundedLineReader#WINDOW_BYTES}
 * @param offset      decoded bytes read, through the end of the last line taken
 * @param window      digest of the bytes just before {@code offset}
 * @param lines       lines read, through the last line taken
 * @param rawIdentity the file's raw identity when it was read to its end, so an unchanged file is known without
 *                    decompressing it; null when reading stopped before the end
 */
public record FileProgress(String name, String reading, FileWindow head, long offset, FileWindow window, long lines,
                           FileIdentity rawIdentity) {

    /** @return how a mainlog of {@code node} is read */
    public static String mainlogReading(String node) {
        return "mainlog node=" + node;
    }
}
