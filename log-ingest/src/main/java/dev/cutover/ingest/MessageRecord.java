package dev.cutover.ingest;

import java.util.List;

/**
 * One message (one recipient) as the traffic store holds it: its reception and every recorded attempt
 * in log order. Momentum creates one message object per recipient
 * (support.sparkpost.com/momentum/4/4-policy-context-variables).
 *
 * @param receptionMicros  time of the R line, microseconds since the epoch
 * @param node             the node that logged the message ("" for a single node); ids are unique per node
 * @param messageId        Momentum message id
 * @param recipientDomain  recipient domain from the R line, lower-cased
 * @param routingDomain    domain of the attempt lines (the queue's domain), lower-cased; equals the
 *                         recipient domain when no attempt was logged
 * @param senderDomain     envelope sender domain, lower-cased
 * @param bindingGroup     binding group assigned at reception
 * @param binding          binding assigned at reception
 * @param sizeBytes        message size from the R line
 * @param attempts         attempts in log order, possibly empty
 * @param completeness     whether the log shows a final outcome
 * @param protocol         how the message was received, as the R line says ({@code esmtp}, {@code rest} for the
 *                         HTTP API, {@code ecstream}, {@code xfer}, {@code internal}), lower-cased; "" when unknown
 */
public record MessageRecord(
        long receptionMicros,
        String node,
        String messageId,
        String recipientDomain,
        String routingDomain,
        String senderDomain,
        String bindingGroup,
        String binding,
        long sizeBytes,
        List<Attempt> attempts,
        Completeness completeness,
        String protocol) {

    /** The R line's protocol for a message injected through Momentum's REST (HTTP) API. */
    public static final String REST = "rest";

    public MessageRecord {
        attempts = List.copyOf(attempts);
    }

    /** A message whose reception protocol is unknown. */
    public MessageRecord(long receptionMicros, String node, String messageId, String recipientDomain,
                         String routingDomain, String senderDomain, String bindingGroup, String binding,
                         long sizeBytes, List<Attempt> attempts, Completeness completeness) {
        this(receptionMicros, node, messageId, recipientDomain, routingDomain, senderDomain, bindingGroup, binding,
                sizeBytes, attempts, completeness, "");
    }

    /** @return the final attempt, or null when the message has none. */
    public Attempt finalAttempt() {
        if (attempts.isEmpty()) {
            return null;
        }
        final Attempt last = attempts.get(attempts.size() - 1);
        return last.outcome().isFinal() ? last : null;
    }
}
