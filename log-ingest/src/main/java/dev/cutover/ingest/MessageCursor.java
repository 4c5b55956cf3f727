package dev.cutover.ingest;

import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads a traffic store's messages in append order, which is reception order. Each cursor starts at the
 * first message; it is for one thread. A cursor can keep reading while another process appends: a
 * {@link #next()} that returned null returns the next message once one has been appended.
 */
public final class MessageCursor implements AutoCloseable {
    private final ExcerptTailer tailer;

    MessageCursor(ExcerptTailer tailer) {
        this.tailer = tailer;
    }

    /** @return the next message, or null when none is stored (yet) */
    public MessageRecord next() {
        try (DocumentContext dc = tailer.readingDocument()) {
            return dc.isPresent() ? MessageCodec.read(dc.wire().bytes()) : null;
        }
    }

    @Override
    public void close() {
        tailer.close();
    }
}
