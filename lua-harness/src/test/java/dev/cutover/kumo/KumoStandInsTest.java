package dev.cutover.kumo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts of the kumo API production policies call at load that shape nothing: answered or recorded. */
class KumoStandInsTest {
    @TempDir
    Path dir;

    private LuaKumoPolicy load(String lua, HarnessOptions options) throws IOException {
        final Path policy = Files.createDirectories(dir.resolve("policy"));
        return TempPolicy.load(policy, "local kumo = require 'kumo'\n" + lua, options);
    }

    private static List<String> printed(LuaKumoPolicy policy) {
        return policy.warnings().stream().filter(w -> w.startsWith("print: ")).map(w -> w.substring(7)).toList();
    }

    @Test
    void glob_mappedProductionFolder_namesTheFilesAsThePolicyWroteThemSortedAndLoadable() throws IOException {
        final Path etc = Files.createDirectories(dir.resolve("etc/tenants"));
        Files.writeString(etc.resolve("outlet.toml"), "name = 'outlet'\n");
        Files.writeString(etc.resolve("retail.toml"), "name = 'retail'\n");
        Files.writeString(etc.resolve("notes.txt"), "not a tenant\n");
        final HarnessOptions options = HarnessOptions.defaults().withPaths(Map.of("/srv/kumo", dir.resolve("etc")));

        final LuaKumoPolicy policy = load("""
                for _, file in ipairs(kumo.glob '/srv/kumo/tenants/*.toml') do
                  print(file .. ' ' .. kumo.toml_load(file).name)
                end
                print(table.concat(kumo.fs.glob('/srv/kumo/tenants/*.toml', '/srv/kumo'), ' '))
                print(#kumo.fs.glob '/srv/kumo/missing/*.toml')
                print(table.concat(kumo.fs.glob('*.toml', '/srv/kumo/tenants'), ' '))
                """, options);

        assertEquals(List.of("/srv/kumo/tenants/outlet.toml outlet", "/srv/kumo/tenants/retail.toml retail",
                "tenants/outlet.toml tenants/retail.toml", "0", "outlet.toml retail.toml"), printed(policy),
                "a relative pattern is looked for under relative_to");
    }

    @Test
    void glob_unmappedProductionFolder_failsSayingHowToMapIt() {
        final PolicyException thrown = assertThrows(PolicyException.class,
                () -> load("local files = kumo.glob '/etc/kumo/*.toml'\n", HarnessOptions.defaults()));

        assertTrue(thrown.getMessage().contains("/etc/kumo is outside the policy folder; the sandbox reads only files "
                + "under it (map its production folder to a local one in [kumomta.paths])"), thrown.getMessage());
    }

    @Test
    void serverTuningAndSecrets_recordedAndAnsweredWithFixedStandIns() throws IOException {
        final LuaKumoPolicy policy = load("""
                kumo.dns.configure_resolver { name_servers = { '127.0.0.1:53' } }
                kumo.dns.set_mx_timeout '5s'
                kumo.set_lruttl_cache_capacity('dns_resolver_mx', 1024)
                kumo.set_memory_hard_limit(8 * 1024 * 1024 * 1024)
                kumo.set_diagnostic_log_filter 'kumod=info'
                print(kumo.available_parallelism() * 2)
                print(kumo.secrets.load { vault_path = 'dkim/example.com' })
                print(kumo.version())
                """, HarnessOptions.defaults());

        assertEquals(List.of("16", KumoStubs.SECRET, "2026.06.23-f3af1cd0"), printed(policy));
        assertEquals(Map.of("dns.configure_resolver", 1, "dns.set_mx_timeout", 1, "set_lruttl_cache_capacity", 1,
                "set_memory_hard_limit", 1, "set_diagnostic_log_filter", 1, "available_parallelism", 1,
                "secrets.load", 1), policy.stubCalls());
    }

