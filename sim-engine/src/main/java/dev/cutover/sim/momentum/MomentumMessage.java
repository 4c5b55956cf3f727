package dev.cutover.sim.momentum;

import dev.cutover.ingest.Attempt;
import dev.cutover.ingest.MessageRecord;
import dev.cutover.sim.DomainMetrics;
import dev.cutover.sim.RecordedReceiver;

/** A message inside the Momentum model: the recorded traffic plus Momentum's retry count. */
final class MomentumMessage {
    final MessageRecord record;
    final DomainMetrics metrics;
    final MomentumQueue queue;
    /**
     * Its reception time, the log's answers to it ({@link RecordedReceiver#answerCount}) and the first of them,
     * taken as it arrives, while its record is still in the cache: most messages are answered once, and their
     * delivery then reads neither the record nor its list of attempts.
     */
    final long receptionMicros;
    final int answers;
    final Attempt firstAnswer;
    int retries;
    /** Recorded answers used; a rate-sensitive receiver's own deferrals raise {@link #retries} but not this. */
    int answered;
    /**
     * Adaptive Delivery made one of its permanent failures temporary: once the log's answers run out, its last one
     * comes again.
     */
    boolean repeatLastAnswer;

    MomentumMessage(MessageRecord record, DomainMetrics metrics, MomentumQueue queue) {
        this.record = record;
        this.metrics = metrics;
        this.queue = queue;
        this.receptionMicros = record.receptionMicros();
        this.answers = RecordedReceiver.answerCount(record);
        this.firstAnswer = RecordedReceiver.answer(record, answers, 0);
    }
}
