package dev.cutover.kumo;

import java.util.List;
import java.util.regex.Pattern;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The {@code kumo.*} functions that configure a live server (listeners, spools, logs, threads, background
 * tasks). In a replay they open and start nothing: each records its arguments in the {@link HarnessLog} and
 * returns no values. {@code spawn_task} in particular never runs its event inline, because the shipped
 * helpers spawn endless loops ({@code assets/policy-extras/shaping.lua}).
 */
final class KumoStubs {

    static final List<String> NAMES = List.of("start_esmtp_listener", "start_http_listener", "define_spool",
            "configure_local_logs", "configure_log_hook", "configure_bounce_classifier",
            "configure_redis_throttles", "configure_accounting_db_path", "spawn_task", "sleep",
            "bump_config_epoch", "validation_failed", "set_config_monitor_globs", "eval_config_monitor_globs",
            "set_lruttl_cache_capacity", "set_diagnostic_log_filter", "set_memory_hard_limit", "set_memory_soft_limit",
            "set_memory_low_thresh", "configure_log_disposition_hook", "configure_suppression_store",
            "set_httpinject_recipient_rate_limit", "suspend_delivery_when_spool_unhealthy",
            "apply_supplemental_trace_header");
    /** Functions of {@code kumo.dns} that tune the resolver of a live server; the replay resolves nothing. */
    static final List<String> DNS = List.of("define_resolver", "configure_resolver", "set_mx_timeout",
            "set_mx_negative_cache_ttl", "set_mta_sts_enabled", "configure_unbound_resolver", "load_resolv_conf",
            "set_mx_concurrency_limit");
    /** Functions of {@code kumo.aaa} that configure the HTTP listener's access control, which a replay never asks. */
    static final List<String> AAA = List.of("configure_acct_log", "set_acl_cache_ttl", "set_check_cache_ttl",
            "set_fall_back_to_acl_map");
    /**
     * What {@code kumo.available_parallelism()} answers: the policy sizes thread pools with it, which changes
     * nothing in a replay, so any fixed number does; this one keeps runs the same on every machine.
     */
    static final int AVAILABLE_PARALLELISM = 8;
    /**
     * What {@code kumo.secrets.load} answers: no secret is read in a replay (a DKIM key or a password changes nothing
     * of how mail is shaped), so a fixed stand-in.
     */
    static final String SECRET = "cutover-replay-reads-no-secrets";
    /**
     * What {@code kumo.version()} answers: the KumoMTA release whose scheduling and shaping the model follows
     * (kumomta.md §0, the newest release tag in the source read), so a policy that checks the version takes the
     * path it would take on that release.
     */
    static final String KUMOD_VERSION = "2026.06.23-f3af1cd0";

    /**
     * Functions of {@code kumo.dkim} and {@code kumo.http} a policy may call while it loads: the signer and client
     * they return are opaque tables, since signing and HTTP (used by TSA and webhooks) never happen in a replay.
     */
    static final List<String> DKIM = List.of("rsa_sha256_signer", "ed25519_signer");
    static final List<String> HTTP = List.of("build_client", "connect_websocket");

    private static final Pattern PATTERNED = Pattern.compile("set_\\w+_threads|set_max_\\w*lua_context\\w*");

    private KumoStubs() {
    }

    /** Installs the fixed stubs into {@code kumo}; {@code dns} is its {@code kumo.dns} table. */
    static void install(LuaTable kumo, LuaTable dns, HarnessLog log) {
        NAMES.forEach(name -> kumo.set(name, stub(name, log)));
        DNS.forEach(name -> dns.set(name, stub("dns." + name, log)));
        kumo.set("available_parallelism", answering("available_parallelism", LuaValue.valueOf(AVAILABLE_PARALLELISM),
                log));
        kumo.set("version", LuaFunctions.of("kumo.version", args -> LuaValue.valueOf(KUMOD_VERSION)));
        final LuaTable secrets = new LuaTable();
        secrets.set("load", answering("secrets.load", LuaValue.valueOf(SECRET), log));
        kumo.set("secrets", secrets);
        final LuaTable dkim = namespace("dkim", DKIM, log);
        dkim.set("set_signing_threads", stub("dkim.set_signing_threads", log));
        kumo.set("dkim", dkim);
        final LuaTable aaa = new LuaTable();
        AAA.forEach(name -> aaa.set(name, stub("aaa." + name, log)));
        kumo.set("aaa", aaa);
        kumo.set("http", namespace("http", HTTP, log));
    }

    /** @return a table of stubs, recorded as {@code prefix.name}, that each return an opaque empty table */
    private static LuaTable namespace(String prefix, List<String> names, HarnessLog log) {
        final LuaTable table = new LuaTable();
        for (String name : names) {
            final String qualified = prefix + "." + name;
            table.set(name, LuaFunctions.of("kumo." + qualified, args -> {
                log.stubCall(qualified, LuaJson.encode(asList(args), false));
                return opaque("kumo." + qualified);
            }));
        }
        return table;
    }

    /**
     * @return a stand-in for what {@code maker} returns: it can be stored and passed on, and using any of its
     *         methods fails naming them, since no signing or HTTP request happens in a replay
     */
    private static LuaTable opaque(String maker) {
        final LuaTable meta = new LuaTable();
        meta.set("__index", LuaFunctions.of(maker + ".__index", a -> {
            final String method = a.arg(2).tojstring();
            return LuaFunctions.of(method, b -> {
                throw new LuaError(method + " of what " + maker + " returned is not supported by cutover: a replay "
                        + "signs nothing and makes no HTTP requests");
            });
        }));
        final LuaTable table = new LuaTable();
        table.setmetatable(meta);
        return table;
    }

    /** @return true when {@code name} is one of the patterned stubs such as {@code set_diskio_threads}. */
    static boolean isPatterned(String name) {
        return PATTERNED.matcher(name).matches();
    }

    /** @return a stub that records calls under {@code name} and answers {@code answer} */
    private static LuaValue answering(String name, LuaValue answer, HarnessLog log) {
        return LuaFunctions.of("kumo." + name, args -> {
            log.stubCall(name, LuaJson.encode(asList(args), false));
            return answer;
        });
    }

    /** @return a stub that records calls under {@code name}. */
    static LuaValue stub(String name, HarnessLog log) {
        return LuaFunctions.of("kumo." + name, args -> {
            log.stubCall(name, LuaJson.encode(asList(args), false));
            return LuaValue.NONE;
        });
    }

    private static LuaTable asList(Varargs args) {
        final LuaTable list = new LuaTable();
        for (int i = 1; i <= args.narg(); i++) {
            list.set(i, args.arg(i).isfunction() ? LuaValue.valueOf("<function>") : args.arg(i));
        }
        return list;
    }
}
