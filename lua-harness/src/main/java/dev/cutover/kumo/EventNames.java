package dev.cutover.kumo;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The events kumod fires (docs.kumomta.com reference/events, and {@code validate_config}, which the shipped helpers
 * handle), for a lint of handlers registered under a name one typo away from one of them: kumod never calls such a
 * handler, and nothing says so. A name far from every event is taken for one of the policy's own, fired with
 * {@code kumo.spawn_task} or the like, and said nothing of.
 */
final class EventNames {
    static final Set<String> KUMOD = Set.of("get_acl_definition", "get_egress_path_config", "get_egress_pool",
            "get_egress_source", "get_listener_domain", "get_queue_config", "http_message_generated",
            "http_server_validate_auth_basic", "init", "pre_init", "proxy_init", "proxy_server_auth_rfc1929",
            "rebind_message", "requeue_message", "should_enqueue_log_record", "shutdown_logging",
            "smtp_client_rewrite_delivery_status", "smtp_server_auth_plain", "smtp_server_connection_accepted",
            "smtp_server_data", "smtp_server_ehlo", "smtp_server_get_dynamic_parameters", "smtp_server_mail_from",
            "smtp_server_message_deferred_inject", "smtp_server_message_received", "smtp_server_rcpt_to",
            "smtp_server_rewrite_response", "smtp_server_split_transaction", "spool_message_enumerated",
            "throttle_insert_ready_queue", "tsa_init", "tsa_load_shaping_data", "xfer_message_received",
            "validate_config");
    /** How many single-character edits away a name may be and still be read as a typo of an event. */
    private static final int TYPO_DISTANCE = 2;

    private EventNames() {
    }

    /** @return the kumod event {@code name} is a typo of, when it is not one itself but is that close to one */
    static Optional<String> typoOf(String name) {
        if (KUMOD.contains(name) || name.length() < 5) {
            return Optional.empty();
        }
        return KUMOD.stream().filter(event -> EditDistance.between(name, event) <= TYPO_DISTANCE).sorted().findFirst();
    }

    /** @return the lint lines for the events a policy registered handlers for */
    static List<String> typos(EventRegistry events) {
        return events.events().stream().flatMap(event -> typoOf(event).stream().map(meant ->
                EventRegistry.definedAt(events.handlers(event).get(0)) + ": a handler for '" + event + "', which "
                        + "kumod never fires: did you mean '" + meant + "'? As written, it never runs")).toList();
    }
}
