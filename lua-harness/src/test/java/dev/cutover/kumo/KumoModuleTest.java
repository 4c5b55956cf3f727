package dev.cutover.kumo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luaj.vm2.LuaValue;

/** Runs small Lua snippets against the stand-in kumo module; each snippet leaves its answer in {@code result}. */
class KumoModuleTest {

    @TempDir
    Path dir;

    private LuaValue run(String lua) throws Exception {
        final Path policy = dir.resolve("init.lua");
        Files.writeString(policy, "local kumo = require 'kumo'\n" + lua + "\n");
        final LuaKumoPolicy loaded = LuaKumoPolicy.load(policy, MxFixture.builtIn(), HarnessOptions.defaults());
        return loaded.sandbox().globals().get("result");
    }

    private String error(String call) throws Exception {
        return run("local ok, err = pcall(" + call + ")\nresult = tostring(err)").tojstring()
                .replaceFirst("^@?init\\.lua:\\d+:? ", "");
    }

    @Test
    void makeQueueConfig_unknownKey_failsWithSerdeListOfFields() throws Exception {
        assertEquals("deserialize error: unknown field `bogus`, expected one of `retry_interval`, "
                + "`max_retry_interval`, `max_age`, `egress_pool`, `max_message_rate`, `protocol`, `reap_interval`, "
                + "`refresh_interval`, `timerwheel_tick_interval`, `strategy`, `refresh_strategy`, `provider_name`, "
                + "`shrink_policy`, while processing {\"bogus\":1}", error("kumo.make_queue_config, {bogus=1}"));
    }

    @Test
    void makeEgressSource_addressNotAnIp_failsWithSerdeText() throws Exception {
        assertEquals("deserialize error: invalid IP address syntax, while processing "
                + "{\"name\":\"ip-1\",\"source_address\":\"999.1.1.1\"}",
                error("kumo.make_egress_source, {name='ip-1', source_address='999.1.1.1'}"));
    }

    @Test
    void makeEgressPath_unknownKey_failsLikeFlattenedStruct() throws Exception {
        assertEquals("deserialize error: unknown field `conection_limit`, while processing {\"conection_limit\":5}",
                error("kumo.make_egress_path, {conection_limit=5}"));
    }

    @Test
    void makeEgressPath_stringForInteger_failsWithInvalidType() throws Exception {
        assertEquals("deserialize error: invalid type: string \"x\", expected usize, while processing "
                + "{\"max_deliveries_per_connection\":\"x\"}",
                error("kumo.make_egress_path, {max_deliveries_per_connection='x'}"));
    }

    @Test
    void makeEgressPath_fractionalLimit_isRefused() throws Exception {
        assertEquals("deserialize error: invalid type: floating point `2.5`, expected string or numeric limit spec, "
                + "while processing {\"connection_limit\":2.5}",
                error("kumo.make_egress_path, {connection_limit=5/2}"));
    }

    @Test
    void makeEgressPath_pluralUnit_isRefused() throws Exception {
        assertEquals("deserialize error: unknown period quantity hours, while processing "
                + "{\"max_message_rate\":\"100/hours\"}",
                error("kumo.make_egress_path, {max_message_rate='100/hours'}"));
    }

    @Test
    void makeEgressPath_noFields_readsBackKumodDefaults() throws Exception {
        final LuaValue result = run("local p = kumo.make_egress_path {}\n"
                + "result = { p.max_deliveries_per_connection, p.idle_timeout, p.connection_limit.limit, p.enable_tls,"
                + " p.max_ready, tostring(p.max_message_rate) }");

        assertEquals(1024, result.get(1).toint());
        assertEquals("5s", result.get(2).tojstring());
        assertEquals(32, result.get(3).toint());
        assertEquals("Opportunistic", result.get(4).tojstring());
        assertEquals(1024, result.get(5).toint());
        assertEquals("nil", result.get(6).tojstring());
    }

    @Test
    void makeQueueConfig_noFields_readsBackKumodDefaults() throws Exception {
        final LuaValue result = run("local q = kumo.make_queue_config {}\nresult = { q.retry_interval, q.max_age }");

        assertEquals("20m", result.get(1).tojstring());
        assertEquals("7days", result.get(2).tojstring());
    }

