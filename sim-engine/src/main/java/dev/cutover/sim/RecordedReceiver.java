package dev.cutover.sim;

import dev.cutover.ingest.Attempt;
import dev.cutover.ingest.MessageRecord;
import dev.cutover.ingest.Outcome;

/**
 * The default receiver: a message's recorded outcomes replayed in order, so the k-th attempt in a model gets the
 * k-th result the log shows for that message (DESIGN.md, "Receivers").
 *
 * <p>Momentum's own give-up lines are not receiver answers: a P line whose text is Momentum-internal expiry
 * ({@code [internal] exceeded max time/retries}, {@code message expired}, {@code manually purged};
 * support.sparkpost.com/momentum/4/message-responses) ends the recorded answers, and a model that keeps trying
 * after them gets the last recorded deferral again. A message whose log ends without a final outcome has no
 * answer beyond its last recorded attempt: {@link #answer} returns null and every engine counts the message as
 * unresolved at that point.
 */
public final class RecordedReceiver {

    private RecordedReceiver() {
    }

    /**
     * @param message the message
     * @param attempt 0-based attempt number in the model
     * @return the answer, or null when the log holds no answer for this attempt
     */
    public static Attempt answer(MessageRecord message, int attempt) {
        return answer(message, answerCount(message), attempt);
    }

    /**
     * {@link #answer(MessageRecord, int)} for a message whose {@link #answerCount} is known: a model keeps it with
     * the message, so an attempt reads only the answer it gets.
     *
     * @param answers the message's {@link #answerCount}
     */
    public static Attempt answer(MessageRecord message, int answers, int attempt) {
        if (attempt < answers) {
            return message.attempts().get(attempt);
        }
        final boolean gaveUp = answers < message.attempts().size();
        if (gaveUp && answers > 0) {
            return message.attempts().get(answers - 1);
        }
        return null;
    }

    /** @return how many of the message's attempts are answers of the receiver. */
    public static int answerCount(MessageRecord message) {
        final int size = message.attempts().size();
        if (size > 0 && isMomentumGiveUp(message.attempts().get(size - 1))) {
            return size - 1;
        }
        return size;
    }

    /** @return true when the attempt line is Momentum giving up on the message rather than a receiver reply. */
    public static boolean isMomentumGiveUp(Attempt attempt) {
        if (attempt.outcome() != Outcome.PERMANENT) {
            return false;
        }
        final String text = attempt.responseText();
        return text.contains("[internal] exceeded max")
                || text.contains("[internal] Delivery not attempted")
                || text.contains("[internal] Message manually purged");
    }
}
