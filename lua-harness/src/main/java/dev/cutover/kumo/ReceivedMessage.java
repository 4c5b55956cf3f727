package dev.cutover.kumo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a replay knows of a message when kumod would receive it, for {@code smtp_server_message_received}: the
 * Momentum log keeps the envelope's domains but not its local parts, nor the headers and body; a scenario may
 * supply headers from log fields. Equal values give the policy the same message, so its answer is reused.
 *
 * @param senderDomain    envelope sender domain
 * @param recipientDomain recipient domain
 * @param routingDomain   the routing domain the log shows, when it is not the recipient domain; else null
 * @param tenant          the tenant the injector set (meta {@code tenant}), or null
 * @param headers         header name to value, in the order the message carries them
 * @param meta            other meta the injector set, such as the log's {@code binding_group} and {@code binding}
 * @param viaHttp         true for a message injected through the HTTP API, which kumod presents to
 *                        {@code http_message_generated}; false for one received over SMTP, presented to
 *                        {@code smtp_server_message_received}
 */
public record ReceivedMessage(String senderDomain, String recipientDomain, String routingDomain, String tenant,
        Map<String, String> headers, Map<String, String> meta, boolean viaHttp) {

    /** The class of the maps {@link #fixed} makes, which the constructor keeps as they are. */
    private static final Class<?> FIXED = Collections.unmodifiableMap(new LinkedHashMap<>()).getClass();

    public ReceivedMessage {
        headers = fixed(headers);
        meta = fixed(meta);
    }

    /**
     * @return {@code map} in its order, unmodifiable; a map this made already is returned as it is, so that a
     *         replay building a message per record from the same few maps copies none of them
     */
    public static Map<String, String> fixed(Map<String, String> map) {
        if (map.isEmpty()) {
            return Map.of();
        }
        return map.getClass() == FIXED ? map : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** A message received over SMTP with no meta beyond its tenant and routing domain. */
    public ReceivedMessage(String senderDomain, String recipientDomain, String routingDomain, String tenant,
                           Map<String, String> headers) {
        this(senderDomain, recipientDomain, routingDomain, tenant, headers, Map.of(), false);
    }

    /** @return the queue kumod names for this message when no policy changes its meta */
    public Reception unchanged() {
        final QueueName name = new QueueName(null, tenant, recipientDomain, routingDomain);
        return new Reception(name.name(), name, 0, null);
    }
}
