package dev.cutover.sim.kumo;

import dev.cutover.ingest.Attempt;
import dev.cutover.ingest.Completeness;
import dev.cutover.ingest.MessageRecord;
import dev.cutover.ingest.Outcome;
import dev.cutover.kumo.HarnessOptions;
import dev.cutover.kumo.LuaKumoPolicy;
import dev.cutover.kumo.MxFixture;
import dev.cutover.sim.CapacityReceiver;
import dev.cutover.sim.DomainSnapshot;
import dev.cutover.sim.ReceiverParameters;
import dev.cutover.sim.SiteCapacity;
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

/**
 * Traffic Shaping Automation in the KumoMTA model, with expected values worked out from kumomta.md §3.7–3.8: a
 * policy whose shaping file carries automation rules, replies scripted per attempt, and TSA's default delays (3 s
 * for suspensions, 60 s for overrides). The queue retries after 10 minutes, doubling, with a jitter under 15 s.
 */
class KumoAutomationTest {
    private static final ReceiverParameters SINK = new ReceiverParameters(10_000, 100_000);
    private static final String DOMAIN = "tsa.example";
    private static final long MINUTE_MICROS = 60 * SECOND;
    private static final String POLICY = """
            local shaping = kumo.shaping.load({ 'shaping.toml' })
            kumo.on('get_queue_config', function(domain, tenant)
              return kumo.make_queue_config { egress_pool = 'p', retry_interval = '10m', max_age = '1d' }
            end)
            kumo.on('get_egress_pool', function(name)
              return kumo.make_egress_pool { name = name, entries = { { name = 'ip-1' } } }
            end)
            kumo.on('get_egress_source', function(name) return kumo.make_egress_source { name = name } end)
            kumo.on('get_egress_path_config', function(domain, source, site)
              return kumo.make_egress_path(shaping:get_egress_path_config(domain, source, site))
            end)
            """;

    @TempDir
    Path folder;

    private KumoModel model(String shaping, KumoParameters parameters) throws IOException {
        Files.writeString(folder.resolve("init.lua"), POLICY);
        Files.writeString(folder.resolve("shaping.toml"), shaping);
        final LuaKumoPolicy policy = LuaKumoPolicy.load(folder.resolve("init.lua"), MxFixture.empty(),
                HarnessOptions.defaults());
        return new KumoModel(policy, parameters, SINK, 1);
    }

    /** A message received at {@code at} that the receiver first defers with {@code deferral}, then accepts. */
    private static MessageRecord deferredOnce(int id, long at, String deferral) {
        final List<Attempt> attempts = List.of(
                new Attempt(at + SECOND, Outcome.TRANSIENT, 421, deferral, 0, 1.0, "c0", "retail", "b", -1, "x"),
                new Attempt(at + 2 * SECOND, Outcome.DELIVERED, 250, "", 1, 1.0, "c1", "retail", "b", -1, "x"));
        return new MessageRecord(at, "", "id-" + id, DOMAIN, DOMAIN, "news.example.com", "retail", "b", 1000,
                attempts, Completeness.COMPLETE);
    }

    /** A [TS04] deferral at T0, then four messages 10 s apart that the receiver takes. */
    private static List<MessageRecord> deferredThenFour() {
        final List<MessageRecord> messages = new ArrayList<>();
        messages.add(deferredOnce(0, T0, "421 4.7.0 [TS04] try later"));
        for (int i = 1; i <= 4; i++) {
            messages.add(Traffic.message(i, DOMAIN, "b", T0 + i * 10 * SECOND, Outcome.DELIVERED));
        }
        return messages;
    }

    private static DomainSnapshot replay(KumoModel model, List<MessageRecord> messages) {
        return Traffic.replay(model, messages, DOMAIN);
    }

    @Test
    void suspend_oneMatchingDeferral_holdsTheOnlySourceForTheRuleDuration() throws IOException {
        final KumoModel model = model("""
                ["tsa.example"]
                [["tsa.example".automation]]
                regex = '\\[TS04\\]'
                action = "Suspend"
                duration = "1h"
                """, KumoParameters.defaults().withTsa(true));
        final List<MessageRecord> messages = deferredThenFour();

        final DomainSnapshot snapshot = replay(model, messages);

        assertEquals(5, snapshot.delivered());
        assertEquals(15, snapshot.transientFailures(), "1 from the receiver; then each message fails inside kumod at "
                + "+10m and +30m (no eligible source) and goes through after the hour, near +70m");
        assertTrue(model.metrics().domain(DOMAIN).firstDeliveryMinute() * 60 >= T0 / SECOND + 3600,
                "nothing is delivered before the hour of suspension is over");
        final String explained = model.metrics().governing(DOMAIN, "delivered_per_minute");
        assertTrue(explained.contains("TSA: shaping.toml:1 [\"tsa.example\"] (site tsa.example) automation[0] "
                + "(Suspend) fired 1 time"), explained);
    }

