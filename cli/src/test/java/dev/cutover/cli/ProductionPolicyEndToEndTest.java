package dev.cutover.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import dev.cutover.cli.CommandRuns.Result;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.cutover.cli.CommandRuns.cutover;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A policy as an operator deploys it, run through a scenario: its files under a production folder the scenario
 * maps, its environment from the scenario, its queues named from headers the scenario's templates give, and the
 * lint of what it would get wrong in the run's output, report and explain.
 */
class ProductionPolicyEndToEndTest extends OnE2eEstate {
    private static final String POLICY = """
            -- Loaded from the operator's folder, as in production.
            package.path = '/srv/acme/kumo/lib/?.lua;' .. package.path
            local naming = require 'naming'
            local ENV = os.getenv 'ACME_ENV' or 'staging'
            local shaping = kumo.shaping.load { '/srv/acme/kumo/etc/' .. ENV .. '/shaping.toml' }
            local retry = {}
            for _, file in ipairs(kumo.glob('/srv/acme/kumo/etc/' .. ENV .. '/tenants/*.toml')) do
              local tenant = kumo.toml_load(file)
              retry[tenant.name] = tenant.retry_interval
            end

            kumo.on('init', function()
              kumo.define_spool { name = 'data', path = '/var/spool/kumomta/data' }
              kumo.start_esmtp_listener { listen = '0.0.0.0:25' }
            end)

            kumo.on('smtp_server_message_received', function(msg)
              local route = kumo.string.split(msg:get_first_named_header_value('X-Route') or 'acme/none', '/')
              msg:set_meta('tenant', msg:get_first_named_header_value('X-Tenant'))
              msg:set_meta('campaign', naming.campaign(route[2]))
            end)

            kumo.on('get_queue_config', function(domain, campaign, tenant, routing_domain)
              return kumo.make_queue_config { egress_pool = 'pool', retry_interval = retry[tenant] or '20m' }
            end)

            """;
    /** Where the end-to-end estate's own policy starts its pool, source and path handlers, which this one shares. */
    private static final String SHARED_HANDLERS = "kumo.on('get_egress_pool'";

    private static Path deployed(String name, boolean mapped) throws IOException {
        final Path copy = dir.resolve(name);
        CommandRuns.copy(estate, copy);
        Files.createDirectories(copy.resolve("deployed/policy"));
        final String estatePolicy = Files.readString(copy.resolve("kumo/init.lua"));
        Files.writeString(copy.resolve("deployed/policy/init.lua"),
                POLICY + estatePolicy.substring(estatePolicy.indexOf(SHARED_HANDLERS)));
        final Path etc = Files.createDirectories(copy.resolve("deployed/acme/etc/production/tenants"));
        Files.copy(copy.resolve("kumo/shaping.toml"), etc.resolve("../shaping.toml"));
        Files.writeString(etc.resolve("pool.toml"), "name = 'pool'\nretry_interval = '15m'\n");
        Files.createDirectories(copy.resolve("deployed/acme/lib"));
        Files.writeString(copy.resolve("deployed/acme/lib/naming.lua"),
                "return { campaign = function(stream) return 'stream-' .. stream end }\n");
        final String scenario = Files.readString(copy.resolve("scenario.toml"))
                .replace("policy = \"kumo/init.lua\"", "policy = \"deployed/policy/init.lua\"")
                .replace("[receivers]", (mapped ? "[kumomta.paths]\n\"/srv/acme/kumo\" = \"deployed/acme\"\n" : "")
                        + "[kumomta.env]\nACME_ENV = \"production\"\n"
                        + "[kumomta.headers]\n\"X-Tenant\" = \"{binding_group}\"\n\"X-Route\" = \"acme/{binding}\"\n"
                        + "[receivers]");
        Files.writeString(copy.resolve("scenario.toml"), scenario);
        return copy;
    }

    @Test
    void run_policyAsDeployed_runsUnchangedAndListsWhatItWouldGetWrong() throws IOException {
        final Path scenario = deployed("mapped", true);

        final Result run = cutover("run", scenario.toString(), "--out", dir.resolve("out").toString());
        final Result explain = cutover("explain", scenario.toString(), "gmail.com");

        assertTrue(run.status() == 0 || run.status() == 1, run.err());
        final String swapped = "init.lua:23: get_queue_config handler: parameter 2 is named campaign, but kumod "
                + "passes tenant there (domain, tenant, campaign, routing_domain, in that order), so campaign holds "
                + "the tenant";
        assertTrue(run.out().contains("lint: " + swapped), run.out());
        final JsonArray lint = JsonParser.parseString(Files.readString(dir.resolve("out/report.json")))
                .getAsJsonObject().getAsJsonArray("lint");
        final List<String> findings = new ArrayList<>();
        lint.forEach(finding -> findings.add(finding.getAsString()));
        assertTrue(findings.contains(swapped), findings.toString());
        assertTrue(explain.out().contains("lint: " + swapped), explain.out());
        assertTrue(explain.out().contains("get_queue_config(\"gmail.com\", tenant \"pool\", campaign "
                + "\"stream-pool-a\")"), "the hook named the queue from the templated headers: " + explain.out());
        assertTrue(explain.out().contains("retry_interval                        20m  [init.lua:24]"),
                "the swapped parameters look up the campaign as a tenant, so the tenant file's 15m never applies");
        assertEquals(0, explain.status(), explain.err());
    }

    @Test
    void explain_policyWithAnHttpHook_showsTheQueueEachReceptionEventNames() throws IOException {
        final Path scenario = deployed("http-hook", true);
        final Path init = scenario.resolve("deployed/policy/init.lua");
        Files.writeString(init, Files.readString(init) + "\nkumo.on('http_message_generated', function(msg)\n"
                + "  msg:set_meta('tenant', 'api')\n  msg:set_meta('campaign', msg:get_meta('http_auth'))\nend)\n");

        final String explained = cutover("explain", scenario.toString(), "gmail.com").out();
        final Path toml = scenario.resolve("scenario.toml");
        Files.writeString(toml, Files.readString(toml).replace("[kumomta.paths]",
                "http_auth = \"injector-{binding_group}\"\n[kumomta.paths]"));
        final String named = cutover("explain", scenario.toString(), "gmail.com").out();

        assertTrue(explained.contains("KumoMTA reception: smtp_server_message_received puts the message in the "
                + "queue stream-pool-a:pool@gmail.com"), explained);
        assertTrue(explained.contains("get_queue_config(\"gmail.com\", tenant \"pool\", campaign "
                + "\"stream-pool-a\")"), explained);
        assertTrue(explained.contains("KumoMTA reception: http_message_generated puts the message in the queue "
                + "127.0.0.1:api@gmail.com"), "http_auth defaults to the loopback injector's address: " + explained);
        assertTrue(named.contains("get_queue_config(\"gmail.com\", tenant \"api\", campaign \"injector-pool\")"),
                "[kumomta] http_auth is a template: " + named);
    }

    @Test
    void run_productionFolderNotMapped_exitsTwoSayingHowToMapIt() throws IOException {
        final Path scenario = deployed("unmapped", false);

        final Result run = cutover("run", scenario.toString(), "--out", dir.resolve("unmapped-out").toString());

        assertEquals(2, run.status(), run.out());
        assertTrue(run.err().contains("/srv/acme/kumo/lib/naming.lua is outside the policy folder")
                && run.err().contains("[kumomta.paths]"), run.err());
    }
}
