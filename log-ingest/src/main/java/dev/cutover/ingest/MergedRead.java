package dev.cutover.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Reads several chains of files as one stream, always handing {@link IngestRun} the earliest pending line
 * across the chains; the files of one chain are read one after another. A custom log is a chain of its own;
 * the rotated mainlogs of one cluster node form one chain, oldest first, so the node's lines keep their order.
 *
 * <p>Example: chain A holds {@code mta1/mainlog.ec.1} (t=0..50 s) then {@code mta1/mainlog.ec} (t=51..99 s),
 * chain B holds {@code mta2/mainlog.ec} (t=10..90 s). Lines at t=0 (A), 10 (B), 11 (B), 12 (A)... are taken in
 * that order; {@code mta1/mainlog.ec} is opened only once {@code mta1/mainlog.ec.1} has ended. Equal times
 * go to the file given first.
 *
 * <p>Every chain's first file is opened and, unless the store read part of it before, must hold a usable line
 * before any line is handed on; a later file of a chain is checked when it is opened.
 *
 * <p>Saving: every {@code checkpointLines} lines, and at the end, the run's state is saved with the progress of
 * every file, so a killed ingest goes on from the last save.
 *
 * <p>Following: with a {@link FollowControl}, the end of a plain file is the end for now. When every chain is
 * at its end, the read waits, then looks again; the state is saved when lines came and the control's save
 * interval has passed, and when following stops. A file whose name now leads to a new
 * file (rotation by rename, or copy and truncate) is read to its end, and the new file is read from its start.
 * Note: across the nodes of a cluster, a node whose lines reach the disk late can have them joined after newer
 * lines of another node.
 */
final class MergedRead {
    /** Lines between two looks at whether a follower was told to stop. */
    private static final int STOP_CHECK_LINES = 4096;
    private final IngestRun run;
    private final IngestListener listener;
    private final List<FileProgress> before;
    private final long checkpointLines;
    private final FollowControl follow;
    private final List<MergedLogReader> opened = new ArrayList<>();
    private final List<Deque<MergedLogReader>> parked = new ArrayList<>();
    private boolean stopped;
    private final PriorityQueue<Deque<MergedLogReader>> pending = new PriorityQueue<>(Comparator
            .<Deque<MergedLogReader>>comparingLong(chain -> chain.peekFirst().headMicros())
            .thenComparingInt(chain -> chain.peekFirst().order()));
    private long linesAtLastSave;
    private long lastSaveNanos;
    private boolean savedWhileFollowing;
    private int nextOrder;

    /**
     * @param before          the progress of every file the store read before this run
     * @param checkpointLines lines between two saves of the state
     * @param follow          paces a followed read, or null to read to the end once
     */
    MergedRead(IngestRun run, IngestListener listener, List<FileProgress> before, long checkpointLines,
               FollowControl follow) {
        this.run = run;
        this.listener = listener;
        this.before = List.copyOf(before);
        this.checkpointLines = checkpointLines;
        this.follow = follow;
    }

    /** @param chains files read in turn within a chain, interleaved by line time across chains; none empty */
    void readAll(List<List<MergedLogReader>> chains) {
        try {
            for (List<MergedLogReader> chain : chains) {
                nextOrder = Math.max(nextOrder, chain.stream().mapToInt(MergedLogReader::order).max().orElse(0) + 1);
                start(new ArrayDeque<>(chain));
            }
            drain();
            while (follow != null && !stopped) {
                saveWhenDue();
                if (!follow.awaitMore()) {
                    break;
                }
                wake();
                drain();
            }
            parked.forEach(chain -> chain.peekFirst().finish(run, listener));
        } finally {
            opened.forEach(MergedRead::closeQuietly);
        }
        save();
    }

    /** @return every file the store has read, with this run's progress in place of the earlier one */
    List<FileProgress> files() {
        final List<FileProgress> files = new ArrayList<>(before);
        for (MergedLogReader reader : opened) {
            final FileProgress previous = reader.previous();
            final int at = previous == null ? -1 : files.indexOf(previous);
            if (at >= 0) {
                files.set(at, reader.progress());
            } else {
                files.add(reader.progress());
            }
        }
        return files;
    }

    /** @return files this run opened */
    int filesRead() {
        return opened.size();
    }

    private void save() {
        run.save(files());
        linesAtLastSave = run.lines();
        lastSaveNanos = System.nanoTime();
    }