    @Test
    void matchInternal_noEligibleSource_firesOnKumodsOwnFailure() throws IOException {
        // kumod logs the failure with no source and no site, so TSA looks only at default, provider and
        // unrolled domain rules for it, never at the rules of the domain's site block.
        final String rules = """
                ["tsa.example"]
                [["tsa.example".automation]]
                regex = '\\[TS04\\]'
                action = "Suspend"
                duration = "1h"
                ["default"]
                [["default".automation]]
                regex = "are eligible for selection"
                action = "Bounce"
                duration = "1h"
                """;
        final List<MessageRecord> messages = deferredThenFour();

        final KumoModel internal = model(rules + "match_internal = true\n", KumoParameters.defaults().withTsa(true));
        final DomainSnapshot bounced = replay(internal, messages);
        final DomainSnapshot waited = replay(model(rules, KumoParameters.defaults().withTsa(true)), messages);

        // The message at +10 s finds the only source suspended: kumod's own "no sources ... eligible" failure
        // fires the Bounce rule, which bounces every later promotion for an hour, retries included.
        assertEquals(5, bounced.bounced());
        assertEquals(0, bounced.delivered());
        assertTrue(internal.metrics().governing(DOMAIN, "delivered_per_minute").contains("[\"default\"] "
                + "automation[0] (Bounce) fired 1 time"), internal.metrics().governing(DOMAIN, "delivered_per_minute"));
        assertTrue(internal.metrics().governing(DOMAIN, "delivered_per_minute").endsWith("; its bounce actions "
                + "bounced 5 messages"), internal.metrics().governing(DOMAIN, "delivered_per_minute"));
        // Without match_internal the rule never sees it, and every message goes out after the suspension.
        assertEquals(5, waited.delivered());
    }

    @Test
    void setConfig_thresholdReached_limitsTheSourcesRateUntilTheOverrideExpires() throws IOException {
        final String shaping = """
                ["tsa.example"]
                [["tsa.example".automation]]
                regex = "RL0000"
                action = { SetConfig = { name = "max_message_rate", value = "1/min" } }
                trigger = { Threshold = "2/hr" }
                duration = "2h"
                """;
        final List<MessageRecord> messages = new ArrayList<>();
        messages.add(deferredOnce(0, T0, "421 4.7.0 RL000001 slow down"));
        messages.add(deferredOnce(1, T0 + SECOND, "421 4.7.0 RL000001 slow down"));
        messages.addAll(Traffic.burst(10, DOMAIN, "b", T0 + 120 * SECOND));

        final DomainSnapshot on = replay(model(shaping, KumoParameters.defaults().withTsa(true)), messages);
        final DomainSnapshot off = replay(model(shaping, KumoParameters.defaults()), messages);

        assertEquals(12, on.delivered());
        assertEquals(1, on.peakDeliveredPerMinute(), "the override of 1/min holds every later delivery apart");
        assertEquals(10, off.peakDeliveredPerMinute(), "without TSA the burst goes out in its minute");
    }

    @Test
    void suspendTenant_holdsTheTenantsQueueAndNeedsATenant() throws IOException {
        final String shaping = """
                ["tsa.example"]
                [["tsa.example".automation]]
                regex = "RL000010"
                action = "SuspendTenant"
                duration = "5 minutes"
                """;
        final List<MessageRecord> messages = new ArrayList<>();
        messages.add(deferredOnce(0, T0, "421 4.7.0 RL000010 domain throttled"));
        for (int i = 1; i <= 3; i++) {
            messages.add(Traffic.message(i, DOMAIN, "b", T0 + i * 10 * SECOND, Outcome.DELIVERED));
        }
        final KumoParameters tsa = KumoParameters.defaults().withTsa(true);

        final DomainSnapshot tenant = replay(model(shaping, tsa), messages);
        final DomainSnapshot noTenant = replay(model(shaping, tsa.withTenantField("none")), messages);

        assertEquals(4, tenant.delivered());
        assertEquals(4, tenant.transientFailures(), "the receiver's deferral, then one failure inside kumod for "
                + "each message promoted while the tenant's queue was suspended");
        assertEquals(1, noTenant.transientFailures(), "a queue without a tenant is not suspended");
    }

    @Test
    void suspend_firedByTheRateSensitiveReceiversDeferral_whenTheModelSendsFasterThanTheLog() throws IOException {
        final KumoModel model = model("""
                ["tsa.example"]
                [["tsa.example".automation]]
                regex = '\\[TS04\\]'
                action = "Suspend"
                duration = "30m"
                """, KumoParameters.defaults().withTsa(true));
        model.receivedBy(new CapacityReceiver(Map.of(DOMAIN,
                new SiteCapacity(2, 0, 421, "421 4.7.0 [TS04] too fast"))));

        final DomainSnapshot snapshot = replay(model, Traffic.burst(5, DOMAIN, "b", T0));

        assertEquals(5, snapshot.delivered(), "every message goes in the end");
        assertEquals(2, snapshot.peakDeliveredPerMinute());
        assertTrue(model.metrics().governing(DOMAIN, "delivered_per_minute").contains("(Suspend) fired"),
                "the receiver's own deferral is what the rule matched");
        assertTrue(model.metrics().domain(DOMAIN).firstDeliveryMinute() <= T0 / MINUTE_MICROS);
    }
}
