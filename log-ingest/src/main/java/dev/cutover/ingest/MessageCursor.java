package dev.cutover.ingest;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

import java.util.Comparator;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Reads a traffic store's messages in reception order, for one thread. Three sources are merged by reception time:
 * the queue (already in reception order), the stragglers of the late queue (sorted when the cursor is made, by
 * reception time and sequence) and the messages the ingest state holds pending, all by (reception time,
 * sequence), which is the order of the join. The late queue and the state are read as they were when the cursor
 * was made; the queue and the late queue may be read only as far as a count given.
 */
public final class MessageCursor implements AutoCloseable {
    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::receptionMicros)
            .thenComparingLong(Entry::sequence);

    private final ExcerptTailer tailer;
    private final long queueLimit;
    private final ExcerptTailer lateTailer;
    private final LateIndex late;
    private final List<IngestState.Pending> pending;
    private final LongFunction<MessageRecord> spilled;
    /** Decodes on the heap, sharing repeated values among the messages read, which a replay may hold by the million. */
    private final MessageCodec.Decoder decoder = new MessageCodec.Decoder(new StringPool());
    private Entry queueHead;
    private MessageRecord queueMessage;
    private boolean queueEnded;
    private long queueRead;
    private int nextLate;
    private int nextPending;

    /**
     * @param queueLimit messages of the queue to read at most
     * @param lateTailer a tailer of the late queue, or null when it is empty
     * @param lateLimit  messages of the late queue to read at most, in the order they were appended
     * @param pending    the state's pending messages to read, in order
     * @param spilled    reads a pending message kept in the spill queue
     */
    MessageCursor(ExcerptTailer tailer, long queueLimit, ExcerptTailer lateTailer, long lateLimit,
                  List<IngestState.Pending> pending, LongFunction<MessageRecord> spilled) {
        this.tailer = tailer;
        this.queueLimit = queueLimit;
        this.lateTailer = lateTailer;
        this.late = lateTailer == null ? new LateIndex() : indexLate(lateTailer, lateLimit);
        this.pending = pending;
        this.spilled = spilled;
    }

    /** @return the next message, or null when all were read */
    public MessageRecord next() {
        if (queueHead == null && !queueEnded) {
            readQueue();
        }
        final Entry lateHead = nextLate < late.size()
                ? new Entry(late.receptionMicros(nextLate), late.sequence(nextLate), late.index(nextLate)) : null;
        final IngestState.Pending pendingHead = nextPending < pending.size() ? pending.get(nextPending) : null;
        final Entry pendingEntry = pendingHead == null ? null
                : new Entry(pendingHead.receptionMicros(), pendingHead.sequence(), -1);
        final Entry first = earlier(earlier(queueHead, lateHead), pendingEntry);
        if (first == null) {
            return null;
        }
        if (first == queueHead) {
            final MessageRecord message = queueMessage;
            queueHead = null;
            queueMessage = null;
            return message;
        }
        if (first == lateHead) {
            nextLate++;
            return readLate(lateHead.index());
        }
        nextPending++;
        return pendingHead.resolve(spilled);
    }

    @Override
    public void close() {
        tailer.close();
        if (lateTailer != null) {
            lateTailer.close();
        }
    }

    /** @return the earlier of two entries; the first given on a tie */
    private static Entry earlier(Entry a, Entry b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return ORDER.compare(b, a) < 0 ? b : a;
    }

    private void readQueue() {
        if (queueRead == queueLimit) {
            queueEnded = true;
            return;
        }
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                queueEnded = true;
                return;
            }
            queueRead++;
            final Bytes<?> bytes = dc.wire().bytes();
            final long sequence = bytes.readLong();
            queueMessage = decoder.read(bytes);
            queueHead = new Entry(queueMessage.receptionMicros(), sequence, -1);
        }
    }

    private MessageRecord readLate(long index) {
        if (!lateTailer.moveToIndex(index)) {
            throw new IllegalStateException("the late queue has no message at index " + index);
        }
        try (DocumentContext dc = lateTailer.readingDocument()) {
            final Bytes<?> bytes = dc.wire().bytes();
            bytes.readLong();
            return decoder.read(bytes);
        }
    }

    /**
     * @param limit stragglers to index at most, the first appended
     * @return where each straggler is, sorted by reception time and sequence; reads only their first bytes
     */
    private static LateIndex indexLate(ExcerptTailer tailer, long limit) {
        final LateIndex entries = new LateIndex();
        while (entries.size() < limit) {
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    break;
                }
                final Bytes<?> bytes = dc.wire().bytes();
                final long sequence = bytes.readLong();
                bytes.readByte();
                entries.add(bytes.readLong(), sequence, dc.index());
            }
        }
        entries.sort();
        return entries;
    }

    /** Where a straggler (or pending message, index -1) falls in reception order. */
    private record Entry(long receptionMicros, long sequence, long index) {
    }
}
