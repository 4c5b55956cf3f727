package dev.cutover.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides, for each input file, what a store already holds of it, by content (see {@link FileProgress}):
 * <ul>
 *   <li>HELD: read to its end before and unchanged since (same raw size and digests), or a second copy of a file
 *       given already;</li>
 *   <li>RESUME: the file read before, grown since (or renamed, or compressed): its first bytes and the bytes
 *       before the offset reached still match, so reading goes on at that offset;</li>
 *   <li>NEW: nothing like it was read;</li>
 *   <li>a conflict: it starts like a file read before but differs where reading stopped, or is now shorter: a
 *       rewritten log, which the store cannot take without reading everything again.</li>
 * </ul>
 *
 * <p>Example: the store read {@code mainlog.ec} to byte 1,000; the operator's logrotate renamed it
 * {@code mainlog.ec.1} after 1,500 bytes and started a new {@code mainlog.ec}. Given both, {@code mainlog.ec.1}
 * resumes at byte 1,000 and the new {@code mainlog.ec} is NEW.
 */
public final class IngestPlan {
    /** What the store holds of one input. */
    public enum Kind { HELD, RESUME, NEW }

    /**
     * @param input    the file and how it is read
     * @param kind     what the store holds of it
     * @param previous the progress it resumes from (RESUME), or that it matched (HELD); null for NEW
     * @param raw      the raw identity taken before reading
     * @param head     the digest of its first bytes
     */
    public record Planned(IngestInput input, Kind kind, FileProgress previous, FileIdentity raw, FileWindow head) {
    }

    private final List<Planned> planned;
    private final List<String> conflicts;
    private final List<FileProgress> unmatched;

    private IngestPlan(List<Planned> planned, List<String> conflicts, List<FileProgress> unmatched) {
        this.planned = List.copyOf(planned);
        this.conflicts = List.copyOf(conflicts);
        this.unmatched = List.copyOf(unmatched);
    }

    /**
     * @param inputs files to ingest, each checked readable already ({@link LogFiles#check})
     * @param state  what the store has read so far
     * @throws IngestException when a file cannot be read
     */
    public static IngestPlan of(List<IngestInput> inputs, IngestState state) {
        final List<Planned> planned = new ArrayList<>();
        final List<String> conflicts = new ArrayList<>();
        final Set<FileProgress> claimed = new HashSet<>();
        for (IngestInput input : inputs) {
            final Planned plan = planOne(input, state, claimed, conflicts);
            if (plan != null) {
                planned.add(plan);
            }
        }
        keepLongestCopies(planned);
        final List<FileProgress> unmatched = state.files().stream().filter(file -> !claimed.contains(file)).toList();
        return new IngestPlan(planned, conflicts, unmatched);
    }

    /**
     * For an ingest that follows its files: a plain file read before and unchanged since may still grow, so it is
     * read on from where reading stopped rather than skipped. Compressed files are complete, and a second copy of a
     * file stays skipped.
     *
     * @param plain says whether a file is plain text
     * @return this plan with such files planned RESUME
     */
    IngestPlan followingHeld(Predicate<Path> plain) {
        final List<Planned> following = new ArrayList<>(planned.size());
        for (Planned p : planned) {
            final boolean grows = p.kind() == Kind.HELD && p.previous() != null && plain.test(p.input().path());
            following.add(grows ? new Planned(p.input(), Kind.RESUME, p.previous(), p.raw(), p.head()) : p);
        }
        return new IngestPlan(following, conflicts, unmatched);
    }

    /** @return {@code input} planned as a file never read before, such as the new file of a rotation */
    static Planned fresh(IngestInput input) {
        final byte[] head = readHead(input.path());
        return new Planned(input, Kind.NEW, null, rawIdentity(input.path()), FileWindow.of(head, head.length));
    }

    /** @return every input with what the store holds of it, in the order given */
    public List<Planned> planned() {
        return planned;
    }

    /** @return one message per input the store cannot go on with, naming the file */
    public List<String> conflicts() {
        return conflicts;
    }

    /** @return files the store read that none of the inputs is */
    public List<FileProgress> unmatched() {
        return unmatched;
    }