    @Test
    void moreServerSettings_recordedAsTheyAreCalled() throws IOException {
        final LuaKumoPolicy policy = load("""
                kumo.set_httpinject_recipient_rate_limit 'local:10,000/s'
                kumo.suspend_delivery_when_spool_unhealthy(true)
                kumo.dkim.set_signing_threads(4)
                kumo.dns.configure_unbound_resolver { options = {} }
                kumo.dns.set_mx_concurrency_limit(64)
                kumo.aaa.set_acl_cache_ttl '5m'
                """, HarnessOptions.defaults());

        assertEquals(Map.of("set_httpinject_recipient_rate_limit", 1, "suspend_delivery_when_spool_unhealthy", 1,
                "dkim.set_signing_threads", 1, "dns.configure_unbound_resolver", 1, "dns.set_mx_concurrency_limit", 1,
                "aaa.set_acl_cache_ttl", 1), policy.stubCalls());
    }

    @Test
    void makeThrottle_isKumodsGcraOnTheReplayClock_sharedByName() throws IOException {
        final LuaKumoPolicy policy = load("""
                local function show(r)
                  print(tostring(r.throttled) .. ' ' .. r.limit .. ' ' .. r.remaining .. ' ' .. r.reset_after
                    .. ' ' .. tostring(r.retry_after))
                end
                show(kumo.make_throttle('per-tenant', '2/s'):throttle())
                show(kumo.make_throttle('per-tenant', '2/s'):throttle())
                show(kumo.make_throttle('per-tenant', '2/s'):throttle())
                print(tostring(kumo.make_throttle('per-tenant', '2/s'):sleep_if_throttled()))
                print(tostring(kumo.make_throttle('other', '2/s'):sleep_if_throttled()))
                """, HarnessOptions.defaults());

        assertEquals(List.of("false 2 1 1 nil", "false 2 0 1 nil", "true 2 0 1 1", "true", "false"), printed(policy),
                "2/s admits two at once, then refuses for a second; another name has its own");
        assertTrue(policy.warnings().stream().anyMatch(w -> w.contains("sleep_if_throttled would pause here in "
                + "kumod")), policy.warnings().toString());
        final PolicyException bad = assertThrows(PolicyException.class,
                () -> load("kumo.make_throttle('x', '10 per second')\n", HarnessOptions.defaults()));
        assertTrue(bad.getMessage().contains("kumo.make_throttle: x: expected 'limit/period'"), bad.getMessage());
    }

    @Test
    void invokeFunctions_callThePolicysHandlers() throws IOException {
        final LuaKumoPolicy policy = load("""
                kumo.on('get_egress_pool', function(name)
                  return kumo.make_egress_pool { name = name, entries = { { name = 'ip-1' } } }
                end)
                kumo.on('get_egress_source', function(name)
                  return kumo.make_egress_source { name = name, source_address = '192.0.2.1' }
                end)
                kumo.on('get_queue_config', function(domain, tenant, campaign, routing_domain)
                  return kumo.make_queue_config { egress_pool = tenant .. '-pool' }
                end)
                print(kumo.invoke_get_egress_pool('main').name)
                print(kumo.invoke_get_egress_source('ip-1').source_address)
                print(kumo.invoke_get_queue_config('example.com', 'retail').egress_pool)
                """, HarnessOptions.defaults());

        assertEquals(List.of("main", "192.0.2.1", "retail-pool"), printed(policy));
    }

    @Test
    void regexSetMap_answersAsDocumented_andNamesATextWhoseAnswerKumodLeavesOpen() throws IOException {
        final LuaKumoPolicy policy = load("""
                local map = kumo.regex_set_map.new {
                  hello = 'hello', bye = 'bye', later = 'bye', ['Good day'] = 'hello',
                }
                print(map['hello there'], map['goodbye'], map['see you later'], tostring(map['not.set']))
                print(map['hello, later'])
                """, HarnessOptions.defaults());

        assertEquals(List.of("hello\tbye\tbye\tnil", "hello"), printed(policy));
        assertTrue(policy.warnings().contains("note: kumo.regex_set_map: 'hello, later' matches patterns of different "
                + "values (hello, later); kumod may answer any of them, cutover answers the first in sorted order"),
                policy.warnings().toString());
    }

