package dev.cutover.ingest;

/**
 * Where messages a custom-log ingest holds back go once too many wait in memory: the traffic store's spill queue.
 * Only the message's place there stays in memory.
 */
interface MessageSpill {
    /** @return the index at which {@code message} was written */
    long write(MessageRecord message);

    /** @return the message written at {@code index} */
    MessageRecord read(long index);
}
