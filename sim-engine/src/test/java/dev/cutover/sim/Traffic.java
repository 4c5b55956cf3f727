package dev.cutover.sim;

import dev.cutover.ingest.Attempt;
import dev.cutover.ingest.Completeness;
import dev.cutover.ingest.MessageRecord;
import dev.cutover.ingest.Outcome;

import java.util.ArrayList;
import java.util.List;

/** Builds small traffic for model tests: messages with scripted receiver answers. */
public final class Traffic {
    public static final long SECOND = 1_000_000L;
    public static final long T0 = 1_717_430_400L * SECOND;

    private Traffic() {
    }

    /** A message to {@code domain} on {@code binding} received at {@code receptionMicros} with these answers. */
    public static MessageRecord message(int id, String domain, String binding, long receptionMicros,
                                        Outcome... answers) {
        final List<Attempt> attempts = new ArrayList<>();
        long time = receptionMicros;
        for (int i = 0; i < answers.length; i++) {
            time += SECOND;
            attempts.add(attempt(answers[i], time, i));
        }
        final boolean complete = answers.length > 0 && answers[answers.length - 1].isFinal();
        return new MessageRecord(receptionMicros, "", "id-" + id, domain, domain, "news.example.com", "retail",
                binding, 20_000, attempts, complete ? Completeness.COMPLETE : Completeness.NO_FINAL_OUTCOME);
    }

    private static Attempt attempt(Outcome outcome, long time, int retry) {
        final int code = outcome == Outcome.DELIVERED ? 250 : outcome == Outcome.TRANSIENT ? 451 : 550;
        final String text = outcome == Outcome.DELIVERED ? "" : code + " scripted answer";
        return new Attempt(time, outcome, code, text, retry, 1.0, "c" + retry, "retail", "b", -1, "203.0.113.9");
    }

    /** {@code count} messages delivered on first attempt, all received at {@code receptionMicros}. */
    public static List<MessageRecord> burst(int count, String domain, String binding, long receptionMicros) {
        final List<MessageRecord> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(message(i, domain, binding, receptionMicros, Outcome.DELIVERED));
        }
        return messages;
    }

    /** Feeds {@code messages} to {@code engine} and drains it. */
    public static DomainSnapshot replay(Engine engine, List<MessageRecord> messages, String domain) {
        messages.forEach(engine::accept);
        engine.finish(Long.MAX_VALUE);
        return engine.metrics().domain(domain).snapshot();
    }
}
