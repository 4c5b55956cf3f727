package dev.cutover.kumo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** smtp_server_message_received and the message object: where the hook's meta sends a message, and refusals. */
class MessageReceptionTest {
    private static final Path EXTRAS = Path.of("src/test/resources/policies/extras/init.lua");

    @TempDir
    Path folder;

    private static ReceivedMessage message(String tenant, Map<String, String> headers) {
        return new ReceivedMessage("news.example.com", "gmail.com", null, tenant, headers);
    }

    private LuaKumoPolicy hook(String body) throws IOException {
        return TempPolicy.load(folder, "calls = 0\nkumo.on('smtp_server_message_received', function(msg, conn)\n"
                + "  calls = calls + 1\n" + body + "\nend)\n", HarnessOptions.defaults());
    }

    @Test
    void receive_noHook_queueNamedFromTenantAndDomain() throws IOException {
        final LuaKumoPolicy policy = TempPolicy.load(folder, "-- no hooks\n", HarnessOptions.defaults());

        assertFalse(policy.handlesReception());
        assertEquals("retail@gmail.com", policy.receive(message("retail", Map.of())).queueName());
        assertEquals("gmail.com", policy.receive(message(null, Map.of())).queueName());
    }

    @Test
    void receive_queueHelperApply_tenantFromHeaderElseDefaultTenant() {
        final LuaKumoPolicy policy = LuaKumoPolicy.load(EXTRAS, MxFixture.builtIn(), HarnessOptions.defaults());

        assertEquals("mytenant@gmail.com", policy.receive(message(null, Map.of("X-Tenant", "mytenant"))).queueName());
        assertEquals("default@gmail.com", policy.receive(message(null, Map.of())).queueName());
    }

    @Test
    void receive_queueHelperUnknownTenant_refusedWithItsCodeAndText() {
        final LuaKumoPolicy policy = LuaKumoPolicy.load(EXTRAS, MxFixture.builtIn(), HarnessOptions.defaults());

        final Reception reception = policy.receive(message(null, Map.of("x-tenant", "nosuch")));

        assertTrue(reception.refused());
        assertEquals(500, reception.rejectCode());
        assertEquals("unknown tenant nosuch", reception.rejectText());
    }

    @Test
    void receive_metaSetByHook_namesTheQueueAsKumodDoes() throws IOException {
        final LuaKumoPolicy policy = hook("""
                  msg:set_meta('campaign', msg:get_first_named_header_value('x-campaign'))
                  msg:set_meta('routing_domain', 'smarthost.example')
                  if msg:get_meta('tenant') == 'drop' then msg:set_meta('tenant', nil) end
                """);

        final Reception reception = policy.receive(message("retail", Map.of("X-Campaign", "spring")));
        final Reception dropped = policy.receive(message("drop", Map.of()));

        assertEquals("spring:retail@gmail.com!smarthost.example", reception.queueName());
        assertEquals(new QueueName("spring", "retail", "gmail.com", "smarthost.example"), reception.queue());
        assertEquals("smarthost.example", reception.routeDomain());
        assertEquals("gmail.com!smarthost.example", dropped.queueName());
    }

    @Test
    void receive_queueMeta_overridesTheNameAndNullDiscards() throws IOException {
        final LuaKumoPolicy policy = hook("""
                  if msg:get_meta('tenant') == 'gone' then msg:set_meta('queue', 'null')
                  else msg:set_meta('queue', 'bulk@' .. msg:recipient().domain) end
                  assert(msg:queue_name() == msg:get_meta('queue'))
                """);

        assertEquals("bulk@gmail.com", policy.receive(message("retail", Map.of())).queueName());
        assertTrue(policy.receive(message("gone", Map.of())).discarded());
    }

    @Test
    void receive_rejectAndCaughtReject_onlyTheUncaughtOneRefuses() throws IOException {
        final LuaKumoPolicy policy = hook("""
                  if msg:get_meta('tenant') == 'caught' then pcall(kumo.reject, 451, 'try later') return end
                  kumo.reject(550, 'not from ' .. msg:sender().domain)
                """);

        final Reception refused = policy.receive(message("retail", Map.of()));

        assertEquals(550, refused.rejectCode());
        assertEquals("not from news.example.com", refused.rejectText());
        assertFalse(policy.receive(message("caught", Map.of())).refused());
    }

    @Test
    void receive_sameMessageTwice_hookRunsOnceAndAnswerReused() throws IOException {
        final LuaKumoPolicy policy = hook("msg:set_meta('tenant', 'x')");

        final Reception first = policy.receive(message("retail", Map.of("X-A", "1")));
        final Reception second = policy.receive(message("retail", Map.of("X-A", "1")));
        policy.receive(message("retail", Map.of("X-A", "2")));

        assertSame(first, second);
        assertEquals(2, policy.sandbox().globals().get("calls").toint());
    }

    @Test
    void receive_headersImportedAndEdited_lastImportedValueWins() throws IOException {
        final LuaKumoPolicy policy = hook("""
                  msg:append_header('X-Later', 'b')
                  msg:prepend_header('X-Mailer', 'a')
                  msg:import_x_headers()
                  local all = msg:get_all_named_header_values('x-mailer')
                  msg:remove_all_named_headers('X-Later')
                  local later = tostring(msg:get_first_named_header_value('x-later'))
                  msg:set_meta('tenant', msg:get_meta('x_mailer') .. #all .. later)
                """);

        assertEquals("z2nil@gmail.com", policy.receive(message(null, Map.of("X-Mailer", "z"))).queueName());
    }

    @Test
    void receive_localPartAndId_readButNoted() throws IOException {
        final LuaKumoPolicy policy = hook("msg:set_meta('tenant', msg:sender().user .. msg:id():sub(-1))");

        assertEquals("1@gmail.com", policy.receive(message(null, Map.of())).queueName());
        assertTrue(policy.warnings().stream().anyMatch(w -> w.contains("only the domain, so the local part is empty")),
                policy.warnings().toString());
        assertTrue(policy.warnings().stream().anyMatch(w -> w.contains("msg:id() was read at reception")));
    }

    @Test
    void receive_bodyOrNonStringQueue_failsNamingMethodAndLine() throws IOException {
        final LuaKumoPolicy body = hook("local data = msg:get_data()");
        final PolicyException e = assertThrows(PolicyException.class, () -> body.receive(message(null, Map.of())));
        assertTrue(e.getMessage().contains("msg:get_data is not supported by cutover: a replay has the log's "
                + "envelope domains, not the message itself"), e.getMessage());
        assertTrue(e.getMessage().startsWith("init.lua:4: "), e.getMessage());

        final LuaKumoPolicy table = TempPolicy.load(Files.createDirectories(folder.resolve("b")),
                "kumo.on('smtp_server_message_received', function(msg) msg:set_meta('queue', {}) end)",
                HarnessOptions.defaults());
        final PolicyException t = assertThrows(PolicyException.class, () -> table.receive(message(null, Map.of())));
        assertTrue(t.getMessage().contains("meta 'queue' is a table; kumod needs a string"), t.getMessage());
    }

    @Test
    void reject_codeOutsideFailures_isAnError() throws IOException {
        final LuaKumoPolicy policy = hook("kumo.reject(250, 'ok')");

        final PolicyException e = assertThrows(PolicyException.class, () -> policy.receive(message(null, Map.of())));

        assertTrue(e.getMessage().contains("kumo.reject: the code must be an SMTP failure code from 400 to 599"),
                e.getMessage());
    }
}
