package dev.cutover.kumo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.LuaValue;

/**
 * Turns constructed kumo values into the records the delivery model reads. Fields the policy left unset
 * carry kumod's defaults already (see {@link KumoSchemas}); an egress pool entry of weight 0 is dropped
 * as kumod drops it ({@code crates/kumod/src/egress_source.rs}).
 */
final class RecordMapper {

    private RecordMapper() {
    }

    static QueueConfig queueConfig(Constructed c) {
        final Object maxRetry = c.get("max_retry_interval");
        final Object pool = c.get("egress_pool");
        return new QueueConfig((Long) c.get("retry_interval"), maxRetry == null ? 0 : (Long) maxRetry,
                (Long) c.get("max_age"), pool == null ? QueueConfig.UNSPECIFIED_POOL : (String) pool,
                (ThrottleSpec) c.get("max_message_rate"), c.origins(), mxListSite(c.get("protocol")));
    }

    /**
     * @param protocol the queue config's {@code protocol} value, as the policy wrote it, or null
     * @return {@code "mx_list:<h1>,<h2>"} for SMTP to a fixed host list, else null
     */
    private static String mxListSite(Object protocol) {
        if (!(protocol instanceof LuaValue) || !((LuaValue) protocol).istable()) {
            return null;
        }
        final LuaValue list = ((LuaValue) protocol).get("smtp").istable()
                ? ((LuaValue) protocol).get("smtp").get("mx_list") : LuaValue.NIL;
        if (!list.istable()) {
            return null;
        }
        final List<String> hosts = new ArrayList<>();
        for (int i = 1; i <= list.length(); i++) {
            final LuaValue entry = list.get(i);
            hosts.add(entry.istable() ? entry.get("name").tojstring() : entry.tojstring());
        }
        return "mx_list:" + String.join(",", hosts);
    }

    @SuppressWarnings("unchecked")
    static EgressPathConfig egressPath(Constructed c) {
        final Map<String, Long> limits = new LinkedHashMap<>();
        ((Map<String, LimitSpec>) c.get("additional_connection_limits")).forEach((k, v) -> limits.put(k, v.limit()));
        return new EgressPathConfig(((LimitSpec) c.get("connection_limit")).limit(), limits,
                (ThrottleSpec) c.get("max_connection_rate"), (ThrottleSpec) c.get("max_message_rate"),
                (Map<String, ThrottleSpec>) c.get("additional_message_rate_throttles"),
                (Long) c.get("max_deliveries_per_connection"), (Long) c.get("max_ready"),
                (Long) c.get("idle_timeout"), (Long) c.get("consecutive_connection_failures_before_delay"),
                (String) c.get("provider_name"), c.origins());
    }

    static EgressSource egressSource(Constructed c) {
        return new EgressSource((String) c.get("name"), (String) c.get("source_address"),
                (String) c.get("ehlo_domain"));
    }

    @SuppressWarnings("unchecked")
    static EgressPool egressPool(Constructed c) {
        final List<EgressPool.Entry> entries = new ArrayList<>();
        for (Map<String, Object> entry : (List<Map<String, Object>>) c.get("entries")) {
            final long weight = (Long) entry.get("weight");
            if (weight > 0) {
                entries.add(new EgressPool.Entry((String) entry.get("name"), weight));
            }
        }
        return new EgressPool((String) c.get("name"), entries);
    }
}
