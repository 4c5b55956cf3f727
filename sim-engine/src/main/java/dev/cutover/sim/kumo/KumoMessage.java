package dev.cutover.sim.kumo;

import dev.cutover.ingest.MessageRecord;
import dev.cutover.sim.DomainMetrics;
import dev.cutover.sim.ModelMessage;

/** A message inside the KumoMTA model: the recorded traffic plus kumod's per-message attempt counter. */
final class KumoMessage extends ModelMessage {
    final ScheduledQueue queue;
    final DomainMetrics metrics;
    int attempts;
    /** Attempts the receiver answered; kumod's own failures (a suspension) raise {@link #attempts} but not this. */
    int answered;
    boolean heldOnConnection;

    KumoMessage(MessageRecord record, ScheduledQueue queue, DomainMetrics metrics) {
        super(record);
        this.queue = queue;
        this.metrics = metrics;
    }
}
