package dev.cutover.kumo;

import java.util.List;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The stand-in {@code kumo} module: the parts of kumod's Lua API ({@code crates/kumod/src/mod_kumo.rs},
 * {@code crates/kumo-server-common/src/lib.rs}, {@code crates/mod-*}) that a replay needs, faithful where
 * they shape delivery and recording stubs where they configure a live server.
 *
 * <p>Any other {@code kumo.xxx} resolves, through the table's {@code __index}, to a function that fails
 * with "kumo.xxx is not supported by cutover (called at file:line)", so an unsupported call is reported
 * where it happens rather than as "attempt to call nil".
 */
public final class KumoModule {

    /**
     * Names kumod's {@code kumo} module has that cutover does not stand in for (docs.kumomta.com reference/kumo and
     * its modules): reading one gives a stand-in that fails when used, naming it; any other name reads nil, as in
     * kumod, so a policy may test {@code if kumo.x then} or keep its own fields in the table.
     */
    private static final java.util.Set<String> KUMOD_NAMES = java.util.Set.of("api", "amqp", "aws", "cidr",
            "counter_series", "crypto", "digest", "disconnect", "define_egress_source", "encode", "fs",
            "get_event_registrars", "kafka", "mimepart", "file_type", "mpsc", "nats",
            "redis", "secrets", "sqlite", "string", "version",
            "xfer", "available_parallelism", "glob", "uncached_glob", "set_lruttl_cache_capacity",
            "prometheus", "log", "compute_egress_path_config_constraints", "format_egress_path_config_constraints",
            "inject_message", "make_message", "dkim", "http", "dns", "serde", "shaping", "regex", "domain_map",
            "tsa", "spf", "dmarc", "smtp", "jsonl", "memoize", "cutover", "aaa", "get_memory_hard_limit",
            "get_memory_soft_limit", "get_memory_low_thresh", "add_charset_alias", "apply_supplemental_trace_header",
            "compute_queue_config_constraints", "format_egress_path_config_toml", "format_queue_config_toml",
            "generate_rfc3464_message", "define_egress_pool");

    private final LuaSandbox sandbox;
    private final HarnessLog log;
    private final EventRegistry events;
    private final KumoConstructors constructors;
    private final ShapingLua shaping;
    private final LuaTable kumo = new LuaTable();
    private final HelperDataLint helperData = new HelperDataLint();

    /**
     * @param sandbox the runtime to install into
     * @param mx      MX data for {@code kumo.dns} and shaping
     * @param log     where log output and stub calls are recorded
     */
    public KumoModule(LuaSandbox sandbox, MxFixture mx, HarnessLog log) {
        this.sandbox = sandbox;
        this.log = log;
        this.events = new EventRegistry(sandbox);
        this.constructors = new KumoConstructors(sandbox);
        this.shaping = new ShapingLua(sandbox, mx, constructors);
        populate(mx);
        install();
    }

