package dev.cutover.sim.momentum;

import dev.cutover.ingest.MessageRecord;
import dev.cutover.ingest.Outcome;
import dev.cutover.sim.Destinations;
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

/**
 * Adaptive Delivery in the Momentum model, with expected values worked by hand from the rules in
 * {@link AdaptiveState}'s comment. The receiver answers in 10 ms and connects in 100 ms; T0 lies on a minute.
 */
class MomentumAdaptiveTest {
    private static final ReceiverParameters RECEIVER = new ReceiverParameters(10_000, 100_000);
    /** The module's timers with no fuzz after a suspension, so release times are exact. */
    private static final AdaptiveModule NO_FUZZ = new AdaptiveModule(60, 3600, 60, 0, 3600, 2000, "test");
    private static final String DOMAIN = "example.com";

    @TempDir
    Path folder;

    private AdaptiveRules rules(String responses, String configuration) throws IOException {
        final Path file = folder.resolve("custom_ad.lua");
        Files.writeString(file, "msys.adaptive.registerRules({ [\"example.com\"] = { responses = { " + responses
                + " }, configuration = { " + configuration + " } } })\n");
        return AdaptiveRulesLoader.load(List.of(file));
    }

    private static MomentumModel model(QueueSettings settings, AdaptiveRules rules) {
        return model(settings, rules, NO_FUZZ);
    }

    private static MomentumModel model(QueueSettings settings, AdaptiveRules rules, AdaptiveModule module) {
        final MomentumShaping shaping = new MomentumShaping() {
            @Override
            public QueueSettings settings(String bindingGroup, String binding, String domain) {
                return settings;
            }

            @Override
            public AdaptiveModule adaptiveModule() {
                return module;
            }
        };
        final MomentumModel model = new MomentumModel(shaping, MomentumParameters.defaults(), RECEIVER,
                Destinations.EACH_DOMAIN);
        model.adaptWith(new AdaptiveDelivery(rules, AdaptiveParameters.defaults(), 7));
        return model;
    }

    private static QueueSettings settings(long connections, QueueSettings.Throttle throttle, long deliveries,
                                          long retryInterval) {
        return MomentumRulesTest.settings(connections, throttle, deliveries, retryInterval, 43_200, 86_400, -1);
    }

    private static QueueSettings adaptive(QueueSettings settings) {
        return settings.withAdaptive(QueueSettings.Adaptive.unbounded("test"));
    }

    private static DomainSnapshot replay(MomentumModel model, List<MessageRecord> messages, long horizonSeconds) {
        messages.forEach(model::accept);
        model.finish(T0 + horizonSeconds * SECOND);
        return model.metrics().domain(DOMAIN).snapshot();
    }

    /** One deferral at T0, then four messages a second apart, all delivered on their next attempt. */
    private static List<MessageRecord> deferralThenFour(Outcome first) {
        final List<MessageRecord> messages = new ArrayList<>();
        messages.add(Traffic.message(0, DOMAIN, "b1", T0, first, Outcome.DELIVERED));
        for (int i = 1; i <= 4; i++) {
            messages.add(Traffic.message(i, DOMAIN, "b1", T0 + i * SECOND, Outcome.DELIVERED));
        }
        return messages;
    }

    @Test
    void suspend_holdsEveryMessageUntilTheSweepAfterItEnds() throws IOException {
        final AdaptiveRules rules = rules("{ code = '^451', trigger = '1', action = { 'suspend', '10 minutes' } }",
                "");
        final MomentumModel model = model(adaptive(settings(1, null, 0, 60)), rules);

        final DomainSnapshot result = replay(model, deferralThenFour(Outcome.TRANSIENT), 100_000);

        // The 451 comes at 0.11 s: suspended until 600.11 s, lifted by the sweep at 660 s. The deferred message
        // and the four that arrive meanwhile (each temp-failed once) wait for 660 s, then go out on one connection.
        assertEquals(5, result.delivered());
        assertEquals(5, result.transientFailures());
        assertEquals(660.15, result.drainSeconds(), 1e-9);
        assertEquals(Map.of(DOMAIN, Map.of("rule \"^451\" [custom_ad.lua:1 \"example.com\" #1] -> suspend 10 minutes",
                1L)), model.adaptiveEvents());
    }

