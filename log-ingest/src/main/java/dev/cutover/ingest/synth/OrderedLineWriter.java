package dev.cutover.ingest.synth;

import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Holds lines until no earlier line can still be produced, then writes them in (time, creation) order,
 * with a heartbeat line {@code epoch@@@@M} at every whole minute of log time, as Momentum's default
 * {@code heartbeat = 60} writes them (support.sparkpost.com/momentum/4/modules/ec-logger).
 */
final class OrderedLineWriter {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long HEARTBEAT_SECONDS = 60;
    private static final Comparator<PendingLine> ORDER =
            Comparator.comparingLong((PendingLine l) -> l.timeMicros).thenComparingLong(l -> l.sequence);

    private final Writer out;
    private final PriorityQueue<PendingLine> pending = new PriorityQueue<>(ORDER);
    private long nextSequence;
    private long nextHeartbeatSeconds;
    private long linesWritten;
    private long heartbeats;

    OrderedLineWriter(Writer out, long startEpochSeconds) {
        this.out = out;
        this.nextHeartbeatSeconds = (startEpochSeconds + HEARTBEAT_SECONDS - 1) / HEARTBEAT_SECONDS * HEARTBEAT_SECONDS;
    }

    void add(long timeMicros, String line) {
        pending.add(new PendingLine(timeMicros, nextSequence++, line));
    }

    /** Writes every held line stamped at or before {@code timeMicros}. */
    void release(long timeMicros) throws IOException {
        while (!pending.isEmpty() && pending.peek().timeMicros <= timeMicros) {
            write(pending.poll());
        }
    }

    void releaseAll() throws IOException {
        release(Long.MAX_VALUE);
    }

    long linesWritten() {
        return linesWritten;
    }

    long heartbeats() {
        return heartbeats;
    }

    private void write(PendingLine line) throws IOException {
        final long seconds = line.timeMicros / MICROS_PER_SECOND;
        while (nextHeartbeatSeconds <= seconds) {
            writeText(nextHeartbeatSeconds + "@@@@M");
            nextHeartbeatSeconds += HEARTBEAT_SECONDS;
            heartbeats++;
        }
        writeText(line.text);
    }

    private void writeText(String text) throws IOException {
        out.write(text);
        out.write('\n');
        linesWritten++;
    }

    private record PendingLine(long timeMicros, long sequence, String text) {
    }
}