    private void populate(MxFixture mx) {
        kumo.set("on", events.onFunction());
        constructors.install(kumo);
        final java.util.function.BiConsumer<LuaValue, String> loaded = (value, label) -> {
            constructors.rememberFile(value, label);
            helperData.read(value, label);
        };
        KumoSerde.install(kumo, sandbox.files(), loaded);
        final LuaTable serde = new LuaTable();
        KumoSerde.install(serde, sandbox.files(), loaded);
        serde.set("toml_encode_pretty_compact", LuaFunctions.of("toml_encode_pretty_compact",
                a -> LuaValue.valueOf(TomlText.encode(a.arg1(), "toml_encode_pretty_compact", true, true))));
        final LuaTable helpers = constructors.helperFunctions();
        helpers.set("lint", LuaFunctions.of("kumo.cutover.lint", args -> {
            log.lint(args.checkjstring(1));
            return LuaValue.NONE;
        }));
        kumo.set("cutover", helpers);
        kumo.set("serde", serde);
        final LuaTable dns = KumoUtilities.dns(mx);
        log.locatedBy(sandbox::currentLocation);
        KumoStubs.install(kumo, dns, log);
        unsupportedFallback(kumo.get("dkim").checktable(), "kumo.dkim.");
        unsupportedFallback(kumo.get("aaa").checktable(), "kumo.aaa.");
        unsupportedFallback(kumo.get("http").checktable(), "kumo.http.");
        unsupportedFallback(kumo.get("secrets").checktable(), "kumo.secrets.");
        unsupportedFallback(serde, "kumo.serde.");
        kumo.set("dns", unsupportedFallback(dns, "kumo.dns."));
        kumo.set("glob", KumoGlob.function("kumo.glob", sandbox.files()));
        kumo.set("uncached_glob", KumoGlob.function("kumo.uncached_glob", sandbox.files()));
        final LuaTable fs = new LuaTable();
        fs.set("glob", KumoGlob.function("kumo.fs.glob", sandbox.files()));
        fs.set("uncached_glob", KumoGlob.function("kumo.fs.uncached_glob", sandbox.files()));
        fs.set("read_dir", KumoGlob.readDir("kumo.fs.read_dir", sandbox.files()));
        kumo.set("read_dir", KumoGlob.readDir("kumo.read_dir", sandbox.files()));
        kumo.set("fs", unsupportedFallback(fs, "kumo.fs."));
        kumo.set("regex", KumoUtilities.regex());
        kumo.set("string", unsupportedFallback(KumoStrings.module(), "kumo.string."));
        kumo.set("digest", unsupportedFallback(KumoEncoding.digest(sandbox.files()), "kumo.digest."));
        kumo.set("encode", unsupportedFallback(KumoEncoding.encode(), "kumo.encode."));
        kumo.set("cidr", unsupportedFallback(KumoCidr.module(), "kumo.cidr."));
        kumo.set("uuid", unsupportedFallback(KumoUuid.module(sandbox.random(), sandbox.clock()), "kumo.uuid."));
        kumo.set("time", KumoTime.module(sandbox.clock()));
        kumo.set("make_throttle", KumoThrottles.function(sandbox.clock(), log));
        for (String event : List.of("get_egress_pool", "get_egress_source", "get_queue_config")) {
            kumo.set("invoke_" + event, LuaFunctions.of("kumo.invoke_" + event, a -> invoke(event, a)));
        }
        kumo.set("regex_set_map", unsupportedFallback(RegexSetMap.module(log), "kumo.regex_set_map."));
        kumo.set("domain_map", DomainMap.module());
        kumo.set("memoize", KumoUtilities.memoize());
        kumo.set("traceback", KumoUtilities.traceback(sandbox));
        kumo.set("shaping", shaping.module());
        for (String level : List.of("log_error", "log_warn", "log_info", "log_debug")) {
            kumo.set(level, KumoUtilities.logFunction(level, log));
        }
        kumo.set("reject", LuaFunctions.of("kumo.reject", KumoModule::reject));
        kumo.set("invoke_get_egress_path_config", LuaFunctions.of("kumo.invoke_get_egress_path_config",
                a -> invoke("get_egress_path_config", a)));
    }

    private static Varargs reject(Varargs args) {
        final LuaValue code = args.arg1().tonumber();
        if (!code.isinttype() || code.toint() < 400 || code.toint() > 599) {
            throw new LuaError("kumo.reject: the code must be an SMTP failure code from 400 to 599, got "
                    + (args.arg1().isstring() && !args.arg1().isnumber() ? "\"" + args.arg1().tojstring() + "\""
                    : args.arg1().tojstring()));
        }
        throw new Rejection(code.toint(), args.optjstring(2, ""));
    }

    private LuaValue invoke(String event, Varargs args) {
        final Varargs result = events.fire(event, args);
        return result == null ? LuaValue.NIL : result.arg1();
    }

    private void install() {
        unsupportedFallback(kumo, "kumo.");
        sandbox.globals().set("kumo", kumo);
        sandbox.globals().get("package").get("loaded").set("kumo", kumo);
    }

    private LuaTable unsupportedFallback(LuaTable table, String prefix) {
        final LuaTable meta = new LuaTable();
        meta.set("__index", LuaFunctions.of(prefix + "__index", a -> missing(prefix, a.arg(2).tojstring())));
        table.setmetatable(meta);
        return table;
    }

    private LuaValue missing(String prefix, String name) {
        if (prefix.equals("kumo.") && KumoStubs.isPatterned(name)) {
            return KumoStubs.stub(name, log);
        }
        if (prefix.equals("kumo.") && !KUMOD_NAMES.contains(name)) {
            return LuaValue.NIL;
        }
        return unsupported(prefix + name);
    }

    /**
     * @return a stand-in for a function or module cutover does not have: calling it, or reading anything from it
     *         (as {@code kumo.uuid.new_v4()} does), fails with a message naming it and the policy line
     */
    private LuaValue unsupported(String name) {
        final LuaValue fail = LuaFunctions.of(name, a -> {
            final String at = sandbox.currentLocation();
            throw new LuaError(name + " is not supported by cutover (called at " + (at == null ? "?" : at) + ")");
        });
        final LuaTable stand = new LuaTable();
        final LuaTable meta = new LuaTable();
        meta.set("__call", fail);
        meta.set("__index", LuaFunctions.of(name + ".__index", a -> unsupported(name + "." + a.arg(2).tojstring())));
        stand.setmetatable(meta);
        return stand;
    }

    /** @return the event registry, for dispatching handlers. */
    EventRegistry events() {
        return events;
    }

    /** @return the constructors, for converting handler results. */
    KumoConstructors constructors() {
        return constructors;
    }

    /** @return the data files the policy read that a sources helper may have read, for the lint */
    HelperDataLint helperData() {
        return helperData;
    }

    /** @return the shaping data sets the policy loaded. */
    List<ShapingData> shapingData() {
        return shaping.loaded();
    }
}
