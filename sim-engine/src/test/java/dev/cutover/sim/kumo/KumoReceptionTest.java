package dev.cutover.sim.kumo;

import dev.cutover.ingest.MessageRecord;
import dev.cutover.ingest.Outcome;
import dev.cutover.kumo.HarnessOptions;
import dev.cutover.kumo.LuaKumoPolicy;
import dev.cutover.kumo.MxFixture;
import dev.cutover.sim.DomainSnapshot;
import dev.cutover.sim.ReceiverParameters;
import dev.cutover.sim.Traffic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.cutover.sim.Traffic.SECOND;
import static dev.cutover.sim.Traffic.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A policy's smtp_server_message_received decides which messages the KumoMTA model queues, and where. */
class KumoReceptionTest {
    private static final ReceiverParameters SINK = new ReceiverParameters(10_000, 100_000);
    private static final String POLICY = """
            kumo.on('smtp_server_message_received', function(msg)
              local binding = msg:get_first_named_header_value('X-Binding')
              if binding == 'b2' then kumo.reject(550, 'blocked') end
              if binding == 'b3' then msg:set_meta('queue', 'null') end
              msg:set_meta('campaign', binding)
            end)
            kumo.on('get_queue_config', function(domain, tenant, campaign)
              kumo.log_info('queue ' .. table.concat({ campaign or '-', tenant or '-', domain }, ' '))
              return kumo.make_queue_config { egress_pool = 'p' }
            end)
            kumo.on('get_egress_pool', function(name)
              return kumo.make_egress_pool { name = name, entries = { { name = 'ip-1' } } }
            end)
            kumo.on('get_egress_source', function(name)
              return kumo.make_egress_source { name = name }
            end)
            """;

    @TempDir
    Path folder;

    @Test
    void accept_hookRefusesAndDiscards_countedAsRefusedNeverQueuedAndExplained() throws IOException {
        Files.writeString(folder.resolve("init.lua"), POLICY);
        final LuaKumoPolicy policy = LuaKumoPolicy.load(folder.resolve("init.lua"), MxFixture.builtIn(),
                HarnessOptions.defaults());
        final KumoParameters parameters = KumoParameters.defaults().withHeaders(Map.of("X-Binding", "{binding}"));
        final KumoModel model = new KumoModel(policy, parameters, SINK, 1);
        final List<MessageRecord> messages = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            messages.add(Traffic.message(i, "gmail.com", i < 10 ? "b1" : i < 13 ? "b2" : "b3", T0 + i * SECOND,
                    Outcome.DELIVERED));
        }

        final DomainSnapshot gmail = Traffic.replay(model, messages, "gmail.com");

