package dev.cutover.kumo;

import java.util.List;

/**
 * What a loaded KumoMTA policy answers for the delivery model: the same questions kumod asks its Lua
 * policy through the events {@code get_queue_config}, {@code get_egress_pool}, {@code get_egress_source}
 * and {@code get_egress_path_config}, plus the MX data that names sites.
 *
 * <p>Implementations are single-threaded: one instance per model thread.
 */
public interface KumoPolicy {

    /**
     * Answers {@code get_queue_config(domain, tenant, campaign, routing_domain)}.
     *
     * @param domain        recipient domain
     * @param tenant        tenant, or null
     * @param campaign      campaign, or null
     * @param routingDomain routing domain, or null
     * @return the queue configuration, kumod's defaults when no handler returns a value
     */
    QueueConfig queueConfig(String domain, String tenant, String campaign, String routingDomain);

    /**
     * Runs {@code smtp_server_message_received} for a message as kumod would at reception, or
     * {@code http_message_generated} for one injected through the HTTP API.
     *
     * @param message         what the log knows of the message
     * @param receptionMicros when it arrived, which the hook reads as the time of day
     * @return the queue the message joins, or its refusal; without a handler, the queue its meta names
     */
    default Reception receive(ReceivedMessage message, long receptionMicros) {
        return message.unchanged();
    }

    /**
     * @return why the reception hook's answer may differ between messages alike (it reads the clock, draws random
     *         numbers, reads {@code msg:id()} or keeps state), once a run has shown it; else null
     */
    default String receptionVaries() {
        return null;
    }

    /**
     * @return true when the policy handles {@code smtp_server_message_received} or {@code http_message_generated},
     *         so {@link #receive} matters
     */
    default boolean handlesReception() {
        return false;
    }

    /** @return true when the policy handles {@code http_message_generated}, the HTTP injector's event */
    default boolean handlesHttpInjection() {
        return false;
    }

    /** Answers {@code get_egress_pool(name)}; the built-in pool "unspecified" is answered without Lua. */
    EgressPool egressPool(String name);

    /** Answers {@code get_egress_source(name)}; the built-in source "unspecified" is answered without Lua. */
    EgressSource egressSource(String name);

    /**
     * Answers {@code get_egress_path_config(routing_domain, egress_source, site_name)}.
     *
     * @return the path configuration, kumod's defaults when no handler is registered
     */
    EgressPathConfig egressPathConfig(String routingDomain, String egressSource, String siteName);

    /**
     * The site name kumod derives from the domain's MX host list (factored names), or the domain itself
     * when the MX data has no entry for it.
     */
    String siteName(String domain);

    /**
     * @return the site a queue's messages to {@code domain} go to: the fixed host list of its {@code protocol}
     *         when it has one, else the domain's MX site
     */
    default String siteName(String domain, QueueConfig queue) {
        return queue.mxListSite() != null ? queue.mxListSite() : siteName(domain);
    }

    /**
     * @return the traffic shaping automation rules for a response from {@code site} to {@code domain}, in the
     *         order TSA gathers them; none when the policy loads no shaping data
     */
    default List<AutomationRule.Scoped> automationRules(String domain, String site) {
        return List.of();
    }

    /**
     * @return true when the policy publishes its delivery logs to a TSA daemon (the shaping helper's
     *         {@code setup_publish} configures a log hook named {@code <url>.tsa.kumomta}), so TSA acts on them
     */
    default boolean publishesToTsa() {
        return false;
    }

    /**
     * Sets, or clears with a null value, one override TSA publishes; later {@link #egressPathConfig} answers
     * include it, as kumod's do after TSA's file changes and the config epoch is bumped.
     */
    default void tsaOverride(String domain, boolean rollup, String source, String name, Object value, String origin) {
    }

    /** @return how to name the policy in messages, such as {@code init.lua} */
    default String label() {
        return "the policy";
    }
}
