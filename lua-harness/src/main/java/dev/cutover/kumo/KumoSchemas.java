package dev.cutover.kumo;

import java.util.List;
import java.util.Map;

/**
 * The constructor schemas with kumod's defaults: {@code make_egress_path}
 * ({@code crates/kumo-api-types/src/egress_path.rs}, timeouts from {@code crates/rfc5321/src/client_types.rs}),
 * {@code make_queue_config} ({@code crates/kumod/src/queue/config.rs}), {@code make_egress_source} and
 * {@code make_egress_pool} ({@code crates/kumod/src/egress_source.rs}) and {@code make_listener_domain}
 * (docs: {@code reference/kumo/make_listener_domain}).
 *
 * <p>Note: structured fields cutover does not model (TLS key sources, CIDR sets, delivery protocols,
 * shrink policies, proxy settings) are accepted as given without checking their inside.
 */
final class KumoSchemas {

    private static final long SECOND = 1_000_000L;
    private static final List<String> REFRESH = List.of("Ttl", "Epoch");
    private static final List<String> WAKEUP = List.of("Aggressive", "Relaxed");
    private static final List<String> MEMORY = List.of("ShrinkDataAndMeta", "ShrinkData", "NoShrink");

    static final ConfigSchema EGRESS_PATH = ConfigSchema.of("EgressPathConfig", true, List.of(
            opt("connection_limit", FieldType.LIMIT, new LimitSpec(32, false)),
            opt("additional_connection_limits", FieldType.LIMIT_MAP, Map.of()),
            opt("enable_tls", FieldType.enumOf("Tls", List.of("Opportunistic", "OpportunisticInsecure",
                    "Required", "RequiredInsecure", "Disabled")), "Opportunistic"),
            opt("enable_mta_sts", FieldType.BOOL, true),
            opt("enable_dane", FieldType.BOOL, false),
            opt("enable_pipelining", FieldType.BOOL, true),
            opt("enable_rset", FieldType.BOOL, true),
            opt("tls_prefer_openssl", FieldType.BOOL, false),
            opt("tls_certificate", FieldType.ANY, null),
            opt("tls_private_key", FieldType.ANY, null),
            opt("openssl_cipher_list", FieldType.STRING, null),
            opt("openssl_cipher_suites", FieldType.STRING, null),
            opt("openssl_options", FieldType.STRING, null),
            opt("rustls_cipher_suites", FieldType.ANY, null),
            opt("connect_timeout", FieldType.DURATION, 60 * SECOND),
            opt("banner_timeout", FieldType.DURATION, 60 * SECOND),
            opt("ehlo_timeout", FieldType.DURATION, 300 * SECOND),
            opt("mail_from_timeout", FieldType.DURATION, 300 * SECOND),
            opt("rcpt_to_timeout", FieldType.DURATION, 300 * SECOND),
            opt("data_timeout", FieldType.DURATION, 300 * SECOND),
            opt("data_dot_timeout", FieldType.DURATION, 300 * SECOND),
            opt("rset_timeout", FieldType.DURATION, 5 * SECOND),
            opt("idle_timeout", FieldType.DURATION, 5 * SECOND),
            opt("starttls_timeout", FieldType.DURATION, 5 * SECOND),
            opt("auth_timeout", FieldType.DURATION, 60 * SECOND),
            opt("system_shutdown_timeout", FieldType.DURATION, null),
            opt("max_ready", FieldType.USIZE, 1024L),
            opt("consecutive_connection_failures_before_delay", FieldType.USIZE, 100L),
            opt("smtp_port", FieldType.U16, 25L),
            opt("smtp_auth_plain_username", FieldType.STRING, null),
            opt("smtp_auth_plain_password", FieldType.ANY, null),
            opt("allow_smtp_auth_plain_without_tls", FieldType.BOOL, false),
            opt("allow_smtp_auth_plain_without_valid_certificate", FieldType.BOOL, false),
            opt("max_message_rate", FieldType.THROTTLE, null),
            opt("additional_message_rate_throttles", FieldType.THROTTLE_MAP, Map.of()),
            opt("source_selection_rate", FieldType.THROTTLE, null),
            opt("additional_source_selection_rates", FieldType.THROTTLE_MAP, Map.of()),
            opt("max_connection_rate", FieldType.THROTTLE, null),
            opt("max_deliveries_per_connection", FieldType.USIZE, 1024L),
            opt("max_recipients_per_batch", FieldType.USIZE, 100L),
            opt("prohibited_hosts", FieldType.ANY, null),
            opt("skip_hosts", FieldType.ANY, null),
            opt("ip_lookup_strategy", FieldType.ANY, null),
            opt("ehlo_domain", FieldType.STRING, null),
            opt("aggressive_connection_opening", FieldType.BOOL, false),
            opt("refresh_interval", FieldType.DURATION, 60 * SECOND),
            opt("refresh_strategy", FieldType.enumOf("ConfigRefreshStrategy", REFRESH), "Ttl"),
            opt("dispatcher_wakeup_strategy", FieldType.enumOf("WakeupStrategy", WAKEUP), "Aggressive"),
            opt("maintainer_wakeup_strategy", FieldType.enumOf("WakeupStrategy", WAKEUP), "Aggressive"),
            opt("provider_name", FieldType.STRING, null),
            opt("remember_broken_tls", FieldType.DURATION, null),
            opt("opportunistic_tls_reconnect_on_failed_handshake", FieldType.BOOL, false),
            opt("use_lmtp", FieldType.BOOL, false),
            opt("reconnect_strategy", FieldType.enumOf("ReconnectStrategy",
                    List.of("TerminateSession", "ReconnectSameHost", "ConnectNextHost")), "ConnectNextHost"),
            opt("readyq_pool_name", FieldType.STRING, null),
            opt("low_memory_reduction_policy", FieldType.enumOf("MemoryReductionPolicy", MEMORY),
                    "ShrinkDataAndMeta"),
            opt("no_memory_reduction_policy", FieldType.enumOf("MemoryReductionPolicy", MEMORY),
                    "ShrinkDataAndMeta"),
            opt("try_next_host_on_transport_error", FieldType.BOOL, false),
            opt("ignore_8bit_checks", FieldType.BOOL, false),
            opt("dispatcher_progress_watchdog_timeout", FieldType.DURATION, null)));