    @Test
    void suspend_adaptiveDisabled_rulesDoNothing() throws IOException {
        final AdaptiveRules rules = rules("{ code = '^451', trigger = '1', action = { 'suspend', '10 minutes' } }",
                "");
        final MomentumModel model = model(settings(1, null, 0, 60), rules);

        final DomainSnapshot result = replay(model, deferralThenFour(Outcome.TRANSIENT), 100_000);

        // The deferred message retries after 60 s, on the delayed queue's 15 s scan: 75 s, delivered at 75.11 s.
        assertEquals(1, result.transientFailures());
        assertEquals(75.11, result.drainSeconds(), 1e-9);
        assertEquals(Map.of(), model.adaptiveEvents());
    }

    @Test
    void throttleDown_halvesTheBindingDomainsThrottle() throws IOException {
        final AdaptiveRules rules = rules("{ code = '^550', trigger = '1', action = { 'throttle', 'down' } }", "");
        final QueueSettings.Throttle perMinute = new QueueSettings.Throttle(60, 60, "group::example.com", "test");
        final List<MessageRecord> messages = new ArrayList<>();
        messages.add(Traffic.message(0, DOMAIN, "b1", T0, Outcome.PERMANENT));
        messages.addAll(Traffic.burst(199, DOMAIN, "b1", T0).stream().map(m -> Traffic.message(1 + messages.size(),
                DOMAIN, "b1", T0, Outcome.DELIVERED)).toList());

        final MomentumModel plain = model(settings(1, perMinute, 0, 1200), rules);
        final MomentumModel managed = model(adaptive(settings(1, perMinute, 0, 1200)), rules);
        final DomainSnapshot before = replay(plain, messages, 3000);
        final DomainSnapshot after = replay(managed, messages, 3000);

        // 60/60 s: 59 tokens left after the bounce, then one a second for the other 140: the last at about 140 s.
        assertEquals(140, before.drainSeconds(), 1);
        // Throttled down to 1800/hour, as 30/60 s: 30 at once, then one every 2 s for the other 169: about 338 s.
        assertEquals(338, after.drainSeconds(), 1);
        assertEquals(199, after.delivered());
        assertTrue(managed.metrics().governing(DOMAIN, "connections").contains(
                "Adaptive Delivery left b1 with outbound_throttle_messages 1800/hour at the end "
                        + "(configured: 3600/hour)"),
                managed.metrics().governing(DOMAIN, "connections"));
    }

    @Test
    void reduceConnections_onceWithinTheAdjustmentInterval_thenRisesHourly() throws IOException {
        final AdaptiveRules rules = rules("{ code = '^451', trigger = '1', action = { 'reduce_connections', 2 } }",
                "");
        final List<MessageRecord> threeDeferrals = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            threeDeferrals.add(Traffic.message(i, DOMAIN, "b1", T0, Outcome.TRANSIENT, Outcome.DELIVERED));
        }

        final MomentumModel early = model(adaptive(settings(4, null, 0, 60)), rules);
        replay(early, threeDeferrals, 3000);
        final MomentumModel later = model(adaptive(settings(4, null, 0, 60)), rules);
        replay(later, threeDeferrals, 3700);

