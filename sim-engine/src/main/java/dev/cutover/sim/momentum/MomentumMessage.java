package dev.cutover.sim.momentum;

import dev.cutover.ingest.MessageRecord;
import dev.cutover.sim.DomainMetrics;
import dev.cutover.sim.ModelMessage;

/** A message inside the Momentum model: the recorded traffic plus Momentum's retry count. */
final class MomentumMessage extends ModelMessage {
    final DomainMetrics metrics;
    final MomentumQueue queue;
    int retries;
    /** Recorded answers used; a rate-sensitive receiver's own deferrals raise {@link #retries} but not this. */
    int answered;
    /**
     * Adaptive Delivery made one of its permanent failures temporary: once the log's answers run out, its last one
     * comes again.
     */
    boolean repeatLastAnswer;

    MomentumMessage(MessageRecord record, DomainMetrics metrics, MomentumQueue queue) {
        super(record);
        this.metrics = metrics;
        this.queue = queue;
    }
}
