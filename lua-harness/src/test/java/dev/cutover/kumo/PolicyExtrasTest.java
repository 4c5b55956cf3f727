package dev.cutover.kumo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cutover's own policy-extras modules, which answer {@code require 'policy-extras.X'} when no helper folder holds
 * KumoMTA's: a policy in the shape of KumoMTA's example policy resolves as the helpers' documentation says.
 */
class PolicyExtrasTest {
    private static final Path POLICIES = Path.of("src/test/resources/policies");
    private static final long MINUTE = 60_000_000L;

    private static LuaKumoPolicy load(String folder) {
        return LuaKumoPolicy.load(POLICIES.resolve(folder).resolve("init.lua"), MxFixture.builtIn(),
                HarnessOptions.defaults());
    }

    @Test
    void queue_domainTenantAndDefaults_mergedInTheDocumentedOrder() {
        final QueueConfig q = load("extras").queueConfig("gmail.com", "mytenant", null, null);

        assertEquals(17 * MINUTE, q.retryIntervalMicros(), "queue.'gmail.com' over queue.default");
        assertEquals(10 * 60 * MINUTE, q.maxAgeMicros(), "tenant.'mytenant' over queue.'gmail.com'");
        assertEquals(2 * 60 * MINUTE, q.maxRetryIntervalMicros(), "queue.'gmail.com'.'mytenant'");
        assertEquals("pool-1", q.egressPool());
        assertNull(q.maxMessageRate());
        assertEquals("queues.toml [queue.'gmail.com']", q.originOf("retry_interval"));
        assertEquals("queues.toml [tenant.mytenant]", q.originOf("max_age"));
        assertEquals("queues.toml [queue.'gmail.com'.mytenant]", q.originOf("max_retry_interval"));
    }

    @Test
    void queue_campaignAndWildcardDomain_applied() {
        final LuaKumoPolicy policy = load("extras");

        final QueueConfig campaign = policy.queueConfig("gmail.com", "mytenant", "mycampaign", null);
        final QueueConfig wildcard = policy.queueConfig("mail.example.com", "default", null, null);

        assertEquals(new ThrottleSpec(50, MINUTE, -1, false), campaign.maxMessageRate());
        assertEquals(5 * MINUTE, wildcard.retryIntervalMicros(), "queue.'*.example.com' matches a sub-domain");
        assertEquals(2 * 24 * 60 * MINUTE, wildcard.maxAgeMicros(), "queue.default");
    }

    @Test
    void queue_overallMaxMessageRate_warnedAsNotModelled() {
        assertTrue(load("extras").warnings().stream().anyMatch(w -> w.contains("overall_max_message_rate of tenant "
                + "mytenant is applied through kumo.make_throttle, which cutover does not model")));
    }

    @Test
    void dkimSignAndLogHooks_loadAndOnlyRecordTheHook() {
        final LuaKumoPolicy policy = load("extras");

        assertEquals(1, policy.stubCalls().get("configure_log_hook"));
        assertTrue(policy.events().contains("smtp_server_message_received"));
    }

    @Test
    void sources_poolsAndSources_fromTheFileWithMembersByName() {
        final LuaKumoPolicy policy = load("extras");

        assertEquals(List.of(new EgressPool.Entry("ip-1", 1), new EgressPool.Entry("ip-2", 3)),
                policy.egressPool("pool-1").entries());
        assertEquals(List.of(), policy.egressPool("empty").entries());
        assertEquals(new EgressSource("ip-2", "192.0.2.2", "mta2.example.com"), policy.egressSource("ip-2"));
    }

    @Test
    void shaping_extraFileWithoutDefaults_domainAndPerSourceBlocksApplied() {
        final LuaKumoPolicy policy = load("extras");
        final String site = policy.siteName("gmail.com");

        final EgressPathConfig one = policy.egressPathConfig("gmail.com", "ip-1", site);
        final EgressPathConfig two = policy.egressPathConfig("gmail.com", "ip-2", site);

        assertEquals(12, one.connectionLimit());
        assertEquals(new ThrottleSpec(300, MINUTE, -1, false), one.maxMessageRate());
        assertEquals(50, one.maxDeliveriesPerConnection(), "from [\"default\"]");
        assertEquals(2, two.connectionLimit(), "[\"gmail.com\".sources.\"ip-2\"]");
        assertEquals("shaping.toml:5 [\"gmail.com\".sources.\"ip-2\"] (site " + site + ")",
                two.originOf("connection_limit"));
    }