    @Test
    void makeEgressSource_missingName_failsWithMissingField() throws Exception {
        assertEquals("deserialize error: missing field `name`, while processing {}",
                error("kumo.make_egress_source, {}"));
    }

    @Test
    void lookupMx_gmail_returnsFixtureHostsAndSite() throws Exception {
        final LuaValue mx = run("result = kumo.dns.lookup_mx('gmail.com')");

        assertEquals("(alt1|alt2|alt3|alt4)?.gmail-smtp-in.l.google.com", mx.get("site_name").tojstring());
        assertEquals("gmail-smtp-in.l.google.com", mx.get("hosts").get(1).tojstring());
        assertEquals("alt1.gmail-smtp-in.l.google.com", mx.get("by_pref").get(20).get(1).tojstring());
        assertEquals(true, mx.get("is_mx").toboolean());
        assertEquals(false, mx.get("is_domain_literal").toboolean());
    }

    @Test
    void json_commentsAndNull_parseAndEncode() throws Exception {
        final LuaValue result = run(
                "local v = kumo.json_parse('{\"a\": 1, // note\\n \"b\": null, /* x */ \"c\": [1,2]}')\n"
                + "result = { v.a, tostring(v.b), kumo.json_encode(v), kumo.serde.json_encode({}) }");

        assertEquals(1, result.get(1).toint());
        assertEquals("nil", result.get(2).tojstring());
        assertEquals("{\"a\":1,\"c\":[1,2]}", result.get(3).tojstring());
        assertEquals("{}", result.get(4).tojstring());
    }

    @Test
    void tomlParse_quotedDomainTable_keepsValues() throws Exception {
        final LuaValue result = run("result = kumo.toml_parse('[\"gmail.com\"]\\nconnection_limit = 3\\n')");

        assertEquals(3, result.get("gmail.com").get("connection_limit").toint());
    }

    @Test
    void domainMap_wildcard_matchesSubdomainsButNotApex() throws Exception {
        final LuaValue result = run(
                "local m = kumo.domain_map.new { ['*.example.com'] = 'wild', ['a.example.com'] = 'exact' }\n"
                + "result = { m['b.example.com'], m['a.example.com'], tostring(m['example.com']),"
                + " m['x.y.example.com'] }");

        assertEquals("wild", result.get(1).tojstring());
        assertEquals("exact", result.get(2).tojstring());
        assertEquals("nil", result.get(3).tojstring());
        assertEquals("wild", result.get(4).tojstring());
    }

    @Test
    void regexCompile_lookahead_matchesLikeFancyRegex() throws Exception {
        final LuaValue result = run("local r = kumo.regex.compile('^(?!.*KumoMTA internal).*RL000010')\n"
                + "result = { r:is_match('421 RL000010 slow down'), r:is_match('KumoMTA internal: RL000010') }");

        assertEquals(true, result.get(1).toboolean());
        assertEquals(false, result.get(2).toboolean());
    }

    @Test
    void traceback_fromFunction_reportsCallerLine() throws Exception {
        final LuaValue frame = run("local function f()\n  return kumo.traceback(1)\nend\nlocal t = f()\nresult = t[1]");

        assertEquals("init.lua", frame.get("short_src").tojstring());
        assertEquals("Lua", frame.get("what").tojstring());
    }

    @Test
    void spawnTask_isRecordedNotRun() throws Exception {
        final LuaValue result = run("ran = false\nkumo.on('bg', function() ran = true end)\n"
                + "kumo.spawn_task { event_name = 'bg', args = {} }\nresult = ran");

        assertEquals(false, result.toboolean());
    }

