package dev.cutover.ingest.synth;

/**
 * How one destination domain treated the synthesized traffic.
 *
 * <p>Example: the default, 600 messages per minute per binding and 20 messages per connection, drains a
 * campaign of 24,000 messages to one domain over 4 bindings in 10 minutes, on 1,200 connections.
 *
 * @param deferralProbability         chance that one attempt is deferred (T line), in [0, 1]
 * @param bounceProbability           chance that one attempt is refused for good (P line), in [0, 1]; the
 *                                    two together at most 1
 * @param capacityPerMinutePerBinding how many attempts per minute the observed Momentum made to this
 *                                    domain from one binding, &gt; 0
 * @param messagesPerConnection       attempts per outbound connection before a new one is opened, &ge; 1
 */
public record DomainBehaviour(
        double deferralProbability,
        double bounceProbability,
        double capacityPerMinutePerBinding,
        int messagesPerConnection) {

    /** 4 % deferrals, 1 % bounces, 600 per minute per binding, 20 per connection. */
    public static final DomainBehaviour DEFAULT = new DomainBehaviour(0.04, 0.01, 600, 20);

    public DomainBehaviour {
        if (deferralProbability < 0 || bounceProbability < 0 || deferralProbability + bounceProbability > 1) {
            throw new IllegalArgumentException("probabilities must be >= 0 and sum to at most 1: "
                    + deferralProbability + ", " + bounceProbability);
        }
        if (!(capacityPerMinutePerBinding > 0) || messagesPerConnection < 1) {
            throw new IllegalArgumentException("capacity must be > 0 and messages per connection >= 1");
        }
    }
}
