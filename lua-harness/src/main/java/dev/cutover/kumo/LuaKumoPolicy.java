package dev.cutover.kumo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A user's KumoMTA policy run in LuaJ: loads {@code init.lua} once (registering its handlers, then firing
 * {@code pre_init} and {@code init}, whose server calls only record) and answers {@link KumoPolicy} by
 * calling the handlers kumod would call ({@code crates/kumod/src/queue/config.rs},
 * {@code crates/kumod/src/egress_source.rs}, {@code crates/kumod/src/ready_queue.rs}).
 *
 * <p>Without a handler, {@code get_queue_config} and {@code get_egress_path_config} give kumod's defaults;
 * {@code get_egress_pool} and {@code get_egress_source} must answer (except for the built-in
 * {@code "unspecified"}). Answers are cached per argument tuple: kumod also caches them (TTL or epoch), and a
 * policy's answers do not change during a replay. {@code smtp_server_message_received} runs once per distinct
 * {@link ReceivedMessage} (envelope domains, tenant, headers) and its {@link Reception} is reused, unless a run
 * shows the hook depends on more than those ({@link HookState}: the clock, random numbers, {@code msg:id()}, or
 * state it keeps between messages); it then runs for every message, with the clock at the message's reception.
 * Not thread-safe.
 */
public final class LuaKumoPolicy implements KumoPolicy {

    /** The event kumod presents a message received over SMTP to. */
    public static final String RECEPTION_EVENT = "smtp_server_message_received";
    /** The event kumod presents a message injected through its HTTP API to. */
    public static final String HTTP_EVENT = "http_message_generated";

    private final LuaSandbox sandbox;
    private final KumoModule module;
    private final MxFixture mx;
    private final HarnessLog log;
    private final String policyLabel;
    private final Map<List<String>, QueueConfig> queueConfigs = new HashMap<>();
    private final Map<String, EgressPool> pools = new HashMap<>();
    private final Map<String, EgressSource> sources = new HashMap<>();
    private final Map<List<String>, EgressPathConfig> paths = new HashMap<>();
    private final Map<ReceivedMessage, Reception> receptions = new HashMap<>();
    private final Map<List<String>, List<AutomationRule.Scoped>> rules = new HashMap<>();
    /** Queues get_queue_config answered with nothing, so kumod's defaults applied. */
    private final Set<String> defaultedQueues = new TreeSet<>();
    /** Limits written with {@code local:}, each with where it was set and the path or queue it applies to. */
    /** Each limit written with {@code local:}, as {@code field [origin]}, to the queues or paths it applied to. */
    private final Map<String, Set<String>> localLimits = new TreeMap<>();
    private boolean perMessage;
    private String variesBecause;
    private long receptionRuns;
    private long idReads;
    private final Set<String> notes = new HashSet<>();

    private LuaKumoPolicy(LuaSandbox sandbox, KumoModule module, MxFixture mx, HarnessLog log, String label) {
        this.sandbox = sandbox;
        this.module = module;
        this.mx = mx;
        this.log = log;
        this.policyLabel = label;
    }

    /**
     * @param policyFile the policy's {@code init.lua}; its folder is the policy folder
     * @param mx         MX data (the built-in fixture overridden by the scenario's)
     * @param options    instruction limit, helper folder, random seed and clock
     * @return the loaded policy
     * @throws PolicyException for any Lua error while loading, with file and line
     */
    public static LuaKumoPolicy load(Path policyFile, MxFixture mx, HarnessOptions options) {
        final Path absolute = policyFile.toAbsolutePath().normalize();
        final PolicyFiles files = new PolicyFiles(absolute.getParent(), options.helperFolder(), options.paths());
        final HarnessLog log = new HarnessLog();
        final LuaSandbox sandbox = new LuaSandbox(files, options, s -> log.message("print: " + s));
        final KumoModule module = new KumoModule(sandbox, mx, log);

        try {
            sandbox.call("main chunk", sandbox.compile(absolute), LuaValue.NONE);
            module.events().fire("pre_init", LuaValue.NONE);
            module.events().fire("init", LuaValue.NONE);
        } catch (PolicyException e) {
            throw withOutput(e, log.messages());
        }
        return new LuaKumoPolicy(sandbox, module, mx, log, files.label(absolute));
    }

    /** The most lines of its output a policy that fails while loading has shown with the failure. */
    private static final int OUTPUT_SHOWN = 3;

    /**
     * @return {@code failure} with the last lines the policy printed or logged before it, which would otherwise be
     *         lost with the policy, since a debugging {@code print} is often how a failing load is looked into
     */
    private static PolicyException withOutput(PolicyException failure, List<String> output) {
        if (output.isEmpty()) {
            return failure;
        }
        final List<String> last = output.subList(Math.max(0, output.size() - OUTPUT_SHOWN), output.size());
        return new PolicyException(failure.file(), failure.line(), failure.detail() + " (the policy's output before "
                + "it failed" + (output.size() > OUTPUT_SHOWN ? ", last " + OUTPUT_SHOWN + " lines" : "") + ": "
                + String.join(" | ", last) + ")");
    }

