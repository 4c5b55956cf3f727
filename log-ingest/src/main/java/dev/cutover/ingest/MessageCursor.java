package dev.cutover.ingest;

import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

import java.util.Iterator;
import java.util.List;

/**
 * Reads a traffic store's messages in append order, which is reception order. Each cursor starts at the
 * first message; it is for one thread. After the queue's last message it reads the messages the store's
 * ingest state holds pending, as they were when the cursor was made; then it returns null.
 */
public final class MessageCursor implements AutoCloseable {
    private final ExcerptTailer tailer;
    private final Iterator<MessageRecord> pending;
    private boolean inPending;

    /** @param pending messages read once the queue is at its end, in order */
    MessageCursor(ExcerptTailer tailer, List<MessageRecord> pending) {
        this.tailer = tailer;
        this.pending = pending.iterator();
    }

    /** @return the next message, or null when none is stored (yet) */
    public MessageRecord next() {
        if (!inPending) {
            try (DocumentContext dc = tailer.readingDocument()) {
                if (dc.isPresent()) {
                    return MessageCodec.read(dc.wire().bytes());
                }
            }
            inPending = true;
        }
        return pending.hasNext() ? pending.next() : null;
    }

    @Override
    public void close() {
        tailer.close();
    }
}