    /** While following: saves when lines came since the last save and the save interval has passed. */
    private void saveWhenDue() {
        final boolean due = System.nanoTime() - lastSaveNanos >= follow.saveIntervalNanos();
        if (!savedWhileFollowing || run.lines() > linesAtLastSave && due) {
            save();
            savedWhileFollowing = true;
        }
    }

    /**
     * Hands the run every line there is, earliest first. A follower told to stop leaves the rest where it is: each
     * chain keeps its line read ahead, which its progress does not count, so the next ingest reads it.
     */
    private void drain() {
        int sinceStopCheck = 0;
        while (!pending.isEmpty()) {
            if (follow != null && ++sinceStopCheck == STOP_CHECK_LINES) {
                sinceStopCheck = 0;
                if (follow.stopRequested()) {
                    stopped = true;
                    return;
                }
            }
            final Deque<MergedLogReader> chain = pending.poll();
            final MergedLogReader next = chain.peekFirst();

            next.deliver(run);
            if (next.advance(run, listener)) {
                pending.add(chain);
            } else {
                ended(chain);
            }
            if (run.lines() - linesAtLastSave >= checkpointLines) {
                save();
            }
        }
    }

    /**
     * A chain's file has no more lines: park it when it is the chain's last and may grow, else go on with the
     * chain's next file.
     */
    private void ended(Deque<MergedLogReader> chain) {
        final MergedLogReader reader = chain.peekFirst();
        if (chain.size() == 1 && reader.grows()) {
            parked.add(chain);
            return;
        }
        reader.finish(run, listener);
        chain.removeFirst();
        start(chain);
    }

    /** Looks at every parked chain again: new lines, or a rotation to a new file. */
    private void wake() {
        final List<Deque<MergedLogReader>> waiting = new ArrayList<>(parked);
        parked.clear();
        for (Deque<MergedLogReader> chain : waiting) {
            final MergedLogReader reader = chain.peekFirst();
            if (reader.replaced() && hasText(reader)) {
                rotate(chain, reader);
            } else if (reader.advance(run, listener)) {
                pending.add(chain);
            } else {
                parked.add(chain);
            }
        }
    }

    /**
     * Reads the old file to its end, then goes on with the new file under the same name. After a copy and truncate
     * the open file is the new one, so nothing more is read through it.
     */
    private void rotate(Deque<MergedLogReader> chain, MergedLogReader old) {
        refuseOlderContent(old.input());
        old.stopFollowing();
        chain.addLast(new MergedLogReader(IngestPlan.fresh(old.input()), nextOrder++, true));
        if (old.renamed() && old.advance(run, listener)) {
            pending.add(chain);
        } else {
            ended(chain);
        }
    }

    /**
     * A followed log whose name now leads to older lines than the store holds (a file restored or copied over it)
     * would break the store's reception order; it is refused as an ingest of such a file would be.
     *
     * @throws IngestException naming the file and both times
     */
    private void refuseOlderContent(IngestInput input) {
        final long first = Ingestor.firstLineMicrosOrMax(input);
        if (input.isMainlog() && first < run.lastStoredMicros() - Ingestor.LATE_REST_TOLERANCE_MICROS) {
            throw new IngestException(input.path() + ": now starts at " + Instant.ofEpochSecond(0, first * 1000)
                    + ", before the newest message the store holds (" + Instant.ofEpochSecond(0,
                    run.lastStoredMicros() * 1000) + "): the log was replaced by older lines; the store keeps "
                    + "reception order, so ingest logs of one period together, into a new store");
        }
    }

    private static boolean hasText(MergedLogReader reader) {
        try {
            return Files.size(reader.path()) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Opens the chain's first file and queues the chain at its first usable line; an empty chain is done. */
    private void start(Deque<MergedLogReader> chain) {
        final MergedLogReader first = chain.peekFirst();
        if (first == null) {
            return;
        }
        opened.add(first);
        first.open(listener);
        if (first.advance(run, listener)) {
            pending.add(chain);
        } else if (chain.size() == 1 && first.grows()) {
            parked.add(chain);
        } else if (first.isNew() && !first.grows()) {
            throw new IngestException(first.path() + ": holds no line that parses (" + first.lineCount()
                    + " lines read" + (first.firstReject() == null ? "" : "; " + first.firstReject()) + "); "
                    + first.input().expected());
        } else {
            ended(chain);
        }
    }

    private static void closeQuietly(MergedLogReader input) {
        try {
            input.close();
        } catch (IOException | RuntimeException e) {
            // Reading has ended or failed already; a failure to close changes nothing reported.
        }
    }
}
