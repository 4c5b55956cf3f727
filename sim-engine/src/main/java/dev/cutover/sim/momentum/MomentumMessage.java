package dev.cutover.sim.momentum;

import dev.cutover.ingest.MessageRecord;
import dev.cutover.sim.DomainMetrics;

/** A message inside the Momentum model: the recorded traffic plus Momentum's retry count. */
final class MomentumMessage {
    final MessageRecord record;
    final DomainMetrics metrics;
    final MomentumQueue queue;
    int retries;
    /** Recorded answers used; a rate-sensitive receiver's own deferrals raise {@link #retries} but not this. */
    int answered;

    MomentumMessage(MessageRecord record, DomainMetrics metrics, MomentumQueue queue) {
        this.record = record;
        this.metrics = metrics;
        this.queue = queue;
    }
}