    @Override
    public QueueConfig queueConfig(String domain, String tenant, String campaign, String routingDomain) {
        return queueConfigs.computeIfAbsent(Arrays.asList(domain, tenant, campaign, routingDomain), key -> {
            final Varargs result = module.events().fire("get_queue_config", args(key));
            if (result == null) {
                defaultedQueues.add(QueueName.format(key.get(2), key.get(1), key.get(0), key.get(3)));
                return QueueConfig.defaults();
            }
            final Constructed built = build("get_queue_config", KumoSchemas.QUEUE_CONFIG, result);
            noteLocalLimits(built, "queue " + QueueName.format(key.get(2), key.get(1), key.get(0), key.get(3)));
            return RecordMapper.queueConfig(built);
        });
    }

    @Override
    public boolean handlesReception() {
        return module.events().has(RECEPTION_EVENT) || module.events().has(HTTP_EVENT);
    }

    @Override
    public boolean handlesHttpInjection() {
        return module.events().has(HTTP_EVENT);
    }

    @Override
    public Reception receive(ReceivedMessage message, long receptionMicros) {
        if (!module.events().has(event(message))) {
            return message.unchanged();
        }
        if (perMessage) {
            return runReception(message, receptionMicros);
        }
        final Reception cached = receptions.get(message);
        if (cached != null) {
            return cached;
        }
        final List<LuaFunction> handlers = module.events().handlers(event(message));
        final HookState before = HookState.of(sandbox, handlers, idReads);
        final Reception reception = runReception(message, receptionMicros);
        final String varies = HookState.of(sandbox, handlers, idReads).changesSince(before);
        if (varies != null) {
            perMessage = true;
            variesBecause = varies;
            noteOnce(event(message) + " " + varies + ", so it runs for every message as kumod runs it, not once "
                    + "per kind of message");
        } else {
            receptions.put(message, reception);
        }
        return reception;
    }

    /** @return the event kumod presents {@code message} to: the HTTP injector's, or the SMTP server's */
    private static String event(ReceivedMessage message) {
        return message.viaHttp() ? HTTP_EVENT : RECEPTION_EVENT;
    }

    /** Runs the hook for this message whatever was cached: what {@link #receive} must agree with, for tests. */
    Reception receiveUncached(ReceivedMessage message, long receptionMicros) {
        return module.events().has(event(message)) ? runReception(message, receptionMicros) : message.unchanged();
    }

    @Override
    public String receptionVaries() {
        return variesBecause;
    }

    /** Runs the hook for one message, with the clock at its reception. */
    private Reception runReception(ReceivedMessage message, long receptionMicros) {
        final String id = String.format("%032x", ++receptionRuns);
        final LuaMessage msg = new LuaMessage(message, id, this::noteOnce, () -> idReads++);
        final SandboxClock clock = sandbox.clock();
        final long harnessClock = clock.epochSeconds();
        clock.set(Math.floorDiv(receptionMicros, 1_000_000L));
        try {
            module.events().fire(event(message), LuaValue.varargsOf(msg.table(), message.viaHttp()
                    ? LuaMessage.authInfo() : LuaMessage.connectionMeta()));
            return msg.reception();
        } catch (Rejection rejection) {
            final QueueName queue = message.unchanged().queue();
            return new Reception(queue.name(), queue, rejection.code, rejection.text);
        } catch (LuaError e) {
            throw new PolicyException(policyLabel, 0, event(message) + ": " + e.getMessage());
        } finally {
            clock.set(harnessClock);
        }
    }

    private void noteOnce(String note) {
        if (notes.add(note)) {
            log.message("note: " + note);
        }
    }

    @Override
    public EgressPool egressPool(String name) {
        if (name.equals(QueueConfig.UNSPECIFIED_POOL)) {
            return EgressPool.unspecified();
        }
        return pools.computeIfAbsent(name, n -> RecordMapper.egressPool(required("get_egress_pool", n,
                KumoSchemas.EGRESS_POOL)));
    }

    @Override
    public EgressSource egressSource(String name) {
        if (name.equals("unspecified")) {
            return new EgressSource("unspecified", null, null);
        }
        return sources.computeIfAbsent(name, n -> RecordMapper.egressSource(required("get_egress_source", n,
                KumoSchemas.EGRESS_SOURCE)));
    }