    @Test
    void dkimAndHttp_atLoad_recordedAndOpaque() throws Exception {
        final Path policy = dir.resolve("init.lua");
        Files.writeString(policy, "signer = kumo.dkim.rsa_sha256_signer { domain = 'example.com', selector = 's1', "
                + "headers = { 'From' }, key = '/opt/kumomta/etc/dkim/example.com/s1.key' }\n"
                + "client = kumo.http.build_client {}\n");
        final LuaKumoPolicy loaded = LuaKumoPolicy.load(policy, MxFixture.builtIn(), HarnessOptions.defaults());

        assertEquals(1, loaded.stubCalls().get("dkim.rsa_sha256_signer"));
        assertEquals(1, loaded.stubCalls().get("http.build_client"));
        assertTrue(loaded.sandbox().globals().get("signer").istable());
        assertTrue(error("kumo.http.request, 'x'").startsWith("kumo.http.request is not supported by cutover"));
        final Path other = Files.createDirectories(dir.resolve("client"));
        final PolicyException use = assertThrows(PolicyException.class, () -> TempPolicy.load(other,
                "kumo.http.build_client {}:get('http://127.0.0.1:8008/')", HarnessOptions.defaults()));
        assertTrue(use.getMessage().contains("get of what kumo.http.build_client returned is not supported by "
                + "cutover: a replay signs nothing and makes no HTTP requests"), use.getMessage());
    }

    @Test
    void nameKumodLacks_readsNilSoAPolicyMayTestOrKeepFieldsInKumo() throws Exception {
        assertEquals("nil 2", run("kumo.cnt = (kumo.cnt or 0) + 1\nkumo.cnt = kumo.cnt + 1\n"
                + "result = tostring(kumo.totally_made_up) .. ' ' .. kumo.cnt").tojstring());
    }

    @Test
    void dofileAndReject_outsideTheFolderOrWithACodeString_namedPlainly() throws Exception {
        assertEquals("/etc/hostname is outside the policy folder; the sandbox reads only files under it (map its "
                + "production folder to a local one in [kumomta.paths])",
                error("dofile, '/etc/hostname'"));
        assertEquals("kumo.reject: the code must be an SMTP failure code from 400 to 599, got \"soon\"",
                error("kumo.reject, 'soon', 'x'"));
        assertEquals("421 busy", error("kumo.reject, '421', 'busy'"), "a code string is read as kumod reads it");
    }

    @Test
    void unknownModule_readFrom_namesTheFunctionAndLine() throws Exception {
        final String message = run("local ok, err = pcall(function()\n  return kumo.kafka.build_producer()\nend)\n"
                + "result = tostring(err)").tojstring();

        assertTrue(message.contains("kumo.kafka.build_producer is not supported by cutover (called at init.lua:3)"),
                message);
    }

    @Test
    void policyFile_withByteOrderMarkOrLatin1_readOrRefusedAsNotUtf8() throws Exception {
        final Path policy = dir.resolve("init.lua");
        Files.write(policy, "\uFEFFresult = 'read'\n".getBytes(StandardCharsets.UTF_8));
        final LuaKumoPolicy withMark = LuaKumoPolicy.load(policy, MxFixture.builtIn(), HarnessOptions.defaults());
        Files.write(policy, "result = 'caf\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));

        assertEquals("read", withMark.sandbox().globals().get("result").tojstring());
        final PolicyException latin1 = assertThrows(PolicyException.class,
                () -> LuaKumoPolicy.load(policy, MxFixture.builtIn(), HarnessOptions.defaults()));
        assertEquals("init.lua: is not UTF-8 text; kumod reads policies as UTF-8", latin1.getMessage());
    }

    @Test
    void tomlLoad_etcPathOutsidePolicyFolder_readFromThePolicyFolder() throws Exception {
        Files.writeString(dir.resolve("queue.toml"), "default_tenant = 'retail'\n");

        assertEquals("retail", run("result = kumo.toml_load('/opt/kumomta/etc/queue.toml').default_tenant")
                .tojstring());
    }

    @Test
    void memoize_returnsFunctionUnchanged() throws Exception {
        assertEquals(7, run("local f = kumo.memoize(function(x) return x + 1 end, {name='f', ttl='1 minute'})\n"
                + "result = f(6)").toint());
    }

    @Test
    void unknownDnsFunction_namesItAndLine() throws Exception {
        final String message = run("local ok, err = pcall(function()\n  kumo.dns.lookup_txt('x')\nend)\n"
                + "result = tostring(err)").tojstring();

        assertTrue(message.contains("kumo.dns.lookup_txt is not supported by cutover (called at init.lua:3)"), message);
    }
}
