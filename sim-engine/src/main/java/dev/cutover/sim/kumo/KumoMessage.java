package dev.cutover.sim.kumo;

import dev.cutover.ingest.Attempt;
import dev.cutover.ingest.MessageRecord;
import dev.cutover.sim.DomainMetrics;
import dev.cutover.sim.RecordedReceiver;

/** A message inside the KumoMTA model: the recorded traffic plus kumod's per-message attempt counter. */
final class KumoMessage {
    final MessageRecord record;
    final ScheduledQueue queue;
    final DomainMetrics metrics;
    /**
     * Its reception time, the log's answers to it ({@link RecordedReceiver#answerCount}) and the first of them,
     * taken as it arrives, while its record is still in the cache: most messages are answered once, and their
     * delivery then reads neither the record nor its list of attempts.
     */
    final long receptionMicros;
    final int answers;
    final Attempt firstAnswer;
    int attempts;
    /** Attempts the receiver answered; kumod's own failures (a suspension) raise {@link #attempts} but not this. */
    int answered;
    boolean heldOnConnection;

    KumoMessage(MessageRecord record, ScheduledQueue queue, DomainMetrics metrics) {
        this.record = record;
        this.queue = queue;
        this.metrics = metrics;
        this.receptionMicros = record.receptionMicros();
        this.answers = RecordedReceiver.answerCount(record);
        this.firstAnswer = RecordedReceiver.answer(record, answers, 0);
    }
}
