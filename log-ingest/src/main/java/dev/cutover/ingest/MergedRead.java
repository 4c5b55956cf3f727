package dev.cutover.ingest;

import java.io.IOException;
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
 * <p>Every chain's first file is opened and must hold a usable line before any line is handed on; a later file
 * of a chain is checked when it is opened.
 */
final class MergedRead {
    private final IngestRun run;
    private final IngestListener listener;
    private final List<MergedLogReader> opened = new ArrayList<>();
    private final PriorityQueue<Deque<MergedLogReader>> pending = new PriorityQueue<>(Comparator
            .<Deque<MergedLogReader>>comparingLong(chain -> chain.peekFirst().headMicros())
            .thenComparingInt(chain -> chain.peekFirst().order()));

    private MergedRead(IngestRun run, IngestListener listener) {
        this.run = run;
        this.listener = listener;
    }

    /** @param chains files read in turn within a chain, interleaved by line time across chains; none empty */
    static void readAll(List<List<MergedLogReader>> chains, IngestRun run, IngestListener listener) {
        final MergedRead read = new MergedRead(run, listener);
        try {
            for (List<MergedLogReader> chain : chains) {
                read.start(new ArrayDeque<>(chain));
            }
            read.drain();
        } finally {
            read.opened.forEach(MergedRead::closeQuietly);
        }
    }

    private void drain() {
        while (!pending.isEmpty()) {
            final Deque<MergedLogReader> chain = pending.poll();
            final MergedLogReader next = chain.peekFirst();

            next.deliver(run);
            if (next.advance(run, listener)) {
                pending.add(chain);
            } else {
                next.finish(run, listener);
                chain.removeFirst();
                start(chain);
            }
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
        requireUsableLine(first);
        pending.add(chain);
    }

    private void requireUsableLine(MergedLogReader input) {
        if (!input.advance(run, listener)) {
            throw new IngestException(input.path() + ": holds no line that parses (" + input.lineCount()
                    + " lines read); " + CustomLogIngestor.EXPECTED + " or a Momentum mainlog");
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
