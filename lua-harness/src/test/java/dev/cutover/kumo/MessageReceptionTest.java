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
    private static final long T0 = 1_717_372_800_000_000L;
    private static final long HOUR = 3_600_000_000L;
    private static final Path EXTRAS = Path.of("src/test/resources/policies/extras/init.lua");

    @TempDir
    Path folder;

    private static ReceivedMessage message(String tenant, Map<String, String> headers) {
        return new ReceivedMessage("news.example.com", "gmail.com", null, tenant, headers);
    }

    private LuaKumoPolicy hook(String body) throws IOException {
        return TempPolicy.load(folder, "\nkumo.on('smtp_server_message_received', function(msg, conn)\n"
                + "  kumo.log_info('hook ran')\n" + body + "\nend)\n", HarnessOptions.defaults());
    }

    private static long runs(LuaKumoPolicy policy) {
        return policy.warnings().stream().filter(w -> w.equals("log_info: hook ran")).count();
    }

    @Test
    void receive_noHook_queueNamedFromTenantAndDomain() throws IOException {
        final LuaKumoPolicy policy = TempPolicy.load(folder, "-- no hooks\n", HarnessOptions.defaults());

        assertFalse(policy.handlesReception());
        assertEquals("retail@gmail.com", policy.receive(message("retail", Map.of()), T0).queueName());
        assertEquals("gmail.com", policy.receive(message(null, Map.of()), T0).queueName());
    }

    @Test
    void receive_queueHelperApply_tenantFromHeaderElseDefaultTenant() {
        final LuaKumoPolicy policy = LuaKumoPolicy.load(EXTRAS, MxFixture.builtIn(), HarnessOptions.defaults());

        assertEquals("mytenant@gmail.com",
                policy.receive(message(null, Map.of("X-Tenant", "mytenant")), T0).queueName());
        assertEquals("default@gmail.com", policy.receive(message(null, Map.of()), T0).queueName());
    }

    @Test
    void receive_queueHelperUnknownTenant_refusedWithItsCodeAndText() {
        final LuaKumoPolicy policy = LuaKumoPolicy.load(EXTRAS, MxFixture.builtIn(), HarnessOptions.defaults());

        final Reception reception = policy.receive(message(null, Map.of("x-tenant", "nosuch")), T0);

        assertTrue(reception.refused());
        assertEquals(500, reception.rejectCode());
        assertEquals("unknown tenant nosuch", reception.rejectText());
    }

    @Test
    void receive_addressHeaders_fromTheScenarioElseTheEnvelopesDomain() throws IOException {
        final LuaKumoPolicy policy = hook("""
                  local from = msg:from_header()
                  local to = msg:get_address_header('To')
                  msg:set_meta('campaign', from.domain .. '.' .. (to and #to.list or 0) .. '.'
                    .. (to and to.list[2].user or 'none') .. '.' .. #msg:get_all_headers())
                """);

        final Reception listed = policy.receive(message(null, Map.of("From", "\"Shop, Inc\" <deals@shop.example>",
                "To", "a@gmail.com, \"B\" <\"b.b\"@gmail.com>")), T0);
        final Reception bare = policy.receive(message(null, Map.of()), T0);

        assertEquals("shop.example.2.b.b.2:@gmail.com", listed.queueName(), "the scenario's From and To headers");
        assertEquals("news.example.com.0.none.0:@gmail.com", bare.queueName(),
                "no From header: the envelope sender's domain stands in");
        assertTrue(policy.warnings().stream().anyMatch(w -> w.contains("msg:from_header() was read at reception; "
                + "the log keeps no headers, so the envelope's domain stands in")), policy.warnings().toString());
    }

    @Test
    void addressHeader_singleAccessorOnAList_failsAsKumodDoes() throws IOException {
        final LuaKumoPolicy policy = hook("msg:set_meta('campaign', msg:get_address_header('To').domain)");

        final PolicyException e = assertThrows(PolicyException.class, () -> policy.receive(message(null,
                Map.of("To", "a@x.example, b@y.example")), T0));

        assertTrue(e.getMessage().contains("addressheader.domain: the header holds 2 addresses, not one"),
                e.getMessage());
        final PolicyException none = assertThrows(PolicyException.class, () -> policy.receive(message(null,
                Map.of("To", "not an address")), T0));
        assertTrue(none.getMessage().contains("the header \"not an address\" is not a list of addresses"),
                none.getMessage());
    }

    @Test
    void receive_hookKeepingStateInACoroutine_runsForEveryMessage() throws IOException {
        final LuaKumoPolicy policy = TempPolicy.load(folder, "local count = coroutine.wrap(function()\n"
                + "  local i = 0\n  while true do i = i + 1; coroutine.yield(i) end\nend)\n"
                + "kumo.on('smtp_server_message_received', function(msg)\n"
                + "  if count() > 1 then kumo.reject(550, 'late') end\nend)\n", HarnessOptions.defaults());

        final Reception first = policy.receive(message("retail", Map.of()), T0);
        final Reception second = policy.receive(message("retail", Map.of()), T0 + HOUR);

        assertFalse(first.refused());
        assertTrue(second.refused(), "the coroutine's count moved on, so the first answer may not be reused");
        assertEquals("keeps state in a coroutine or writes a table's address", policy.receptionVaries());
    }

    @Test
    void receive_metaSetByHook_namesTheQueueAsKumodDoes() throws IOException {
        final LuaKumoPolicy policy = hook("""
                  msg:set_meta('campaign', msg:get_first_named_header_value('x-campaign'))
                  msg:set_meta('routing_domain', 'smarthost.example')
                  if msg:get_meta('tenant') == 'drop' then msg:set_meta('tenant', nil) end
                """);

        final Reception reception = policy.receive(message("retail", Map.of("X-Campaign", "spring")), T0);
        final Reception dropped = policy.receive(message("drop", Map.of()), T0);

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

        assertEquals("bulk@gmail.com", policy.receive(message("retail", Map.of()), T0).queueName());
        assertTrue(policy.receive(message("gone", Map.of()), T0).discarded());
    }

    @Test
    void receive_rejectAndCaughtReject_onlyTheUncaughtOneRefuses() throws IOException {
        final LuaKumoPolicy policy = hook("""
                  if msg:get_meta('tenant') == 'caught' then pcall(kumo.reject, 451, 'try later') return end
                  if msg:get_meta('tenant') == 'again' then
                    local ok, e = pcall(kumo.reject, '421', 'busy')
                    assert(tostring(e) == '421 busy')
                    error(e)
                  end
                  kumo.reject(550, 'not from ' .. msg:sender().domain)
                """);

        final Reception refused = policy.receive(message("retail", Map.of()), T0);

        assertEquals(550, refused.rejectCode());
        assertEquals("not from news.example.com", refused.rejectText());
        assertFalse(policy.receive(message("caught", Map.of()), T0).refused());
        assertEquals(421, policy.receive(message("again", Map.of()), T0).rejectCode(), "raised again, still refuses");
    }

    @Test
    void receive_sameMessageTwice_hookRunsOnceAndAnswerReused() throws IOException {
        final LuaKumoPolicy policy = hook("msg:set_meta('tenant', 'x')");

        final Reception first = policy.receive(message("retail", Map.of("X-A", "1")), T0);
        final Reception second = policy.receive(message("retail", Map.of("X-A", "1")), T0);
        policy.receive(message("retail", Map.of("X-A", "2")), T0);

        assertSame(first, second);
        assertEquals(2, runs(policy));
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

        assertEquals("z2nil@gmail.com", policy.receive(message(null, Map.of("X-Mailer", "z")), T0).queueName());
    }

    @Test
    void receive_localPartAndId_localPartNotedIdMakesItRunPerMessage() throws IOException {
        final LuaKumoPolicy policy = hook("msg:set_meta('tenant', msg:sender().user .. msg:id():sub(-1))");

        assertEquals("1@gmail.com", policy.receive(message(null, Map.of()), T0).queueName());
        assertEquals("2@gmail.com", policy.receive(message(null, Map.of()), T0).queueName());
        assertTrue(policy.warnings().stream().anyMatch(w -> w.contains("only the domain, so the local part is empty")),
                policy.warnings().toString());
        assertTrue(policy.warnings().contains("note: smtp_server_message_received reads msg:id(), so it runs for "
                + "every message as kumod runs it, not once per kind of message"), policy.warnings().toString());
    }

    @Test
    void receive_counterKeptByAHelperOrAModuleTable_runsForEveryMessage() throws IOException {
        final LuaKumoPolicy helper = TempPolicy.load(folder, String.join("\n",
                "local n = 0",
                "local function bump() n = n + 1; return n end",
                "local state = { seen = 0 }",
                "local function note() state.seen = state.seen + 1 end",
                "kumo.on('smtp_server_message_received', function(msg)",
                "  note()",
                "  if bump() % 10 == 0 then msg:set_meta('queue', 'null') end",
                "end)", ""), HarnessOptions.defaults());
        long discarded = 0;
        for (int i = 0; i < 30; i++) {
            discarded += helper.receive(message(null, Map.of()), T0).discarded() ? 1 : 0;
        }

        assertEquals(3, discarded, "every tenth message");
        assertTrue(helper.warnings().toString().contains("keeps state between messages"), helper.warnings()
                .toString());
    }

    @Test
    void receive_queueHelperApply_keepsNoStateSoItsAnswersAreReused() {
        final LuaKumoPolicy policy = LuaKumoPolicy.load(EXTRAS, MxFixture.builtIn(), HarnessOptions.defaults());

        policy.receive(message(null, Map.of("X-Tenant", "mytenant")), T0);
        policy.receive(message(null, Map.of("X-Tenant", "mytenant")), T0);

        assertFalse(policy.warnings().toString().contains("so it runs for every message"),
                policy.warnings().toString());
    }

    @Test
    void receive_hookReadingTheClock_seesEachMessagesReceptionTime() throws IOException {
        final LuaKumoPolicy policy = hook("msg:set_meta('campaign', os.date('h%H', os.time()))");

        assertEquals("h16:@gmail.com", policy.receive(message(null, Map.of()), T0 + 16 * HOUR).queueName());
        assertEquals("h18:@gmail.com", policy.receive(message(null, Map.of()), T0 + 18 * HOUR).queueName());
        assertEquals(2, runs(policy));
    }

    @Test
    void receive_hookKeepingACounterOrDrawingRandomNumbers_runsForEveryMessage() throws IOException {
        final LuaKumoPolicy counter = TempPolicy.load(folder, String.join("\n",
                "local seen = 0",
                "kumo.on('smtp_server_message_received', function(msg)",
                "  seen = seen + 1",
                "  if seen % 2 == 0 then msg:set_meta('queue', 'null') end",
                "end)", ""), HarnessOptions.defaults());
        final LuaKumoPolicy random = hook("if math.random() < 2 then msg:set_meta('tenant', 'drawn') end");

        assertFalse(counter.receive(message(null, Map.of()), T0).discarded());
        assertTrue(counter.receive(message(null, Map.of()), T0).discarded(), "every second message is discarded");
        assertFalse(counter.receive(message(null, Map.of()), T0).discarded());
        assertTrue(counter.warnings().toString().contains("keeps state between messages"), counter.warnings()
                .toString());
        random.receive(message(null, Map.of()), T0);
        random.receive(message(null, Map.of()), T0);
        assertEquals(2, runs(random));
        assertTrue(random.warnings().toString().contains("draws random numbers"), random.warnings().toString());
    }

    @Test
    void receive_bodyOrNonStringQueue_failsNamingMethodAndLine() throws IOException {
        final LuaKumoPolicy body = hook("local data = msg:get_data()");
        final PolicyException e = assertThrows(PolicyException.class, () -> body.receive(message(null, Map.of()), T0));
        assertTrue(e.getMessage().contains("msg:get_data is not supported by cutover: a replay has the log's "
                + "envelope domains, not the message itself"), e.getMessage());
        assertTrue(e.getMessage().startsWith("init.lua:4: "), e.getMessage());

        final LuaKumoPolicy table = TempPolicy.load(Files.createDirectories(folder.resolve("b")),
                "kumo.on('smtp_server_message_received', function(msg) msg:set_meta('queue', {}) end)",
                HarnessOptions.defaults());
        final PolicyException t = assertThrows(PolicyException.class, () -> table.receive(message(null, Map.of()), T0));
        assertTrue(t.getMessage().startsWith("init.lua:1: msg:set_meta('queue', ...): a table cannot name the queue; "
                + "kumod needs a string"), t.getMessage());
    }

    @Test
    void receive_queueWithoutDomain_isAnErrorSayingKumodCouldNotDeliver() throws IOException {
        final LuaKumoPolicy empty = hook("msg:set_meta('queue', 'retail@')");
        final LuaKumoPolicy routing = TempPolicy.load(Files.createDirectories(folder.resolve("r")),
                "kumo.on('smtp_server_message_received', function(msg) msg:set_meta('routing_domain', '') end)",
                HarnessOptions.defaults());

        final PolicyException e = assertThrows(PolicyException.class, () -> empty.receive(message(null, Map.of()),
                T0));
        final PolicyException r = assertThrows(PolicyException.class, () -> routing.receive(message(null, Map.of()),
                T0));

        assertTrue(e.getMessage().contains("the message's queue \"retail@\" names no domain; kumod would accept such "
                + "messages and never deliver them"), e.getMessage());
        assertTrue(r.getMessage().contains("queue \"gmail.com!\" names no routing domain"), r.getMessage());
    }

    @Test
    void reject_inAnotherEvent_isAnErrorNamingTheEvent() throws IOException {
        final LuaKumoPolicy policy = TempPolicy.load(folder, "kumo.on('get_queue_config', function(d)\n"
                + "  kumo.reject(550, 'no') end)\n", HarnessOptions.defaults());

        final PolicyException e = assertThrows(PolicyException.class, () -> policy.queueConfig("gmail.com", null,
                null, null));

        assertEquals("init.lua:2: kumo.reject(550, \"no\") in get_queue_config: kumod refuses messages this way "
                + "only in http_message_generated and smtp_server_message_received", e.getMessage());
    }

    @Test
    void reject_codeOutsideFailures_isAnError() throws IOException {
        final LuaKumoPolicy policy = hook("kumo.reject(250, 'ok')");

        final PolicyException e = assertThrows(PolicyException.class,
                () -> policy.receive(message(null, Map.of()), T0));

        assertTrue(e.getMessage().contains("kumo.reject: the code must be an SMTP failure code from 400 to 599"),
                e.getMessage());
    }
}