    static final ConfigSchema QUEUE_CONFIG = ConfigSchema.of("QueueConfig", false, List.of(
            opt("retry_interval", FieldType.DURATION, 20 * 60 * SECOND),
            opt("max_retry_interval", FieldType.DURATION, null),
            opt("max_age", FieldType.DURATION, 7 * 86_400 * SECOND),
            opt("egress_pool", FieldType.STRING, null),
            opt("max_message_rate", FieldType.THROTTLE, null),
            opt("protocol", FieldType.ANY, null),
            opt("reap_interval", FieldType.DURATION, 600 * SECOND),
            opt("refresh_interval", FieldType.DURATION, 60 * SECOND),
            opt("timerwheel_tick_interval", FieldType.DURATION, null),
            opt("strategy", FieldType.enumOf("QueueStrategy", List.of("TimerWheel", "SkipList",
                    "SingletonTimerWheel", "SingletonTimerWheelV2")), "SingletonTimerWheel"),
            opt("refresh_strategy", FieldType.enumOf("ConfigRefreshStrategy", REFRESH), "Ttl"),
            opt("provider_name", FieldType.STRING, null),
            opt("shrink_policy", FieldType.ANY, null)));

    static final ConfigSchema EGRESS_SOURCE = ConfigSchema.of("EgressSource", false, List.of(
            required("name", FieldType.STRING),
            opt("ehlo_domain", FieldType.STRING, null),
            opt("source_address", FieldType.IP_ADDRESS, null),
            opt("remote_port", FieldType.U16, null),
            opt("ha_proxy_server", FieldType.STRING, null),
            opt("ha_proxy_source_address", FieldType.STRING, null),
            opt("socks5_proxy_server", FieldType.STRING, null),
            opt("socks5_proxy_source_address", FieldType.STRING, null),
            opt("socks5_proxy_username", FieldType.STRING, null),
            opt("socks5_proxy_password", FieldType.ANY, null),
            opt("suspend_when_unplumbed", FieldType.ANY, null),
            opt("suspend_when_proxy_unhealthy", FieldType.ANY, null),
            opt("ttl", FieldType.DURATION, 60 * SECOND)));

    static final ConfigSchema POOL_ENTRY = ConfigSchema.of("EgressPoolEntry", false, List.of(
            required("name", FieldType.STRING),
            opt("weight", FieldType.U32, 1L)));

    static final ConfigSchema EGRESS_POOL = ConfigSchema.of("EgressPool", false, List.of(
            required("name", FieldType.STRING),
            opt("entries", PoolEntries.TYPE, List.of()),
            opt("ttl", FieldType.DURATION, 60 * SECOND)));

    static final ConfigSchema LISTENER_DOMAIN = ConfigSchema.of("ListenerDomain", false, List.of(
            opt("relay_to", FieldType.BOOL, false),
            opt("relay_from", FieldType.ANY, null),
            opt("relay_from_authz", FieldType.ANY, null),
            opt("log_oob", FieldType.ANY, "Ignore"),
            opt("log_arf", FieldType.ANY, "Ignore")));

    private KumoSchemas() {
    }

    private static ConfigSchema.Field opt(String name, FieldType type, Object defaultValue) {
        return new ConfigSchema.Field(name, type, defaultValue, false);
    }

    private static ConfigSchema.Field required(String name, FieldType type) {
        return new ConfigSchema.Field(name, type, null, true);
    }
}