    @Override
    public EgressPathConfig egressPathConfig(String routingDomain, String egressSource, String siteName) {
        return paths.computeIfAbsent(List.of(routingDomain, egressSource, siteName), key -> {
            final Varargs result = module.events().fire("get_egress_path_config", args(key));
            if (result == null) {
                return EgressPathConfig.defaults();
            }
            final Constructed built = build("get_egress_path_config", KumoSchemas.EGRESS_PATH, result);
            noteLocalLimits(built, "site " + siteName + " from " + egressSource);
            return RecordMapper.egressPath(built);
        });
    }

    @Override
    public List<AutomationRule.Scoped> automationRules(String domain, String site) {
        return rules.computeIfAbsent(List.of(domain, site), key -> {
            final List<AutomationRule.Scoped> out = new ArrayList<>();
            module.shapingData().forEach(data -> out.addAll(data.rulesFor(domain, site)));
            return List.copyOf(out);
        });
    }

    @Override
    public boolean publishesToTsa() {
        return log.stubArguments().stream().anyMatch(call -> call.startsWith("configure_log_hook ")
                && call.contains(".tsa.kumomta\""));
    }

    @Override
    public void tsaOverride(String domain, boolean rollup, String source, String name, Object value, String origin) {
        module.shapingData().forEach(data -> data.override(domain, rollup, source, name, value, origin));
        paths.clear();
    }

    @Override
    public String label() {
        return policyLabel;
    }

    @Override
    public String siteName(String domain) {
        return mx.siteName(domain);
    }

    private Constructed required(String event, String name, ConfigSchema schema) {
        final Varargs result = module.events().fire(event, LuaValue.valueOf(name));
        if (result == null || result.narg() == 0) {
            throw new PolicyException(policyLabel, 0, event + " '" + name + "': "
                    + (module.events().has(event) ? "the handler returned no value" : "no handler is registered"));
        }
        return build(event + " '" + name + "'", schema, result);
    }

    private Constructed build(String what, ConfigSchema schema, Varargs result) {
        try {
            return module.constructors().build(schema, result.arg1(), policyLabel + " (" + what + ")");
        } catch (LuaError e) {
            final boolean chained = result.arg1().isnil() && EventRegistry.MULTIPLE.contains(what);
            final String detail = what + ": " + e.getMessage() + (chained ? " (a handler that returns nil gives "
                    + "kumod its final answer; return nothing at all to let the next handler answer)" : "");
            final List<LuaFunction> handlers = module.events().handlers(what);
            final String at = handlers.size() == 1 ? EventRegistry.definedAt(handlers.get(0)) : null;
            final int colon = at == null ? -1 : at.lastIndexOf(':');
            throw colon > 0 && !at.endsWith(":0") ? new PolicyException(at.substring(0, colon),
                    Integer.parseInt(at.substring(colon + 1)), detail) : new PolicyException(policyLabel, 0, detail);
        }
    }

    /** Keeps the limits of {@code built} written with {@code local:}, which each node of a cluster applies alone. */
    private void noteLocalLimits(Constructed built, String scope) {
        built.values().forEach((field, value) -> {
            if (isLocal(value)) {
                localLimits.computeIfAbsent(field + " [" + built.origins().getOrDefault(field, policyLabel) + "]",
                        k -> new TreeSet<>()).add(scope);
            } else if (value instanceof Map<?, ?> labelled) {
                labelled.forEach((label, spec) -> {
                    if (isLocal(spec)) {
                        localLimits.computeIfAbsent(field + "." + label + " [" + built.origins().getOrDefault(field,
                                policyLabel) + "]", k -> new TreeSet<>()).add(scope);
                    }
                });
            }
        });
    }

    private static boolean isLocal(Object value) {
        return value instanceof LimitSpec limit && limit.local() || value instanceof ThrottleSpec rate && rate.local();
    }

    /**
     * What would silently go wrong in production, as far as loading the policy and the traffic asked so far show:
     * handlers whose parameter names say they expect other arguments than kumod passes
     * ({@link HandlerParameters}); shaping blocks of several domains that alias one site, whose limits so cover
     * them all together ({@link ShapingData#aliasFindings}); what cutover's own helper modules found in their files
     * (pools without sources, sources in no pool, tenants of the traffic with no queue config); a
     * {@code get_queue_config} that answered no queue of
     * the traffic, so kumod's
     * defaults applied to all; and whether the limits are each node's or the cluster's
     * ({@code configure_redis_throttles}, {@code local:}).
     *
     * @return the findings, each naming where it was written and what it does to the traffic
     */
    public List<String> lint() {
        final List<String> findings = lintWithoutTraffic();
        findings.addAll(trafficLint());
        return findings;
    }