    private static Planned planOne(IngestInput input, IngestState state, Set<FileProgress> claimed,
                                   List<String> conflicts) {
        final Path path = input.path();
        final FileIdentity raw = rawIdentity(path);
        final byte[] head = readHead(path);
        final FileWindow headWindow = FileWindow.of(head, head.length);
        FileProgress best = null;
        String mismatch = null;
        for (FileProgress file : state.files()) {
            if (!file.reading().equals(input.reading())) {
                continue;
            }
            if (raw.equals(file.rawIdentity())) {
                return new Planned(input, Kind.HELD, claimed.add(file) ? file : null, raw, headWindow);
            }
            if (!startsLike(head, file.head())) {
                continue;
            }
            final String difference = differenceAtOffset(path, file);
            if (difference == null && (best == null || file.offset() > best.offset())) {
                best = file;
            } else if (difference != null) {
                mismatch = difference;
            }
        }
        if (best != null) {
            return claimed.add(best) ? new Planned(input, Kind.RESUME, best, raw, headWindow)
                    : new Planned(input, Kind.HELD, null, raw, headWindow);
        }
        if (mismatch != null) {
            conflicts.add(path + ": " + mismatch + "; the store cannot take a rewritten log (ingest into a new store)");
            return null;
        }
        return new Planned(input, Kind.NEW, null, raw, headWindow);
    }

    private static boolean startsLike(byte[] head, FileWindow stored) {
        return head.length >= stored.length() && FileWindow.of(head, stored.length()).equals(stored);
    }

    /** @return why the file is not the one read to {@code file.offset()}, or null when it is */
    private static String differenceAtOffset(Path path, FileProgress file) {
        final FileWindow window = file.window();
        final long from = file.offset() - window.length();
        try (DecompressionGuard bytes = LogFiles.openBytes(path)) {
            if (skipFully(bytes, from) < from) {
                return "is shorter than when the store read " + file.offset() + " bytes of it (as " + file.name() + ")";
            }
            final byte[] seen = bytes.readNBytes(window.length());
            if (seen.length < window.length()) {
                return "is shorter than when the store read " + file.offset() + " bytes of it (as " + file.name() + ")";
            }
            return FileWindow.of(seen, seen.length).equals(window) ? null
                    : "starts like " + file.name() + " but differs before byte " + file.offset()
                    + ", where the store stopped reading it";
        } catch (IOException e) {
            throw LogFiles.unreadable(path, e);
        }
    }

    /**
     * New files read the same way that start with the same bytes are copies of one log (the same file plain and
     * gzipped, or an older copy of a growing log): only the longest is read, the others count as held.
     */
    private static void keepLongestCopies(List<Planned> planned) {
        final Map<String, List<Integer>> copies = new LinkedHashMap<>();
        for (int i = 0; i < planned.size(); i++) {
            final Planned plan = planned.get(i);
            if (plan.kind() == Kind.NEW) {
                copies.computeIfAbsent(plan.input().reading() + "\t" + plan.head(), unused -> new ArrayList<>())
                        .add(i);
            }
        }
        for (List<Integer> group : copies.values()) {
            if (group.size() < 2) {
                continue;
            }
            int longest = group.get(0);
            long longestBytes = decodedLength(planned.get(longest).input().path());
            for (int i : group.subList(1, group.size())) {
                final long bytes = decodedLength(planned.get(i).input().path());
                if (bytes > longestBytes) {
                    longest = i;
                    longestBytes = bytes;
                }
            }
            for (int i : group) {
                if (i != longest) {
                    final Planned copy = planned.get(i);
                    planned.set(i, new Planned(copy.input(), Kind.HELD, null, copy.raw(), copy.head()));
                }
            }
        }
    }

    private static long decodedLength(Path path) {
        try (DecompressionGuard bytes = LogFiles.openBytes(path)) {
            return skipFully(bytes, Long.MAX_VALUE);
        } catch (IOException e) {
            throw LogFiles.unreadable(path, e);
        }
    }

    /** @return bytes skipped, fewer than {@code count} only at the end of the input */
    static long skipFully(InputStream in, long count) throws IOException {
        long skipped = 0;
        while (skipped < count) {
            final long step = in.skip(count - skipped);
            if (step <= 0) {
                if (in.read() < 0) {
                    break;
                }
                skipped++;
            } else {
                skipped += step;
            }
        }
        return skipped;
    }

    private static FileIdentity rawIdentity(Path path) {
        try {
            return FileIdentity.of(path);
        } catch (IOException e) {
            throw LogFiles.unreadable(path, e);
        }
    }

    private static byte[] readHead(Path path) {
        try (DecompressionGuard bytes = LogFiles.openBytes(path)) {
            final byte[] head = new byte[BoundedLineReader.WINDOW_BYTES];
            final int read = bytes.readNBytes(head, 0, head.length);
            return Arrays.copyOf(head, read);
        } catch (IOException e) {
            throw LogFiles.unreadable(path, e);
        }
    }
}
