package dev.cutover.kumo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LuaKumoPolicyTest {

    private static final Path POLICIES = Path.of("src/test/resources/policies");
    private static final long SECOND = 1_000_000L;

    private static LuaKumoPolicy load(String folder) {
        return load(folder, HarnessOptions.defaults());
    }

    /** Loads a policy that reads KumoMTA's shipped shaping file from the helper folder; skips without it. */
    private static LuaKumoPolicy loadShipped(String folder) {
        SharedFolder.shippedShaping();
        return load(folder, HarnessOptions.defaults().withHelperFolder(SharedFolder.PATH));
    }

    private static LuaKumoPolicy load(String folder, HarnessOptions options) {
        return LuaKumoPolicy.load(POLICIES.resolve(folder).resolve("init.lua"), MxFixture.builtIn(), options);
    }

    @Test
    void queueConfig_handlerWithStrings_parsesDurationsAndRate() {
        final QueueConfig q = load("basic").queueConfig("slow.example", null, null, null);

        assertEquals(600 * SECOND, q.retryIntervalMicros());
        assertEquals(7200 * SECOND, q.maxRetryIntervalMicros());
        assertEquals(3 * 86_400 * SECOND, q.maxAgeMicros());
        assertEquals("pool-a", q.egressPool());
        assertEquals(new ThrottleSpec(10, 300 * SECOND, -1, false), q.maxMessageRate());
    }

    @Test
    void queueConfig_fieldsLeftOut_takeKumodDefaults() {
        final QueueConfig q = load("basic").queueConfig("other.example", "t", null, null);

        assertEquals(QueueConfig.DEFAULT_RETRY_INTERVAL_MICROS, q.retryIntervalMicros());
        assertEquals(QueueConfig.DEFAULT_MAX_AGE_MICROS, q.maxAgeMicros());
        assertEquals("kumod default", q.originOf("retry_interval"));
        assertEquals("init.lua:15", q.originOf("egress_pool"));
    }

    @Test
    void egressPool_entries_keepWeightsAndDropZero() {
        final EgressPool pool = load("basic").egressPool("pool-a");

        assertEquals(List.of(new EgressPool.Entry("ip-1", 1), new EgressPool.Entry("ip-2", 3)), pool.entries());
    }

    @Test
    void egressPool_unspecified_answeredWithoutLua() {
        assertEquals(EgressPool.unspecified(), load("events")
                .egressPool("unspecified"));
    }

    @Test
    void egressSource_handlerReturnsNothing_failsNamingSource() {
        final LuaKumoPolicy policy = load("basic");

        assertEquals(new EgressSource("ip-1", "10.0.0.1", "mta1.example"), policy.egressSource("ip-1"));
        final PolicyException e = assertThrows(PolicyException.class, () -> policy.egressSource("ip-2"));
        assertEquals("init.lua: get_egress_source 'ip-2': the handler returned no value", e.getMessage());
    }

    @Test
    void egressPathConfig_stringForms_parseLikeKumod() {
        final EgressPathConfig p = load("basic").egressPathConfig("gmail.com", "ip-1", "site");

        assertEquals(1000, p.connectionLimit());
        assertEquals(new ThrottleSpec(1000, 3600 * SECOND, 50, false), p.maxMessageRate());
        assertEquals(Map.of("shared", 20L), p.additionalConnectionLimits());
        assertEquals(60 * SECOND, p.idleTimeoutMicros());
        assertEquals(EgressPathConfig.DEFAULT_MAX_DELIVERIES_PER_CONNECTION, p.maxDeliveriesPerConnection());
        assertTrue(p.originOf("connection_limit").startsWith("init.lua:"), p.originOf("connection_limit"));
    }

    @Test
    void egressPathConfig_sameArguments_answeredFromCache() {
        final LuaKumoPolicy policy = load("basic");

        final EgressPathConfig first = policy.egressPathConfig("a.example", "ip-1", "s");

        assertSame(first, policy.egressPathConfig("a.example", "ip-1", "s"));
    }

    @Test
    void egressPathConfig_noHandler_givesKumodDefaults() {
        assertEquals(EgressPathConfig.defaults(), load("events").egressPathConfig("gmail.com", "ip-1", "s"));
    }

    @Test
    void load_initHandler_recordsStubCalls() {
        final Map<String, Integer> calls = load("basic").stubCalls();

        assertEquals(Map.of("start_esmtp_listener", 1, "define_spool", 1, "configure_local_logs", 1,
                "set_diskio_threads", 1), calls);
    }

    @Test
    void egressPathConfig_shippedShaping_resolvesGoogleAsDocumented() {
        final LuaKumoPolicy policy = loadShipped("shaping");

        final EgressPathConfig p = policy.egressPathConfig("gmail.com", "ip-1", policy.siteName("gmail.com"));

        assertEquals(10, p.connectionLimit());
        assertEquals(50, p.maxDeliveriesPerConnection());
        assertEquals("google", p.providerName());
        assertEquals(Map.of("shaping-provider-google-ip-1-limit", 5L), p.additionalConnectionLimits());
        assertEquals(60 * SECOND, p.idleTimeoutMicros());
        assertEquals(new ThrottleSpec(100, SECOND, -1, false), p.maxMessageRate());
        assertEquals("kumomta-default-shaping.toml:54 [\"default\"]", p.originOf("connection_limit"));
        assertEquals("kumomta-default-shaping.toml:92 [provider.\"google\"]", p.originOf("provider_name"));
        assertEquals("init.lua:12", p.originOf("refresh_strategy"));
    }

    @Test
    void egressPathConfig_shippedShaping_comcastSiteBlock() {
        final LuaKumoPolicy policy = loadShipped("shaping");

        final EgressPathConfig p = policy.egressPathConfig("comcast.net", "ip-1", policy.siteName("comcast.net"));

        assertEquals(25, p.connectionLimit());
        assertEquals(1000, p.maxDeliveriesPerConnection());
        assertEquals(30 * SECOND, p.idleTimeoutMicros());
        assertNull(p.providerName());
    }

    @Test
    void lint_aliasedShapingBlocks_nameBothDomainsAndWhatTheirBlocksSetForBothTogether() {
        final LuaKumoPolicy policy = loadShipped("shaping");

        assertEquals(List.of(), policy.warnings(), "said once, by the lint");
        assertTrue(policy.lint().get(0).matches("\\S+: me\\.com and mac\\.com share one site "
                + "\\(\\(mx01\\|mx02\\)\\.mail\\.icloud\\.com\\), so what their blocks set covers both together, "
                + "not each: .*connection_limit = \\d+ \\[.*"), policy.lint().get(0));
    }

    @Test
    void queueConfig_multipleHandlers_noValueFallsThrough() {
        final LuaKumoPolicy policy = load("events");

        assertEquals(60 * SECOND, policy.queueConfig("first.example", null, null, null).retryIntervalMicros());
        assertEquals(180 * SECOND, policy.queueConfig("other.example", null, null, null).retryIntervalMicros());
        assertTrue(policy.warnings().contains("note: get_queue_config has 3 handlers (init.lua:4, init.lua:11, "
                + "init.lua:17); kumod calls them in that order and the first to return a value answers"),
                policy.warnings().toString());
    }

    @Test
    void queueConfig_explicitNil_stopsChainAndFails() {
        final PolicyException e = assertThrows(PolicyException.class,
                () -> load("events").queueConfig("nil.example", null, null, null));

        assertEquals("init.lua: get_queue_config: deserialize error: invalid type: unit value, expected struct "
                + "QueueConfig, while processing null (a handler that returns nil gives kumod its final answer; "
                + "return nothing at all to let the next handler answer)", e.getMessage());
    }

    @Test
    void load_singleEventRegisteredTwice_failsNamingFirstHandler() {
        final PolicyException e = assertThrows(PolicyException.class, () -> load("duplicate"));

        assertEquals("init.lua:7: get_egress_path_config event already has a handler defined at init.lua:3",
                e.getMessage());
    }

    @Test
    void egressPathConfig_kumoOnInsideHandler_fails() {
        final LuaKumoPolicy policy = load("reentrant");

        final PolicyException e = assertThrows(PolicyException.class,
                () -> policy.egressPathConfig("a.example", "s", "site"));

        assertEquals(4, e.line());
        assertTrue(e.detail().contains("while the handler for 'get_egress_path_config' was running"), e.detail());
    }

    @Test
    void load_integerDivision_explainsLua53Construct() {
        final PolicyException e = assertThrows(PolicyException.class, () -> load("lua53"));

        assertEquals("init.lua:4: integer division `//` is Lua 5.3+; LuaJ runs Lua 5.2 — use math.floor(a/b)",
                e.getMessage());
    }

    @Test
    void egressPathConfig_endlessLoopInsidePcall_stopsAtInstructionLimit() {
        final LuaKumoPolicy policy = load("loop", HarnessOptions.defaults().withInstructionLimit(100_000));

        final PolicyException e = assertThrows(PolicyException.class,
                () -> policy.egressPathConfig("a.example", "s", "site"));

        assertEquals("init.lua:5: policy ran longer than 100000 instructions in get_egress_path_config",
                e.getMessage());
    }

    @Test
    void load_unknownKumoFunction_namesFunctionAndLine() {
        final PolicyException e = assertThrows(PolicyException.class, () -> load("unknown"));

        assertEquals("init.lua:5: kumo.inject_message is not supported by cutover (called at init.lua:5)",
                e.getMessage());
    }

    @Test
    void load_sandbox_hidesDangerousLibraries() {
        final List<String> messages = load("sandbox").warnings();

        assertEquals(List.of("log_info: os.execute os.execute is not available in cutover's sandbox: a replay runs no "
                + "commands and changes no files", "log_info: io io.open is not available in cutover's sandbox: a "
                + "policy reads its files through kumo's loaders (kumo.toml_load, kumo.json_load, require)",
                "log_info: luajava nil",
                "log_info: debug nil", "log_info: getenv nil", "log_info: dofile false",
                "log_info: require true"), messages);
    }

    @Test
    void siteName_unknownDomain_isDomainItself() {
        assertEquals("vanity.example", load("events").siteName("vanity.example"));
    }

    @Test
    void queueConfig_smtpToAnMxList_namesTheSiteAsKumodDoes(@org.junit.jupiter.api.io.TempDir Path folder)
            throws Exception {
        final LuaKumoPolicy policy = TempPolicy.load(folder, "kumo.on('get_queue_config', function(domain)\n"
                + "  return kumo.make_queue_config { protocol = { smtp = { mx_list = { 'relay1.example', "
                + "'relay2.example' } } } }\nend)\n", HarnessOptions.defaults());

        assertEquals("mx_list:relay1.example,relay2.example",
                policy.queueConfig("gmail.com", null, null, null).mxListSite());
        assertNull(load("basic").queueConfig("slow.example", null, null, null).mxListSite());
    }
}