    @Test
    void readDir_listsAMappedFolderAsThePolicyNamesIt() throws IOException {
        final Path etc = Files.createDirectories(dir.resolve("etc/tenants"));
        Files.writeString(etc.resolve("retail.toml"), "");
        Files.writeString(etc.resolve("outlet.toml"), "");
        final HarnessOptions options = HarnessOptions.defaults().withPaths(Map.of("/srv/kumo", dir.resolve("etc")));

        final LuaKumoPolicy policy = load("print(table.concat(kumo.read_dir '/srv/kumo/tenants', ' '))\n"
                + "print(#kumo.fs.read_dir '/srv/kumo/tenants/')\n", options);
        final PolicyException missing = assertThrows(PolicyException.class,
                () -> load("kumo.read_dir '/srv/kumo/none'\n", options));

        assertEquals(List.of("/srv/kumo/tenants/outlet.toml /srv/kumo/tenants/retail.toml", "2"), printed(policy));
        assertTrue(missing.getMessage().contains("kumo.read_dir: /srv/kumo/none is not a folder"),
                missing.getMessage());
    }

    @Test
    void installFolders_namedWithoutTheirFinalSlash_areThePolicyFolderToo() throws IOException {
        final LuaKumoPolicy policy = load("""
                print(#kumo.read_dir '/opt/kumomta/etc/policy')
                print(table.concat(kumo.glob '/opt/kumomta/etc/policy/*.lua', ' '))
                print(table.concat(kumo.glob('*.lua', '/opt/kumomta/etc/policy'), ' '))
                print(table.concat(kumo.glob '/opt/kumomta/etc/*.lua', ' '))
                """, HarnessOptions.defaults());

        assertEquals(List.of("1", "/opt/kumomta/etc/policy/init.lua", "init.lua", "/opt/kumomta/etc/init.lua"),
                printed(policy));
    }

    @Test
    void documentedFunctionCutoverLacks_failsNamingItself() {
        final PolicyException thrown = assertThrows(PolicyException.class,
                () -> load("local v = kumo.serde.yaml_parse 'a: 1'\n", HarnessOptions.defaults()));

        assertEquals("init.lua:2: kumo.serde.yaml_parse is not supported by cutover (called at init.lua:2)",
                thrown.getMessage());
    }

    @Test
    void cidrMap_lookupsFindTheNarrowestBlockAsDocumented() throws IOException {
        final LuaKumoPolicy policy = load("""
                local cmap = kumo.cidr.make_map { ['127.0.0.0/24'] = 'loopback', ['10.0.0.0/24'] = 'lan' }
                cmap['10.0.0.42'] = 'one host'
                cmap['2001:db8::/32'] = 'documentation'
                print(cmap['10.0.0.1'], cmap['10.0.0.42'], cmap['127.0.0.1:25'], cmap['[127.0.0.9]'])
                print(cmap['[2001:db8::1]:25'], tostring(cmap['100.0.0.100']), tostring(cmap['not.set']))
                """, HarnessOptions.defaults());

        assertEquals(List.of("lan\tone host\tloopback\tloopback", "documentation\tnil\tnil"), printed(policy));
    }

    @Test
    void cidrMap_keyThatIsNoBlock_failsNamingIt() {
        final PolicyException thrown = assertThrows(PolicyException.class, () -> load(
                "local cmap = kumo.cidr.make_map { ['10.0.0.0/33'] = 'x' }\n", HarnessOptions.defaults()));

        assertTrue(thrown.getMessage().contains("kumo.cidr map: 10.0.0.0/33 is not an IP address or CIDR block"),
                thrown.getMessage());
    }
}