    @Test
    void shaping_defaultFileWithoutHelperFolder_anErrorAtLoadSayingWhereItLives() {
        final LuaKumoPolicy policy = load("extras-default");

        final List<String> errors = policy.shapingData().get(0).errors();
        assertTrue(errors.stream().anyMatch(error -> error.equals("local shaping source /opt/kumomta/share/"
                + "policy-extras/shaping.toml error: file not found (a file of a KumoMTA installation: name the folder "
                + "that holds policy-extras/, such as /opt/kumomta/share, as the helper folder; in a scenario, "
                + "[kumomta] helpers)")),
                String.join("\n", errors));
    }

    @Test
    void shaping_helperFolderHoldingKumoDefaults_shippedProviderBlockThenExtraFile(@TempDir Path helpers)
            throws IOException {
        Files.createDirectories(helpers.resolve("policy-extras"));
        Files.copy(SharedFolder.shippedShaping(), helpers.resolve("policy-extras/shaping.toml"));
        final LuaKumoPolicy policy = LuaKumoPolicy.load(POLICIES.resolve("extras-default/init.lua"),
                MxFixture.builtIn(), HarnessOptions.defaults().withHelperFolder(helpers));

        final EgressPathConfig gmail = policy.egressPathConfig("gmail.com", "unspecified",
                policy.siteName("gmail.com"));

        assertEquals(List.of(), policy.shapingData().get(0).errors());
        assertEquals(50, gmail.maxDeliveriesPerConnection(), "KumoMTA's [provider.\"google\"] block");
        assertEquals(3, gmail.connectionLimit(), "the policy's own file, read after the default one");
        assertEquals("google", gmail.providerName());
        assertTrue(policy.warnings().contains("note: the helper folder holds no policy-extras/shaping.lua, so "
                + "cutover's own module of that name answered its require"), policy.warnings().toString());
    }

    @Test
    void sources_weightOfTheWrongType_refusedNamingFileAndPool(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("sources.toml"), "[source.ip-1]\nsource_address = '192.0.2.1'\n"
                + "[pool.bulk.ip-1]\nweight = 'two'\n");
        Files.writeString(folder.resolve("init.lua"), "(require 'policy-extras.sources'):setup { 'sources.toml' }\n");

        final PolicyException e = assertThrows(PolicyException.class, () -> LuaKumoPolicy.load(
                folder.resolve("init.lua"), MxFixture.builtIn(), HarnessOptions.defaults()));

        assertTrue(e.getMessage().contains("policy-extras.sources: sources.toml: [pool.\"bulk\"]: "), e.getMessage());
        assertTrue(e.getMessage().contains("invalid type"), e.getMessage());
    }

    @Test
    void shaping_publishingToTsa_detectedAndItsRulesGathered(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("shaping.toml"), "[\"example.com\"]\n[[\"example.com\".automation]]\n"
                + "regex = 'RL0000'\naction = 'SuspendTenant'\nduration = '5m'\n");
        Files.writeString(folder.resolve("init.lua"), String.join("\n",
                "local shaper = (require 'policy-extras.shaping'):setup_with_automation {",
                "  no_default_files = true, extra_files = { 'shaping.toml' },",
                "  publish = { 'http://127.0.0.1:8008' }, subscribe = { 'http://127.0.0.1:8008' } }",
                "kumo.on('init', function() shaper.setup_publish() end)",
                "kumo.on('get_egress_path_config', shaper.get_egress_path_config)", ""));
        final LuaKumoPolicy quiet = load("extras");

        final LuaKumoPolicy publishing = LuaKumoPolicy.load(folder.resolve("init.lua"), MxFixture.builtIn(),
                HarnessOptions.defaults());

        assertTrue(publishing.publishesToTsa());
        assertEquals(List.of("SuspendTenant"), publishing.automationRules("example.com", "example.com").get(0).rule()
                .actions());
        assertFalse(quiet.publishesToTsa(), "a policy that publishes nothing has no TSA acting on its logs");
    }

    @Test
    void queue_optionOfTheWrongType_refusedNamingTableAndKey() {
        final PolicyException e = assertThrows(PolicyException.class, () -> load("extras-badtype"));

        assertTrue(e.getMessage().contains("queue.gmail.com: egress_pool: "), e.getMessage());
        assertTrue(e.getMessage().contains("invalid type"), e.getMessage());
    }
}
