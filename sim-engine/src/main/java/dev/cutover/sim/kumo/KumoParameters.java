package dev.cutover.sim.kumo;

import dev.cutover.ingest.MessageRecord;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Choices the KumoMTA model makes where the scenario may override kumod's behaviour, each with kumod's value as
 * the default.
 *
 * @param tenantField          which log field becomes the tenant: {@code binding_group}, {@code binding} or
 *                             {@code none}
 * @param timerWheelTickMicros how often delayed messages are popped from the scheduled queue's timer wheel
 *                             (SingletonTimerWheel ticks every 3 s; {@code crates/kumod/src/queue/strategy.rs})
 * @param maxRequeueJitterMicros the upper bound of the random re-delay of a message whose every ready queue was
 *                             full: whole seconds drawn uniformly below it, 0 drawn again ({@code queue/queue.rs}
 *                             {@code delay_with_jitter(60)}, so 1 to 59 s), then popped on the wheel's tick
 * @param headerFields         header name to the template of the value a message carries in it at reception, in
 *                             header order: text in which {@code {binding_group}} and {@code {binding}} stand for
 *                             the log's fields of the message; the log keeps no headers, so none by default
 * @param tsa                  whether Traffic Shaping Automation acts on the replayed responses ({@link Automation});
 *                             kumod has it only when the policy publishes its logs to a TSA daemon
 * @param tsaActionDelayMicros how long after a matching response TSA's suspensions and bounces take effect: the
 *                             daemon batches records every 100 ms and sends its events in batches every 3 s or so
 *                             (kumomta.md §3.8), so 3 s
 * @param tsaConfigDelayMicros how long after a matching response a SetConfig override takes effect, and after its
 *                             expiry it is withdrawn: kumod reads TSA's file every 30 s from a cache of 1 minute,
 *                             roughly 30 to 90 s (kumomta.md §3.8), so 60 s
 * @param restViaHttp          whether messages Momentum received through its REST API (protocol {@code rest} in
 *                             the log) reach kumod through its HTTP injection API, and so its
 *                             {@code http_message_generated} event, rather than over SMTP and
 *                             {@code smtp_server_message_received}; the sources are silent on how an estate moves
 *                             its injectors, and KumoMTA's HTTP API is the counterpart of Momentum's, so true
 * @param httpAuth             the template, as for headers, of the {@code http_auth} meta kumod's HTTP injector
 *                             sets (reference/events/http_message_generated): the Basic-auth user name, or without
 *                             one the peer address that matched the listener's {@code trusted_hosts}. The log names
 *                             no API user, and {@code trusted_hosts} defaults to the loopback addresses
 *                             (reference/kumo/start_http_listener/trusted_hosts), so {@value #DEFAULT_HTTP_AUTH}
 */
public record KumoParameters(String tenantField, long timerWheelTickMicros, long maxRequeueJitterMicros,
        Map<String, String> headerFields, boolean tsa, long tsaActionDelayMicros, long tsaConfigDelayMicros,
        boolean restViaHttp, String httpAuth) {

    /** In a header template, the message's binding group. */
    public static final String BINDING_GROUP = "{binding_group}";
    /** In a header template, the message's binding. */
    public static final String BINDING = "{binding}";
    /** The {@code http_auth} of an injector on kumod's own host, which the default trusted_hosts admit. */
    public static final String DEFAULT_HTTP_AUTH = "127.0.0.1";

    public KumoParameters {
        headerFields = Collections.unmodifiableMap(new LinkedHashMap<>(headerFields));
    }

    /** @return kumod's behaviour with the tenant taken from the binding group. */
    public static KumoParameters defaults() {
        return new KumoParameters("binding_group", 3_000_000L, 60_000_000L, Map.of(), false, 3_000_000L, 60_000_000L,
                true, DEFAULT_HTTP_AUTH);
    }

    /** @return the tenant the injector gives a message of this binding group and binding, or null for none */
    public String tenant(String bindingGroup, String binding) {
        final String value = switch (tenantField) {
            case "binding_group" -> bindingGroup;
            case "binding" -> binding;
            default -> "";
        };
        return value.isEmpty() ? null : value;
    }

    /**
     * @return the headers a message of this binding group and binding carries, in {@link #headerFields} order; a
     *         header whose value comes out empty is left out
     */
    public Map<String, String> headers(String bindingGroup, String binding) {
        if (headerFields.isEmpty()) {
            return Map.of();
        }
        final Map<String, String> headers = new LinkedHashMap<>();
        headerFields.forEach((header, template) -> {
            final String value = fill(template, bindingGroup, binding);
            if (!value.isEmpty()) {
                headers.put(header, value);
            }
        });
        return headers;
    }

    /** @return the meta kumod's injector would set from the log: the binding group and binding, when known */
    public static Map<String, String> meta(String bindingGroup, String binding) {
        final Map<String, String> meta = new LinkedHashMap<>();
        if (!bindingGroup.isEmpty()) {
            meta.put("binding_group", bindingGroup);
        }
        if (!binding.isEmpty()) {
            meta.put("binding", binding);
        }
        return meta;
    }

    /** @return these parameters with the tenant taken from another log field */
    public KumoParameters withTenantField(String field) {
        return new KumoParameters(field, timerWheelTickMicros, maxRequeueJitterMicros, headerFields, tsa,
                tsaActionDelayMicros, tsaConfigDelayMicros, restViaHttp, httpAuth);
    }

    /** @return these parameters with messages carrying these headers, header name to log field */
    public KumoParameters withHeaders(Map<String, String> headers) {
        return new KumoParameters(tenantField, timerWheelTickMicros, maxRequeueJitterMicros, headers, tsa,
                tsaActionDelayMicros, tsaConfigDelayMicros, restViaHttp, httpAuth);
    }

    /** @return these parameters with TSA on or off */
    public KumoParameters withTsa(boolean on) {
        return new KumoParameters(tenantField, timerWheelTickMicros, maxRequeueJitterMicros, headerFields, on,
                tsaActionDelayMicros, tsaConfigDelayMicros, restViaHttp, httpAuth);
    }

    /** @return these parameters with REST injections reaching kumod over HTTP ({@code true}) or SMTP */
    public KumoParameters withRestViaHttp(boolean viaHttp) {
        return new KumoParameters(tenantField, timerWheelTickMicros, maxRequeueJitterMicros, headerFields, tsa,
                tsaActionDelayMicros, tsaConfigDelayMicros, viaHttp, httpAuth);
    }

    /** @return these parameters with {@code http_auth} made from this template */
    public KumoParameters withHttpAuth(String template) {
        return new KumoParameters(tenantField, timerWheelTickMicros, maxRequeueJitterMicros, headerFields, tsa,
                tsaActionDelayMicros, tsaConfigDelayMicros, restViaHttp, template);
    }

    /**
     * @return the meta kumod's HTTP injector gives a message of this binding group and binding: the log's
     *         binding group and binding, as {@link #meta}, and {@code http_auth}
     */
    public Map<String, String> httpMeta(String bindingGroup, String binding) {
        final Map<String, String> meta = meta(bindingGroup, binding);
        meta.put("http_auth", fill(httpAuth, bindingGroup, binding));
        return meta;
    }

    private static String fill(String template, String bindingGroup, String binding) {
        return template.replace(BINDING_GROUP, bindingGroup).replace(BINDING, binding);
    }

    /** @return true when kumod would get this message through its HTTP injection API */
    public boolean viaHttp(String protocol) {
        return restViaHttp && protocol.equals(MessageRecord.REST);
    }
}
