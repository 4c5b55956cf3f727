package dev.cutover.kumo;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code policies/production}: a policy as deployed, reading its helpers and configuration from install paths and
 * from the operator's own folder ({@code /srv/acme/kumo}), choosing its environment with {@code os.getenv}, setting
 * up listeners, spools, logs, redis throttles and DKIM, and naming queues from headers, meta and
 * {@code kumo.string.split}. It runs unchanged once the operator's folder is mapped and the variable given.
 */
class ProductionPolicyTest {
    private static final Path FIXTURE = Path.of("src/test/resources/policies/production");
    private static final long T0 = 1_717_394_400_000_000L;

    private static LuaKumoPolicy load(String environment) {
        return LuaKumoPolicy.load(FIXTURE.resolve("policy/init.lua"), MxFixture.builtIn(), HarnessOptions.defaults()
                .withPaths(Map.of("/srv/acme/kumo", FIXTURE.resolve("acme")))
                .withEnv(Map.of("ACME_ENV", environment)));
    }

    private static ReceivedMessage message(String domain, String tenant, String route, String binding) {
        return message(domain, tenant, route, binding, false);
    }

    private static ReceivedMessage message(String domain, String tenant, String route, String binding,
                                           boolean viaHttp) {
        return new ReceivedMessage("shop.example", domain, null, null, Map.of("X-Tenant", tenant, "X-Acme-Route",
                route), Map.of("binding_group", "retail", "binding", binding), viaHttp);
    }

    @Test
    void load_mappedAndGivenItsEnvironment_setsUpAsInProductionAndRecordsTheServerCalls() {
        final LuaKumoPolicy policy = load("production");

        assertEquals(Map.of("define_spool", 2, "configure_local_logs", 1, "configure_redis_throttles", 1,
                "start_esmtp_listener", 1, "start_http_listener", 1), policy.stubCalls());
        assertEquals(86_400_000_000L, policy.queueConfig("gmail.com", "retail", null, null).maxAgeMicros(),
                "production's queues.toml");
        assertEquals(7_200_000_000L, load("staging").queueConfig("gmail.com", "retail", null, null).maxAgeMicros(),
                "another ACME_ENV reads another folder");
    }

    @Test
    void receive_routeHeaderAndBindingMeta_nameTheQueueAsTheHookDoes() {
        final LuaKumoPolicy policy = load("production");

        final Reception bulk = policy.receive(message("gmail.com", "retail", "acme/bulk", "retail-ip-01"), T0);
        final Reception transactional = policy.receive(message("gmail.com", "retail", "acme/txn", "retail-ip-02"),
                T0);

        assertEquals("bulk-retail-ip-01:retail@gmail.com", bulk.queueName());
        assertEquals("txn:retail@gmail.com", transactional.queueName());
    }

    @Test
    void receive_injectedThroughTheHttpApi_goesThroughHttpMessageGeneratedInstead() {
        final LuaKumoPolicy policy = load("production");

        final Reception api = policy.receive(message("gmail.com", "retail", "acme/bulk", "retail-ip-01", true), T0);

        assertEquals("api:retail@gmail.com", api.queueName(), "the HTTP hook names its own campaign");
        assertTrue(policy.lint().stream().noneMatch(f -> f.contains("http_message_generated handler")),
                policy.lint().toString());
    }

    @Test
    void load_operatorsFolderNotMapped_failsNamingTheFileAndHowToMapIt() {
        final PolicyException thrown = assertThrows(PolicyException.class, () -> LuaKumoPolicy.load(
                FIXTURE.resolve("policy/init.lua"), MxFixture.builtIn(), HarnessOptions.defaults()));

        assertTrue(thrown.getMessage().startsWith("init.lua:7: "), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("/srv/acme/kumo/lib/acme_naming.lua is outside the policy folder; "
                + "the sandbox reads only files under it (map its production folder to a local one in "
                + "[kumomta.paths])"), thrown.getMessage());
    }

    @Test
    void receive_cachedPerKindOfMessage_answersAsRunningTheHookForEveryMessage() {
        final LuaKumoPolicy cached = load("production");
        final LuaKumoPolicy everyTime = load("production");
        final Random random = new Random(42);
        final List<Reception> fromCache = new ArrayList<>();
        final List<Reception> fromHook = new ArrayList<>();

        for (int i = 0; i < 400; i++) {
            final ReceivedMessage message = message(random.nextBoolean() ? "gmail.com" : "yahoo.com",
                    random.nextInt(4) == 0 ? "outlet" : "retail",
                    random.nextBoolean() ? "acme/bulk" : random.nextBoolean() ? "acme/txn" : "",
                    "retail-ip-0" + (1 + random.nextInt(2)), random.nextInt(5) == 0);
            fromCache.add(cached.receive(message, T0 + i * 1_000_000L));
            fromHook.add(everyTime.receiveUncached(message, T0 + i * 1_000_000L));
        }

        assertEquals(fromHook, fromCache);
        assertEquals(null, cached.receptionVaries(), "the hook depends only on the message, so it was cached");
        assertTrue(fromCache.stream().map(Reception::queueName).distinct().count() >= 8, "many kinds of message");
    }

    @Test
    void lint_findsWhatTheDeploymentWouldGetWrongWithItsLocation() {
        final LuaKumoPolicy policy = load("production");
        policy.receive(message("gmail.com", "outlet", "acme/bulk", "retail-ip-01"), T0);
        policy.queueConfig("gmail.com", "retail", null, null);
        final String sources = "/srv/acme/kumo/etc/production/sources.toml";

        assertEquals(List.of(
                "init.lua:52: get_queue_config handler: parameter 2 is named campaign, but kumod passes tenant there "
                        + "(domain, tenant, campaign, routing_domain, in that order), so campaign holds the tenant",
                "init.lua:52: get_queue_config handler: parameter 3 is named tenant, but kumod passes campaign there "
                        + "(domain, tenant, campaign, routing_domain, in that order), so tenant holds the campaign",
                sources + ": [source.\"retail-ip-09\"] is in no pool, so no queue sends from it",
                sources + ": [pool.\"warmup\"] has no sources, so kumod can send nothing of a queue that uses it",
                "/srv/acme/kumo/etc/production/queues.toml: tenant 'outlet' of the traffic has no [tenant.'outlet'], "
                        + "so kumod refuses its messages (500 unknown tenant)"),
                policy.lint());
        assertTrue(policy.lint().stream().noneMatch(f -> f.contains("configure_redis_throttles")),
                "redis throttles are configured and no limit is written local:, so every limit is the cluster's");
    }

    @Test
    void load_rateWithoutAUnit_failsNamingTheShapingBlockAndTheValue() {
        final PolicyException thrown = assertThrows(PolicyException.class, () -> load("broken"));

        assertTrue(thrown.getMessage().contains("[\"gmail.com\"]") && thrown.getMessage().contains("300"),
                thrown.getMessage());
    }
}
