package dev.cutover.kumo;

/**
 * What kumod does with a message once {@code smtp_server_message_received} has run: the scheduled queue it joins,
 * or its refusal ({@code kumo.reject}), or its discard (the queue named {@code null}). The queue's name comes from
 * the message's meta: {@code queue} when set, else {@code campaign}, {@code tenant}, the recipient domain and
 * {@code routing_domain} ({@code Message::get_queue_name} in KumoCorp/kumomta {@code crates/message}).
 *
 * @param queueName  the scheduled queue's name
 * @param queue      its parts, which {@code get_queue_config} is asked about
 * @param rejectCode the SMTP code of a refusal, or 0
 * @param rejectText the refusal's text, or null
 */
public record Reception(String queueName, QueueName queue, int rejectCode, String rejectText) {

    /** @return true when the policy refused the message at reception */
    public boolean refused() {
        return rejectCode != 0;
    }

    /** @return true when the message went to the queue kumod discards */
    public boolean discarded() {
        return QueueName.NULL_QUEUE.equals(queueName);
    }

    /** @return the domain the queue routes to: the routing domain when set, else the queue's domain */
    public String routeDomain() {
        return queue.routingDomain() != null ? queue.routingDomain() : queue.domain();
    }
}