    /**
     * @return the findings of {@link #lint} that do not need the whole traffic: a look at a few queues and paths
     *         (as {@code cutover explain} takes) shows them as well as a run
     */
    public List<String> lintWithoutTraffic() {
        final List<String> findings = new ArrayList<>();
        for (String event : module.events().events()) {
            for (LuaFunction handler : module.events().handlers(event)) {
                findings.addAll(HandlerParameters.check(event, handler));
            }
        }
        findings.addAll(EventNames.typos(module.events()));
        module.shapingData().forEach(data -> findings.addAll(data.aliasFindings()));
        findings.addAll(log.lintFindings());
        if (sandbox.files().readScriptEndingIn("/policy-extras/sources.lua")) {
            findings.addAll(module.helperData().sources());
        }
        findings.addAll(clusterLint());
        return findings;
    }

    private List<String> trafficLint() {
        final List<String> findings = new ArrayList<>();
        final List<LuaFunction> queueHandlers = module.events().handlers("get_queue_config");
        if (!queueHandlers.isEmpty() && !queueConfigs.isEmpty() && defaultedQueues.size() == queueConfigs.size()) {
            findings.add(EventRegistry.definedAt(queueHandlers.get(0)) + ": get_queue_config returned nothing for "
                    + "every queue the traffic used (" + defaultedQueues.size() + ": "
                    + String.join(", ", defaultedQueues.stream().limit(5).toList())
                    + (defaultedQueues.size() > 5 ? ", ..." : "") + "), so kumod's defaults applied to them all and "
                    + "the translated queue settings never did");
        }
        return findings;
    }

    private List<String> clusterLint() {
        final List<String> findings = new ArrayList<>();
        final boolean redis = log.stubCalls().containsKey("configure_redis_throttles");
        if (redis && !localLimits.isEmpty()) {
            final String at = log.stubLocation("configure_redis_throttles");
            findings.add((at == null ? policyLabel : at) + ": configure_redis_throttles shares limits across the "
                    + "cluster's nodes, but limits written with local: are each node's own, so N nodes send N times "
                    + "them: " + String.join("; ", localLimits.entrySet().stream().limit(5).map(e -> e.getKey()
                    + " for " + (e.getValue().size() == 1 ? e.getValue().iterator().next() : e.getValue().size()
                    + " paths or queues, such as " + e.getValue().iterator().next())).toList())
                    + (localLimits.size() > 5 ? "; ..." : ""));
        } else if (!redis && !queueConfigs.isEmpty()) {
            findings.add(policyLabel + ": no configure_redis_throttles, so every limit is each kumod node's own: a "
                    + "cluster of N nodes sends a site N times its connection and rate limits (the replay is of one "
                    + "node)");
        }
        return findings;
    }

    private static Varargs args(List<String> values) {
        final LuaValue[] out = new LuaValue[values.size()];
        Function<String, LuaValue> toLua = v -> v == null ? LuaValue.NIL : LuaValue.valueOf(v);
        for (int i = 0; i < out.length; i++) {
            out[i] = toLua.apply(values.get(i));
        }
        return LuaValue.varargsOf(out);
    }

    /**
     * @return what the policy and its shaping data want the user to know: shaping notes (aliased sites,
     *         ignored remote sources), shaping warnings and errors, then {@code kumo.log_*} and {@code print}
     *         output, in order
     */
    public List<String> warnings() {
        final List<String> out = new ArrayList<>();
        for (ShapingData data : module.shapingData()) {
            data.notes().stream().filter(note -> !data.isAliasNote(note)).forEach(out::add);
            data.warnings().stream().filter(w -> !data.notes().contains(w)).forEach(out::add);
            data.errors().forEach(e -> out.add("shaping error: " + e));
        }
        module.events().chainNotes().forEach(note -> out.add("note: " + note));
        sandbox.files().builtInModulesUsed().forEach(module -> out.add("note: the helper folder holds no " + module
                + ", so cutover's own module of that name answered its require"));
        out.addAll(log.messages());
        return out;
    }

    /** @return lines of policy output beyond those {@link #warnings()} keeps */
    public long droppedOutput() {
        return log.droppedMessages();
    }

    /** @return stub name (without {@code kumo.}) to number of calls, e.g. {@code start_esmtp_listener=1}. */
    public Map<String, Integer> stubCalls() {
        return log.stubCalls();
    }

    /** @return the shaping data sets the policy loaded, for reports (automation rules, referenced sources). */
    public List<ShapingData> shapingData() {
        return module.shapingData();
    }

    /**
     * @param name a file name as the policy may have written it
     * @return {@code file:line} of the first line of the policy's Lua files that quotes it, when one does
     */
    public Optional<String> whereQuoted(String name) {
        return sandbox.files().whereQuoted(name);
    }

    /** @return the events the policy registered handlers for, in registration order. */
    public List<String> events() {
        return module.events().events();
    }

    /** @return the sandbox, for benchmarks and tests that call Lua directly. */
    LuaSandbox sandbox() {
        return sandbox;
    }
}
