package dev.cutover.sim;

import dev.cutover.ingest.Attempt;
import dev.cutover.ingest.MessageRecord;
import dev.cutover.ingest.Outcome;

/**
 * A message inside a model: its record, with what the model's attempts read of it taken once, as it arrives, while
 * the record is still in the processor's cache. A model holding a backlog would otherwise go back to a record, its
 * list of attempts and the answer for every attempt, a cache miss each. Most messages are answered once: their
 * first answer's outcome and code are kept, so delivering them reads neither the record nor the answer.
 */
public abstract class ModelMessage {
    private final MessageRecord record;
    private final long receptionMicros;
    private final int answers;
    private final Attempt firstAnswer;
    private final Outcome firstOutcome;
    private final int firstResponseCode;

    protected ModelMessage(MessageRecord record) {
        this.record = record;
        this.receptionMicros = record.receptionMicros();
        this.answers = RecordedReceiver.answerCount(record);
        this.firstAnswer = RecordedReceiver.answer(record, answers, 0);
        this.firstOutcome = firstAnswer == null ? null : firstAnswer.outcome();
        this.firstResponseCode = firstAnswer == null ? 0 : firstAnswer.responseCode();
    }

    /** @return the message as the log recorded it */
    public final MessageRecord record() {
        return record;
    }

    /** @return when it was received, in microseconds */
    public final long receptionMicros() {
        return receptionMicros;
    }

    /** @return how many of its attempts are the receiver's answers ({@link RecordedReceiver#answerCount}) */
    public final int answers() {
        return answers;
    }

    /**
     * @param answered the recorded answers the model has used
     * @return the log's answer to the next attempt ({@link RecordedReceiver#answer}), or null
     */
    public final Attempt recordedAnswer(int answered) {
        return answered == 0 ? firstAnswer : RecordedReceiver.answer(record, answers, answered);
    }

    /** @return {@code answer}'s outcome, without reading it when it is this message's first recorded answer */
    public final Outcome outcomeOf(Attempt answer) {
        return answer == firstAnswer ? firstOutcome : answer.outcome();
    }

    /** @return {@code answer}'s response code, without reading it when it is this message's first recorded answer */
    public final int responseCodeOf(Attempt answer) {
        return answer == firstAnswer ? firstResponseCode : answer.responseCode();
    }
}
