package dev.cutover.kumo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaValue;

/** One policy calling every function of the kumo stand-in: each gives the value kumod's would. */
class EveryFunctionPolicyTest {
    private static final long T0 = 1_717_430_400_000_000L;
    private static final long MINUTE = 60_000_000L;

    private final LuaKumoPolicy policy = LuaKumoPolicy.load(Path.of("src/test/resources/policies/everything/init.lua"),
            MxFixture.builtIn(), HarnessOptions.defaults());

    private LuaValue result(String key) {
        return policy.sandbox().globals().get("results").get(key);
    }

    @Test
    void load_utilities_giveKumodsValues() {
        assertEquals(1, result("json").toint());
        assertTrue(result("pretty").toboolean());
        assertEquals("y", result("toml").tojstring());
        assertEquals(3, result("serde").toint());
        assertEquals("(alt1|alt2|alt3|alt4)?.gmail-smtp-in.l.google.com", result("site").tojstring());
        assertTrue(result("regex").toboolean(), "the look-ahead excludes internal responses");
        assertEquals("a\\.b", result("escaped").tojstring(), "escaped as Rust's regex::escape does");
        assertTrue(result("literal").toboolean(), "an escaped text matches itself only");
        assertEquals("wild", result("wild").tojstring());
        assertEquals("apex", result("apex").tojstring());
        assertEquals(42, result("memo").toint());
        assertEquals(19, result("frame").toint(), "kumo.traceback(1) names the line that called it");
    }

    @Test
    void load_serverStubs_recordedOnceEachAndNothingStarted() {
        final Map<String, Integer> calls = policy.stubCalls();

        for (String stub : List.of("start_esmtp_listener", "start_http_listener", "define_spool",
                "configure_local_logs", "configure_log_hook", "configure_bounce_classifier",
                "configure_accounting_db_path", "set_diskio_threads", "spawn_task", "set_config_monitor_globs",
                "dkim.rsa_sha256_signer", "http.build_client")) {
            assertEquals(1, calls.get(stub), stub);
        }
        assertTrue(policy.warnings().contains("log_info: init ran with 2 sources"), policy.warnings().toString());
    }

    @Test
    void answers_constructorsFedFromDataFilesAndShaping() {
        final QueueConfig queue = policy.queueConfig("gmail.com", null, null, null);
        final EgressPathConfig path = policy.egressPathConfig("gmail.com", "ip-2", policy.siteName("gmail.com"));

        assertEquals("bulk", queue.egressPool());
        assertEquals(15 * MINUTE, queue.retryIntervalMicros());
        assertEquals(new ThrottleSpec(600, 60 * MINUTE, -1, false), queue.maxMessageRate());
        assertEquals(List.of(new EgressPool.Entry("ip-1", 1), new EgressPool.Entry("ip-2", 2)),
                policy.egressPool("bulk").entries());
        assertEquals(new EgressSource("ip-2", "192.0.2.2", "mta2.example.com"), policy.egressSource("ip-2"));
        assertEquals(5, path.connectionLimit());
        assertEquals(100, path.maxDeliveriesPerConnection());
        assertEquals(new ThrottleSpec(1200, 60 * MINUTE, -1, false), path.maxMessageRate());
    }

    @Test
    void receive_messageMethodsAndReject() {
        final Reception campaign = policy.receive(new ReceivedMessage("news.example.com", "gmail.com", null, "t1",
                Map.of("X-Campaign", "spring")), T0);
        final Reception blocked = policy.receive(new ReceivedMessage("blocked.example", "gmail.com", null, "t1",
                Map.of()), T0);

        assertEquals("spring:t1@gmail.com", campaign.queueName());
        assertEquals("spring:t1@gmail.com", result("queue_seen").tojstring());
        assertEquals(1, result("recipients").toint());
        assertEquals(550, blocked.rejectCode());
        assertEquals("sender blocked", blocked.rejectText());
    }
}