        assertEquals(15, gmail.messages());
        assertEquals(10, gmail.delivered());
        assertEquals(5, gmail.refused());
        assertEquals(0, gmail.unresolved());
        assertEquals(List.of("log_info: queue b1 retail gmail.com"),
                policy.warnings().stream().filter(w -> w.contains("queue ")).toList(),
                "one queue: the refused messages never reach one");
        assertTrue(model.metrics().governing("gmail.com", "delivered_per_minute").endsWith(
                "at reception, 2 messages discarded in the queue \"null\" in smtp_server_message_received, 3 messages "
                        + "refused by kumo.reject(550, \"blocked\") in smtp_server_message_received, never queued"),
                model.metrics().governing("gmail.com", "delivered_per_minute"));
    }

    @Test
    void accept_hookSendingEveryDomainToOneQueue_eachDomainNamesThatQueuesSite() throws IOException {
        Files.writeString(folder.resolve("init.lua"), POLICY.replace("msg:set_meta('campaign', binding)",
                "msg:set_meta('queue', 'retail@gmail.com')"));
        final LuaKumoPolicy policy = LuaKumoPolicy.load(folder.resolve("init.lua"), MxFixture.builtIn(),
                HarnessOptions.defaults());
        final KumoModel model = new KumoModel(policy, KumoParameters.defaults(), SINK, 1);

        model.accept(Traffic.message(1, "yahoo.com", "b1", T0, Outcome.DELIVERED));
        model.accept(Traffic.message(2, "aol.com", "b1", T0 + SECOND, Outcome.DELIVERED));
        model.finish(Long.MAX_VALUE);

        final String gmail = policy.siteName("gmail.com");
        assertEquals(gmail, model.metrics().site("yahoo.com"));
        assertEquals(gmail, model.metrics().site("aol.com"), "the second domain too, though its queue existed");
        assertEquals(1, model.metrics().domain("aol.com").snapshot().delivered());
    }

    @Test
    void accept_messagesInjectedThroughRest_goThroughHttpMessageGeneratedUnlessTheScenarioSaysSmtp()
            throws IOException {
        Files.writeString(folder.resolve("init.lua"), """
                kumo.on('smtp_server_message_received', function(msg) msg:set_meta('campaign', 'smtp') end)
                kumo.on('http_message_generated', function(msg, auth_info) msg:set_meta('campaign', 'api') end)
                """ + POLICY.substring(POLICY.indexOf("kumo.on('get_queue_config'")));
        final List<MessageRecord> messages = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            final MessageRecord m = Traffic.message(i, "gmail.com", "b1", T0 + i * SECOND, Outcome.DELIVERED);
            messages.add(new MessageRecord(m.receptionMicros(), m.node(), m.messageId(), m.recipientDomain(),
                    m.routingDomain(), m.senderDomain(), m.bindingGroup(), m.binding(), m.sizeBytes(), m.attempts(),
                    m.completeness(), i % 2 == 0 ? MessageRecord.REST : "esmtp"));
        }

        final List<String> viaHttp = queues(KumoParameters.defaults(), messages);
        Files.writeString(folder.resolve("init.lua"), Files.readString(folder.resolve("init.lua"))
                .replace("kumo.on('http_message_generated'", "kumo.on('never_fired'"));
        final LuaKumoPolicy smtpOnly = LuaKumoPolicy.load(folder.resolve("init.lua"), MxFixture.builtIn(),
                HarnessOptions.defaults());
        final KumoModel unhooked = new KumoModel(smtpOnly, KumoParameters.defaults(), SINK, 1);
        Traffic.replay(unhooked, messages, "gmail.com");
        final List<String> viaSmtp = queues(KumoParameters.defaults().withRestViaHttp(false), messages);

        assertEquals(List.of("log_info: queue api retail gmail.com", "log_info: queue smtp retail gmail.com"), viaHttp);
        assertEquals(List.of("log_info: queue smtp retail gmail.com"), viaSmtp);
        assertEquals(List.of("init.lua: 2 message(s) Momentum received through its REST API (gmail.com 2) reach "
                + "kumod's HTTP injector, and the policy has no http_message_generated, so nothing its "
                + "smtp_server_message_received decides (tenant, campaign, refusals) applies to them; [kumomta] "
                + "rest_injections = \"smtp\" replays them through the SMTP hook instead"),
                unhooked.findings());
    }

    /** @return the queues the policy was asked about when {@code messages} were replayed with {@code parameters} */
    private List<String> queues(KumoParameters parameters, List<MessageRecord> messages) throws IOException {
        final LuaKumoPolicy policy = LuaKumoPolicy.load(folder.resolve("init.lua"), MxFixture.builtIn(),
                HarnessOptions.defaults());
        Traffic.replay(new KumoModel(policy, parameters, SINK, 1), messages, "gmail.com");
        return policy.warnings().stream().filter(w -> w.contains("queue ")).sorted().toList();
    }

    @Test
    void unappliedPathFindings_domainsOfOneSiteAnsweredDifferently_theLaterOnesSettingsNamedAsNeverApplied()
            throws IOException {
        Files.writeString(folder.resolve("init.lua"), """
                kumo.on('get_egress_path_config', function(routing_domain, egress_source, site_name)
                  if routing_domain == 'outlook.com' then
                    return kumo.make_egress_path { connection_limit = 10 }
                  end
                  return kumo.make_egress_path { connection_limit = 25 }
                end)
                """ + POLICY.substring(POLICY.indexOf("kumo.on('get_queue_config'")));
        final MxFixture shared = MxFixture.parse("\"hotmail.com\" = [\"mx.olc.example\"]\n"
                + "\"outlook.com\" = [\"mx.olc.example\"]\n", "mx.toml");
        final LuaKumoPolicy policy = LuaKumoPolicy.load(folder.resolve("init.lua"), shared, HarnessOptions.defaults());
        final KumoModel model = new KumoModel(policy, KumoParameters.defaults(), SINK, 1);
        final List<MessageRecord> messages = List.of(
                Traffic.message(1, "hotmail.com", "b1", T0, Outcome.DELIVERED),
                Traffic.message(2, "outlook.com", "b1", T0 + SECOND, Outcome.DELIVERED));

        Traffic.replay(model, messages, "outlook.com");

        assertEquals(List.of("init.lua: get_egress_path_config answers outlook.com differently from hotmail.com "
                + "(connection_limit 10 instead of 25), but both send to the site mx.olc.example, whose ready queue "
                + "kumod configures from the domain that reached it first, hotmail.com, so outlook.com's settings "
                + "never apply"), model.findings());
    }
}
