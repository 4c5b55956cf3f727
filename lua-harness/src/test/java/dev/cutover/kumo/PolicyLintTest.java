package dev.cutover.kumo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The translation bugs a policy hides in production, found by {@link LuaKumoPolicy#lint}. */
class PolicyLintTest {
    @TempDir
    Path dir;

    private static final String POOL = """
            kumo.on('get_egress_pool', function(pool_name)
              return kumo.make_egress_pool { name = pool_name, entries = { { name = 'ip-1' } } }
            end)
            kumo.on('get_egress_source', function(source_name)
              return kumo.make_egress_source { name = source_name, source_address = '192.0.2.1' }
            end)
            """;

    private LuaKumoPolicy load(String lua) throws IOException {
        return TempPolicy.load(dir, "local kumo = require 'kumo'\n" + lua, HarnessOptions.defaults());
    }

    @Test
    void lint_handlerParametersInAnotherOrderThanKumodPasses_namedWithTheirLine() throws IOException {
        final LuaKumoPolicy policy = load("""
                kumo.on('get_egress_path_config', function(domain, binding_group, site_name)
                  return kumo.make_egress_path { connection_limit = 5 }
                end)
                kumo.on('get_queue_config', function(domain, tenant, campaign, routing_domain, extra)
                  return kumo.make_queue_config { egress_pool = 'pool' }
                end)
                kumo.on('smtp_server_message_received', function(msg, conn_meta) end)
                kumo.on('get_listener_domain', function(domain, listener, _) end)
                """ + POOL);

        assertEquals(List.of("init.lua:2: get_egress_path_config handler: parameter 2 is named binding_group, but "
                        + "kumod passes egress_source there (routing_domain, egress_source, site_name, in that "
                        + "order), so binding_group holds the egress source",
                "init.lua:5: get_queue_config handler: parameter 5 (extra) is always nil, since kumod passes 4 "
                        + "arguments (domain, tenant, campaign, routing_domain)"),
                policy.lint().stream().filter(f -> f.contains("handler")).toList());
    }

    @Test
    void lint_siteAndTenantSwapped_bothNamed() throws IOException {
        final LuaKumoPolicy policy = load("""
                kumo.on('get_egress_path_config', function(routing_domain, site, source)
                  return kumo.make_egress_path { connection_limit = 5 }
                end)
                """);

        final List<String> findings = policy.lint().stream().filter(f -> f.contains("handler")).toList();

        assertEquals(2, findings.size(), findings.toString());
        assertTrue(findings.get(0).startsWith("init.lua:2: get_egress_path_config handler: parameter 2 is named site, "
                + "but kumod passes egress_source there"), findings.get(0));
        assertTrue(findings.get(1).contains("parameter 3 is named source, but kumod passes site_name there"),
                findings.get(1));
    }

    @Test
    void lint_queueConfigAnsweringNoQueueOfTheTraffic_saysTheDefaultsApplied() throws IOException {
        final LuaKumoPolicy policy = load("""
                kumo.on('get_queue_config', function(domain, tenant, campaign, routing_domain)
                  if domain == 'example.com' then
                    return kumo.make_queue_config { max_age = '1 day' }
                  end
                end)
                """);
        policy.queueConfig("gmail.com", "retail", null, null);
        policy.queueConfig("yahoo.com", "retail", "spring", null);

        assertTrue(policy.lint().contains("init.lua:2: get_queue_config returned nothing for every queue the traffic "
                + "used (2: retail@gmail.com, spring:retail@yahoo.com), so kumod's defaults applied to them all and "
                + "the translated queue settings never did"), policy.lint().toString());
    }

    @Test
    void lint_queueConfigAnsweringSomeQueues_saysNothingOfIt() throws IOException {
        final LuaKumoPolicy policy = load("""
                kumo.on('get_queue_config', function(domain, tenant, campaign, routing_domain)
                  if domain == 'gmail.com' then
                    return kumo.make_queue_config { max_age = '1 day' }
                  end
                end)
                """);
        policy.queueConfig("gmail.com", "retail", null, null);
        policy.queueConfig("yahoo.com", "retail", null, null);

        assertTrue(policy.lint().stream().noneMatch(f -> f.contains("returned nothing")), policy.lint().toString());
    }

    @Test
    void lint_redisThrottlesWithLocalLimits_namesTheLimitsEachNodeKeeps() throws IOException {
        final LuaKumoPolicy policy = load("""
                kumo.on('init', function() kumo.configure_redis_throttles { node = 'redis://127.0.0.1/' } end)
                kumo.on('get_egress_path_config', function(routing_domain, egress_source, site_name)
                  return kumo.make_egress_path { connection_limit = 'local:10', max_message_rate = '100/min' }
                end)
                kumo.on('get_queue_config', function(domain, tenant, campaign, routing_domain)
                  return kumo.make_queue_config { max_message_rate = 'local:50/s' }
                end)
                """);
        policy.queueConfig("gmail.com", "retail", null, null);
        policy.egressPathConfig("gmail.com", "ip-1", "gmail-site");
        policy.egressPathConfig("gmail.com", "ip-2", "gmail-site");

        final List<String> cluster = policy.lint().stream().filter(f -> f.contains("redis")).toList();

        assertEquals(1, cluster.size(), policy.lint().toString());
        assertTrue(cluster.get(0).startsWith("init.lua:2: configure_redis_throttles shares limits across the cluster's "
                + "nodes, but limits written with local: are each node's own, so N nodes send N times them: "),
                cluster.get(0));
        assertTrue(cluster.get(0).contains("connection_limit [") && cluster.get(0).contains("] for 2 paths or "
                + "queues, such as site gmail-site from ip-1") && cluster.get(0).contains("max_message_rate [")
                && cluster.get(0).contains("] for queue retail@gmail.com"), cluster.get(0));
        assertEquals(1, cluster.get(0).split("connection_limit \\[").length - 1, "each limit once: " + cluster.get(0));
    }

    @Test
    void lint_handlerForAMisspelledEvent_namedWithTheEventMeant() throws IOException {
        final LuaKumoPolicy policy = load("""
                kumo.on('smtp_server_message_recieved', function(msg) msg:set_meta('tenant', 'x') end)
                kumo.on('my_own_cleanup_task', function() end)
                kumo.on('init', function() end)
                """);

        assertEquals(List.of("init.lua:2: a handler for 'smtp_server_message_recieved', which kumod never fires: did "
                + "you mean 'smtp_server_message_received'? As written, it never runs"),
                policy.lint().stream().filter(f -> f.contains("never fires")).toList(),
                "a name far from every event is the policy's own");
        assertEquals(2, EditDistance.between("recieved", "received"));
    }

    @Test
    void lint_noRedisThrottles_saysEveryLimitIsPerNode() throws IOException {
        final LuaKumoPolicy policy = load("""
                kumo.on('get_queue_config', function(domain, tenant, campaign, routing_domain)
                  return kumo.make_queue_config { max_age = '1 day' }
                end)
                """);
        policy.queueConfig("gmail.com", "retail", null, null);

        assertTrue(policy.lint().contains("init.lua: no configure_redis_throttles, so every limit is each kumod "
                + "node's own: a cluster of N nodes sends a site N times its connection and rate limits (the replay "
                + "is of one node)"), policy.lint().toString());
    }

    @Test
    void lint_sourcesDataOfKumoMtasOwnHelper_namesUnpooledSourcesAndEmptyPoolsOnce() throws IOException {
        // a helper folder standing for an installation's: a sources module that reads its data as the shipped one
        // does, through kumo.toml_load, and says nothing of it
        final Path helpers = dir.resolve("share");
        Files.createDirectories(helpers.resolve("policy-extras"));
        Files.writeString(helpers.resolve("policy-extras/sources.lua"), """
                local kumo = require 'kumo'
                local mod = {}
                function mod:setup(files)
                  local data = { source = {}, pool = {} }
                  for _, file in ipairs(files) do
                    local one = kumo.toml_load(file)
                    for k, v in pairs(one.source or {}) do data.source[k] = v end
                    for k, v in pairs(one.pool or {}) do data.pool[k] = v end
                  end
                  return data
                end
                return mod
                """);
        Files.writeString(dir.resolve("sources.toml"), "[source.\"ip-1\"]\n[source.\"ip-9\"]\n"
                + "[pool.\"main\"]\n[pool.\"main\".\"ip-1\"]\n[pool.\"AlwaysSuspended\"]\n");
        final String lua = "local kumo = require 'kumo'\nrequire('policy-extras.sources'):setup { 'sources.toml' }\n";

        final LuaKumoPolicy shipped = TempPolicy.load(dir, lua, HarnessOptions.defaults().withHelperFolder(helpers));
        final LuaKumoPolicy none = TempPolicy.load(dir, "local kumo = require 'kumo'\nkumo.toml_load('sources.toml')\n",
                HarnessOptions.defaults());

        assertEquals(List.of("sources.toml: [source.\"ip-9\"] is in no pool, so no queue sends from it",
                "sources.toml: [pool.\"AlwaysSuspended\"] has no sources, so kumod can send nothing of a queue that "
                        + "uses it"), shipped.lint().stream().filter(f -> f.startsWith("sources.toml")).toList());
        assertEquals(List.of(), none.lint().stream().filter(f -> f.startsWith("sources.toml")).toList(),
                "data no sources helper read is not linted as its");
    }
}