        // Three 451s within a second: the first takes 4 down to 2, the others fall inside the 60 s interval.
        assertTrue(early.metrics().governing(DOMAIN, "connections").contains(
                "max_outbound_connections 2 at the end (configured: 4)"),
                early.metrics().governing(DOMAIN, "connections"));
        assertEquals(1L, early.adaptiveEvents().get(DOMAIN).values().iterator().next());
        // An hour without a decrease raises it a step.
        assertTrue(later.metrics().governing(DOMAIN, "connections").contains(
                "max_outbound_connections 3 at the end, 2 at the lowest (configured: 4)"),
                later.metrics().governing(DOMAIN, "connections"));
    }

    @Test
    void trigger_threeInAMinute_firesOnTheThird() throws IOException {
        final AdaptiveRules rules = rules("{ code = '^451', trigger = '3/60', action = { 'suspend', '1 hours' } }",
                "");
        final List<MessageRecord> two = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            two.add(Traffic.message(i, DOMAIN, "b1", T0 + i * SECOND, Outcome.TRANSIENT, Outcome.DELIVERED));
        }
        final List<MessageRecord> three = new ArrayList<>(two);
        three.add(Traffic.message(2, DOMAIN, "b1", T0 + 2 * SECOND, Outcome.TRANSIENT, Outcome.DELIVERED));

        final MomentumModel twice = model(adaptive(settings(1, null, 0, 60)), rules);
        replay(twice, two, 100_000);
        final MomentumModel thrice = model(adaptive(settings(1, null, 0, 60)), rules);
        final DomainSnapshot result = replay(thrice, three, 100_000);

        assertEquals(Map.of(), twice.adaptiveEvents());
        assertEquals(1L, thrice.adaptiveEvents().get(DOMAIN).values().iterator().next());
        // The third 451 comes at 2.11 s; the suspension ends at 3602.11 s and is lifted by the sweep at 3660 s.
        assertEquals(3660.13, result.drainSeconds(), 1e-9);
    }

    @Test
    void transcode_permanentFailureBecomesADeferral() throws IOException {
        final AdaptiveRules rules = rules("{ code = '^550', trigger = '1', action = { 'transcode', '454' } }", "");
        final List<MessageRecord> messages = List.of(Traffic.message(0, DOMAIN, "b1", T0, Outcome.PERMANENT,
                Outcome.DELIVERED));

        final DomainSnapshot plain = replay(model(settings(1, null, 0, 60), rules), messages, 100_000);
        final DomainSnapshot managed = replay(model(adaptive(settings(1, null, 0, 60)), rules), messages, 100_000);

        assertEquals(1, plain.bounced());
        assertEquals(0, managed.bounced());
        assertEquals(1, managed.delivered());
        assertEquals(1, managed.transientFailures());
    }

    @Test
    void blackhole_discardsWhatArrivesWhileItLasts() throws IOException {
        final AdaptiveRules rules = rules("{ code = '^451', trigger = '1', action = { 'blackhole', '1 hours' } }",
                "");

        final DomainSnapshot result = replay(model(adaptive(settings(1, null, 0, 60)), rules),
                deferralThenFour(Outcome.TRANSIENT), 100_000);

        // The four later arrivals and the deferred message's retry at 75 s all meet the blackhole.
        assertEquals(0, result.delivered());
        assertEquals(5, result.bounced());
    }

    @Test
    void configuration_forcesDeliveriesPerConnection() throws IOException {
        final AdaptiveRules rules = rules("", "max_deliveries_per_connection = 5");
        final List<MessageRecord> messages = Traffic.burst(20, DOMAIN, "b1", T0);

        final DomainSnapshot result = replay(model(adaptive(settings(1, null, 0, 60)), rules), messages, 100_000);

        assertEquals(20, result.delivered());
        assertEquals(4L, result.connectionsOpened());
    }

    @Test
    void configuration_functionReadsTheBindingAge() throws IOException {
        final AdaptiveRules rules = rules("", "outbound_throttle_messages = function(curr, last, age, mc) "
                + "return math.floor(age / 86400) * 100 end");
        final MomentumModel model = model(adaptive(settings(1, null, 0, 60)), rules);

        replay(model, Traffic.burst(1, DOMAIN, "b1", T0), 1000);

        // The binding is taken as 365 days old: 36500 messages an hour.
        assertTrue(model.metrics().governing(DOMAIN, "connections").contains(
                "outbound_throttle_messages 36500/hour at the end (configured: unset)"),
                model.metrics().governing(DOMAIN, "connections"));
    }

    @Test
    void bounds_clipTheConfiguredConnections() {
        final QueueSettings bounded = settings(4, null, 0, 60).withAdaptive(new QueueSettings.Adaptive("test",
                new QueueSettings.Bounds(1, 2, "test"), null, null, null, null, List.of()));

        final DomainSnapshot result = replay(model(bounded, AdaptiveRules.NONE), Traffic.burst(100, DOMAIN, "b1", T0),
                100_000);

        assertEquals(2L, result.peakConnections());
    }

    @Test
    void configuration_throttleOfZero_meansNone() throws IOException {
        final AdaptiveRules rules = rules("", "outbound_throttle_messages = 0");
        final QueueSettings.Throttle perMinute = new QueueSettings.Throttle(1, 60, "group::example.com", "test");

        final DomainSnapshot result = replay(model(adaptive(settings(1, perMinute, 0, 60)), rules),
                Traffic.burst(10, DOMAIN, "b1", T0), 3000);

        // No throttle: ten messages one after another on one connection, 0.1 s to connect, 10 ms each.
        assertEquals(10, result.delivered());
        assertEquals(0.2, result.drainSeconds(), 1e-9);
    }

    @Test
    void configuration_functionReturningNaN_namesTheEntry() throws IOException {
        final AdaptiveRules rules = rules("", "max_outbound_connections = function() return 0/0 end");

        final dev.cutover.kumo.PolicyException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.cutover.kumo.PolicyException.class, () -> replay(model(adaptive(settings(1, null, 0, 60)),
                        rules), Traffic.burst(1, DOMAIN, "b1", T0), 3000));

        assertTrue(e.getMessage().contains("max_outbound_connections function returned nan, not a finite number"),
                e.getMessage());
        assertTrue(e.getMessage().contains("custom_ad.lua:1 \"example.com\" configuration"), e.getMessage());
    }

    @Test
    void transcode_toA5xx_makesADeferralPermanent() throws IOException {
        final AdaptiveRules rules = rules("{ code = '^451', trigger = '1', action = { 'transcode', '554 5.7.1 no' } }",
                "");

        final DomainSnapshot result = replay(model(adaptive(settings(1, null, 0, 60)), rules),
                List.of(Traffic.message(0, DOMAIN, "b1", T0, Outcome.TRANSIENT, Outcome.DELIVERED)), 100_000);

        assertEquals(1, result.bounced());
        assertEquals(0, result.delivered());
    }

    @Test
    void transcode_permanentMadeTemporary_triesAgainUntilItExpires() throws IOException {
        final AdaptiveRules rules = rules("{ code = '^550', trigger = '1', action = { 'transcode', '451 later' } }",
                "");
        final QueueSettings threeRetries = MomentumRulesTest.settings(1, null, 0, 60, 43_200, 86_400, 3);

        final DomainSnapshot result = replay(model(adaptive(threeRetries), rules),
                List.of(Traffic.message(0, DOMAIN, "b1", T0, Outcome.PERMANENT)), 100_000);

        // The 550 comes again on every try, made temporary each time, until max_retries 3 is passed.
        assertEquals(0, result.bounced());
        assertEquals(0, result.unresolved());
        assertEquals(1, result.expired());
        assertEquals(4, result.transientFailures());
    }

    private static MessageRecord bounced(int id, int bounceClass) {
        return new MessageRecord(T0, "", "b-" + id, DOMAIN, DOMAIN, "s.example", "g", "b1", 1, List.of(
                new dev.cutover.ingest.Attempt(T0 + SECOND, Outcome.PERMANENT, 550, "550 5.1.1 unknown user", 0, 1.0,
                        "c", "g", "b1", 4, "10.0.0.1", bounceClass)), dev.cutover.ingest.Completeness.COMPLETE);
    }

    /**
     * Seventeen deliveries and three bounces of {@code bounceClass} (0 for none) at the start, then a delivery
     * received at 700 s.
     */
    private static List<MessageRecord> threeBouncesInTwenty(int bounceClass) {
        final List<MessageRecord> messages = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            messages.add(Traffic.message(i, DOMAIN, "b1", T0, Outcome.DELIVERED));
        }
        for (int i = 17; i < 20; i++) {
            messages.add(bounced(i, bounceClass));
        }
        messages.add(Traffic.message(20, DOMAIN, "b1", T0 + 700 * SECOND, Outcome.DELIVERED));
        return messages;
    }

    @Test
    void bounceSweep_invalidRecipientsPastTenPercent_suspendForFourHours() {
        final AdaptiveModule sweepEveryTenMinutes = new AdaptiveModule(60, 3600, 60, 0, 600, 10, "test");
        final List<MessageRecord> classified = threeBouncesInTwenty(10);
        final List<MessageRecord> unclassified = threeBouncesInTwenty(0);

        final DomainSnapshot swept = replay(model(adaptive(settings(1, null, 0, 60)), AdaptiveRules.NONE,
                sweepEveryTenMinutes), classified, 100_000);
        final DomainSnapshot unswept = replay(model(adaptive(settings(1, null, 0, 60)), AdaptiveRules.NONE,
                sweepEveryTenMinutes), unclassified, 100_000);

        // 3 of 20 attempts bounced with class 10: 15%. The sweep 600 s after the first answer (0.11 s) suspends
        // the queue until 15,000.11 s, lifted at 15,060 s; the message received at 700 s waits for it.
        assertEquals(15_060.11, swept.drainSeconds(), 1e-9);
        // Without bounce classes (no bouncelog) the sweep never acts.
        assertEquals(700.11, unswept.drainSeconds(), 1e-9);
    }

    @Test
    void customSweepRule_itsClassesPastItsHighThreshold_takeItsHighAction() {
        final AdaptiveModule sweepEveryTenMinutes = new AdaptiveModule(60, 3600, 60, 0, 600, 10, "test");
        final SweepRules.Rule blocks = new SweepRules.Rule("blocks", java.util.Set.of(21), java.util.Set.of(), 5,
                new AdaptiveAction(AdaptiveAction.Kind.THROTTLE_DOWN, 0, 0, null), 12,
                new AdaptiveAction(AdaptiveAction.Kind.SUSPEND, 3600, 0, null), "test", null);
        final QueueSettings withRule = settings(1, null, 0, 60).withAdaptive(new QueueSettings.Adaptive("test", null,
                null, null, null, null, List.of(blocks)));
        final List<MessageRecord> blocked = threeBouncesInTwenty(21);
        final List<MessageRecord> unknownUsers = threeBouncesInTwenty(10);

        final DomainSnapshot swept = replay(model(withRule, AdaptiveRules.NONE, sweepEveryTenMinutes), blocked,
                100_000);
        final DomainSnapshot unswept = replay(model(withRule, AdaptiveRules.NONE, sweepEveryTenMinutes),
                unknownUsers, 100_000);

        // 3 of 20 attempts bounced with class 21: 15%, past the rule's 12%. The sweep at 600.11 s suspends the
        // queue for one hour, until 4,200.11 s, lifted at 4,260 s; the message received at 700 s waits for it.
        assertEquals(4_260.11, swept.drainSeconds(), 1e-9);
        // Class 10 is not the rule's, and a rule that counts a bounce class replaces the default bounce rule.
        assertEquals(700.11, unswept.drainSeconds(), 1e-9);
    }
}
