package dev.cutover.sim.momentum;

import dev.cutover.ingest.Attempt;
import dev.cutover.ingest.Completeness;
import dev.cutover.sim.CapacityReceiver;
import dev.cutover.sim.Destinations;
import dev.cutover.sim.SiteCapacity;
import dev.cutover.ingest.MessageRecord;
import dev.cutover.ingest.Outcome;
import dev.cutover.sim.DomainSnapshot;
import dev.cutover.sim.ReceiverParameters;
import dev.cutover.sim.Traffic;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.cutover.sim.Traffic.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MomentumModelTest {
    private static final ReceiverParameters SINK = new ReceiverParameters(10_000, 100_000);

    private static MomentumModel model(MomentumShaping shaping) {
        return new MomentumModel(shaping, MomentumParameters.defaults(), SINK, Destinations.EACH_DOMAIN);
    }

    private static MomentumShaping everywhere(QueueSettings settings) {
        return (group, binding, domain) -> settings;
    }

    @Test
    void maxDeliveriesPerConnection_halfTempfail_countsSuccessesOnly() {
        final QueueSettings s = MomentumRulesTest.settings(1, null, 20, 1200, 43_200, 86_400, -1);
        final List<MessageRecord> messages = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            messages.add(Traffic.message(i, "gmail.com", "b1", T0, Outcome.TRANSIENT, Outcome.DELIVERED));
        }

        final DomainSnapshot result = Traffic.replay(model(everywhere(s)), messages, "gmail.com");

        assertEquals(40, result.delivered());
        assertEquals(3L, result.connectionsOpened());
    }

    @Test
    void maxOutboundConnections_twoBindings_appliesPerPair() {
        final QueueSettings s = MomentumRulesTest.settings(4, null, 0, 1200, 43_200, 86_400, -1);
        final List<MessageRecord> messages = new ArrayList<>(Traffic.burst(1000, "gmail.com", "b1", T0));
        messages.addAll(Traffic.burst(1000, "gmail.com", "b2", T0));

        final DomainSnapshot result = Traffic.replay(model(everywhere(s)), messages, "gmail.com");

        assertEquals(8L, result.peakConnections());
    }

    @Test
    void outboundThrottleMessages_oneStanzaForBothBindings_isOneBudget() {
        final QueueSettings.Throttle shared = new QueueSettings.Throttle(600, 60, "group::gmail.com", "test");
        final QueueSettings s = MomentumRulesTest.settings(10, shared, 0, 1200, 43_200, 86_400, -1);
        final List<MessageRecord> messages = new ArrayList<>(Traffic.burst(1500, "gmail.com", "b1", T0));
        messages.addAll(Traffic.burst(1500, "gmail.com", "b2", T0));

        final DomainSnapshot result = Traffic.replay(model(everywhere(s)), messages, "gmail.com");

        assertEquals(240, result.drainSeconds(), 2);
        assertTrue(result.throttleDelays() > 2350 && result.throttleDelays() <= 2400, "" + result.throttleDelays());
    }

    @Test
    void outboundThrottleMessages_oneStanzaPerBinding_isTwoBudgets() {
        final MomentumShaping perBinding = (group, binding, domain) -> MomentumRulesTest.settings(10,
                new QueueSettings.Throttle(600, 60, binding, "test"), 0, 1200, 43_200, 86_400, -1);
        final List<MessageRecord> messages = new ArrayList<>(Traffic.burst(1500, "gmail.com", "b1", T0));
        messages.addAll(Traffic.burst(1500, "gmail.com", "b2", T0));

        final DomainSnapshot result = Traffic.replay(model(perBinding), messages, "gmail.com");

        assertEquals(90, result.drainSeconds(), 2);
    }

    private static QueueSettings withCaps(QueueSettings s, QueueSettings.Throttle connections, QueueSettings.Cap scope,
                                          QueueSettings.Cap server) {
        return new QueueSettings(s.maxOutboundConnections(), "test", s.messageThrottle(),
                s.maxDeliveriesPerConnection(), "test", s.retryIntervalSeconds(), s.maxRetryIntervalSeconds(),
                s.messageExpirationSeconds(), s.maxRetries(), "test", s.idleTimeoutSeconds(), false, connections,
                scope, server, null, s.adaptive(), s.domainSweep());
    }

    @Test
    void scopeMaxOutboundConnections_oneStanzaForBothBindings_capsThemTogether() {
        final QueueSettings s = withCaps(MomentumRulesTest.settings(4, null, 0, 1200, 43_200, 86_400, -1), null,
                new QueueSettings.Cap(3, "group::gmail.com", "test"), null);
        final List<MessageRecord> messages = new ArrayList<>(Traffic.burst(1000, "gmail.com", "b1", T0));
        messages.addAll(Traffic.burst(1000, "gmail.com", "b2", T0));

        final MomentumModel model = model(everywhere(s));
        final DomainSnapshot result = Traffic.replay(model, messages, "gmail.com");

        assertEquals(3L, result.peakConnections(), "4 per binding, but 3 for the group's bindings together");
        assertEquals(2000, result.delivered());
        assertTrue(model.metrics().governing("gmail.com", "connections").contains("so up to 8, "
                + "scope_max_outbound_connections = 3 shared by the queues that fall back to [test]"));
    }

    @Test
    void serverMaxOutboundConnections_capsEveryQueueOfTheServer() {
        final QueueSettings s = withCaps(MomentumRulesTest.settings(4, null, 0, 1200, 43_200, 86_400, -1), null,
                null, new QueueSettings.Cap(5, "server", "test"));
        final List<MessageRecord> messages = new ArrayList<>(Traffic.burst(1000, "gmail.com", "b1", T0));
        messages.addAll(Traffic.burst(1000, "gmail.com", "b2", T0));

        final DomainSnapshot result = Traffic.replay(model(everywhere(s)), messages, "gmail.com");

        assertEquals(5L, result.peakConnections());
        assertEquals(2000, result.delivered());
    }

    @Test
    void outboundThrottleConnections_onePerMinute_opensOneConnectionForAShortBurst() {
        final QueueSettings unthrottled = MomentumRulesTest.settings(10, null, 0, 1200, 43_200, 86_400, -1);
        final QueueSettings throttled = withCaps(unthrottled, new QueueSettings.Throttle(1, 60, "global", "test"),
                null, null);

        final DomainSnapshot free = Traffic.replay(model(everywhere(unthrottled)),
                Traffic.burst(200, "gmail.com", "b1", T0), "gmail.com");
        final DomainSnapshot limited = Traffic.replay(model(everywhere(throttled)),
                Traffic.burst(200, "gmail.com", "b1", T0), "gmail.com");

        assertEquals(10L, free.connectionsOpened(), "the goal for 200 queued is all 10");
        assertEquals(1L, limited.connectionsOpened(), "one token; the burst is sent before the next is due");
        assertEquals(200, limited.delivered());
    }

    @Test
    void outboundThrottles_messagesAndConnectionsSetInOneStanza_areSeparateBudgets() {
        final QueueSettings.Throttle messages = new QueueSettings.Throttle(1000, 1, "global", "test");
        final QueueSettings s = withCaps(MomentumRulesTest.settings(10, messages, 0, 1200, 43_200, 86_400, -1),
                new QueueSettings.Throttle(1, 60, "global", "test"), null, null);

        final DomainSnapshot result = Traffic.replay(model(everywhere(s)), Traffic.burst(200, "gmail.com", "b1", T0),
                "gmail.com");

        assertEquals(1L, result.connectionsOpened());
    }

    @Test
    void defaults_alwaysDeferred_givesUpAfterSixRetries() {
        final QueueSettings s = MomentumRulesTest.settings(32, null, 0, 1200, 43_200, 86_400, -1);
        final MessageRecord message = Traffic.message(1, "gmail.com", "b1", T0, Outcome.TRANSIENT,
                Outcome.TRANSIENT, Outcome.TRANSIENT, Outcome.TRANSIENT, Outcome.TRANSIENT, Outcome.TRANSIENT,
                Outcome.TRANSIENT, Outcome.TRANSIENT);

        final DomainSnapshot result = Traffic.replay(model(everywhere(s)), List.of(message), "gmail.com");

        assertEquals(1, result.expired());
        assertEquals(7, result.transientFailures());
        assertEquals(75_600, result.latency().max(), 120);
    }

    @Test
    void suspendDelivery_opensNoConnection_messagesWait() {
        final QueueSettings open = MomentumRulesTest.settings(4, null, 0, 1200, 43_200, 86_400, -1);
        final QueueSettings suspended = new QueueSettings(4, "test", null, 0, "test", 1200, 43_200, 86_400, -1,
                "test", 5, false, null, null, null, "test", null, null);

        final DomainSnapshot result = Traffic.replay(model(everywhere(suspended)), Traffic.burst(10, "gmail.com",
                "b1", T0), "gmail.com");

        assertEquals(0, result.delivered());
        assertEquals(10, result.unresolved());
        assertEquals(0L, result.connectionsOpened());
        assertEquals(10, Traffic.replay(model(everywhere(open)), Traffic.burst(10, "gmail.com", "b1", T0),
                "gmail.com").delivered());
    }

    private static MessageRecord deferredThenDelivered(int id, String text, int code) {
        final List<Attempt> attempts = List.of(
                new Attempt(T0 + 1_000_000L, Outcome.TRANSIENT, code, text, 0, 1.0, "c", "g", "b1", -1, ""),
                new Attempt(T0 + 1_300_000_000L, Outcome.DELIVERED, 250, "", 1, 1.0, "c", "g", "b1", -1, ""));
        return new MessageRecord(T0, "", "m-" + id, "gmail.com", "gmail.com", "s.example", "g", "b1", 1, attempts,
                Completeness.COMPLETE);
    }

    @Test
    void answer421_closesTheSession_eachFirstAttemptOnItsOwnConnection() {
        final QueueSettings s = MomentumRulesTest.settings(1, null, 0, 1200, 43_200, 86_400, -1);
        final List<MessageRecord> closing = new ArrayList<>();
        final List<MessageRecord> staying = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            closing.add(deferredThenDelivered(i, "421 4.7.0 [TS01] closing", 421));
            staying.add(deferredThenDelivered(i, "451 4.7.1 try later", 451));
        }

        final DomainSnapshot closed = Traffic.replay(model(everywhere(s)), closing, "gmail.com");
        final DomainSnapshot kept = Traffic.replay(model(everywhere(s)), staying, "gmail.com");

        // Five first attempts, each on a new connection after a 421; the five retries share one.
        assertEquals(6L, closed.connectionsOpened());
        assertEquals(2L, kept.connectionsOpened());
        assertEquals(5, closed.delivered());
    }

    @Test
    void receiverConnectionLimit_refusedAttemptsAreDeferredAndRetried() {
        final QueueSettings s = MomentumRulesTest.settings(4, null, 0, 1200, 43_200, 86_400, -1);
        final MomentumModel model = model(everywhere(s));
        final CapacityReceiver receiver = new CapacityReceiver(java.util.Map.of("gmail.com",
                new SiteCapacity(Long.MAX_VALUE, 2, 421, "421 4.7.0 too many connections")));
        model.receivedBy(receiver);

        final DomainSnapshot result = Traffic.replay(model, Traffic.burst(100, "gmail.com", "b1", T0), "gmail.com");

        assertEquals(100, result.delivered());
        final long refused = receiver.refusedBySite().get("gmail.com");
        assertTrue(refused >= 2, "refused " + refused);
        assertEquals(refused, result.transientFailures());
        assertEquals(2L, result.peakConnections(), "a refused connection never opens");
    }

    @Test
    void connectionFailure_sessionNeverOpens_messageRetriesOnItsSchedule() {
        final QueueSettings s = MomentumRulesTest.settings(1, null, 0, 60, 43_200, 86_400, -1);
        final List<MessageRecord> messages = new ArrayList<>();
        messages.add(new MessageRecord(T0, "", "m-0", "gmail.com", "gmail.com", "s.example", "g", "b1", 1, List.of(
                new Attempt(T0 + 1_000_000L, Outcome.TRANSIENT, 451, "451 4.4.1 [internal] No valid hosts", 0, 1.0,
                        "", "g", "b1", 0, ""),
                new Attempt(T0 + 80_000_000L, Outcome.DELIVERED, 250, "", 1, 1.0, "c", "g", "b1", -1, "10.0.0.1")),
                Completeness.COMPLETE));
        messages.add(Traffic.message(1, "gmail.com", "b1", T0, Outcome.DELIVERED));
        messages.add(Traffic.message(2, "gmail.com", "b1", T0, Outcome.DELIVERED));

        final DomainSnapshot result = Traffic.replay(model(everywhere(s)), messages, "gmail.com");

        // The first connection fails at 0.1 s and never counts as open; a second carries the other two at 0.21 and
        // 0.22 s. The failed message retries after 60 s, on the 15 s scan at 75 s, over a third: 75.11 s.
        assertEquals(3, result.delivered());
        assertEquals(1, result.transientFailures());
        assertEquals(2L, result.connectionsOpened());
        assertEquals(75.11, result.drainSeconds(), 1e-9);
    }

    /** A message whose first attempt never reached SMTP (no MX answered) and whose second was delivered. */
    private static MessageRecord unreachableThenDelivered(int id, long receptionMicros) {
        return new MessageRecord(receptionMicros, "", "u-" + id, "gmail.com", "gmail.com", "s.example", "g", "b1", 1,
                List.of(new Attempt(receptionMicros + 1_000_000L, Outcome.TRANSIENT, 451,
                                "451 4.4.1 [internal] No valid hosts", 0, 1.0, "", "g", "b1", 0, ""),
                        new Attempt(receptionMicros + 80_000_000L, Outcome.DELIVERED, 250, "", 1, 1.0, "c", "g", "b1",
                                -1, "10.0.0.1")), Completeness.COMPLETE);
    }

    /** Three messages whose first connection fails, then seven that are delivered, all received at once. */
    private static List<MessageRecord> threeUnreachableThenSeven() {
        final List<MessageRecord> messages = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            messages.add(unreachableThenDelivered(i, T0));
        }
        messages.addAll(Traffic.burst(7, "gmail.com", "b1", T0));
        return messages;
    }

    private static QueueSettings sweeping(long mxFailures, long connectTimeoutSeconds) {
        final QueueSettings s = MomentumRulesTest.settings(1, null, 0, 60, 43_200, 86_400, -1);
        return new QueueSettings(s.maxOutboundConnections(), "test", null, 0, "test", s.retryIntervalSeconds(),
                s.maxRetryIntervalSeconds(), s.messageExpirationSeconds(), s.maxRetries(), "test",
                s.idleTimeoutSeconds(), false, null, null, null, null, null, new QueueSettings.DomainSweep(mxFailures,
                "conf:7", connectTimeoutSeconds, "conf:8"));
    }

    @Test
    void mxFailuresToDelay_threeFailedConnectionsInARow_sweepTheActiveQueue() {
        final List<MessageRecord> messages = threeUnreachableThenSeven();
        final MomentumModel model = model(everywhere(sweeping(3, 900)));

        final DomainSnapshot result = Traffic.replay(model, messages, "gmail.com");

        // One connection at a time: the first three fail at 0.1, 0.2 and 0.3 s, and the third failure in a row
        // moves the seven messages still active to the delayed queue. All ten come back on the 75 s scan.
        assertEquals(10, result.delivered());
        assertEquals(10, result.transientFailures());
        assertTrue(model.metrics().governing("gmail.com", "deferrals").endsWith("; no MX contactable: 1 sweep moved 7 "
                + "active messages to the delayed queue (mx_failures_to_delay = 3 [conf:7], connect_timeout_to_delay = "
                + "900 s [conf:8])"), model.metrics().governing("gmail.com", "deferrals"));
    }

    @Test
    void mxFailuresToDelay_sweptMessagesTheLogShowsUnreachable_useUpThatFailureAndDoNotSweepAgain() {
        final List<MessageRecord> messages = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            messages.add(unreachableThenDelivered(i, T0));
        }
        final MomentumModel model = model(everywhere(sweeping(3, 900)));

        final DomainSnapshot result = Traffic.replay(model, messages, "gmail.com");

        // The log shows each of the ten failing to connect once. The third failure sweeps the other seven, and the
        // sweep stands for their recorded failure: on the 75 s scan all ten are delivered, with no second sweep.
        assertEquals(10, result.delivered());
        assertEquals(10, result.transientFailures());
        assertTrue(model.metrics().governing("gmail.com", "deferrals").contains("; no MX contactable: 1 sweep moved 7 "
                + "active messages"), model.metrics().governing("gmail.com", "deferrals"));
    }

    @Test
    void mxFailuresToDelay_zeroAndNoTimeout_neverSweeps() {
        final List<MessageRecord> messages = threeUnreachableThenSeven();
        final MomentumModel model = model(everywhere(sweeping(0, 0)));

        final DomainSnapshot result = Traffic.replay(model, messages, "gmail.com");

        assertEquals(10, result.delivered());
        assertEquals(3, result.transientFailures());
        assertFalse(model.metrics().governing("gmail.com", "deferrals").contains("no MX contactable"));
    }

    @Test
    void connectTimeoutToDelay_failuresLastingTheTimeout_sweepTheActiveQueue() {
        final List<MessageRecord> messages = new ArrayList<>();
        messages.add(unreachableThenDelivered(0, T0));
        messages.add(unreachableThenDelivered(1, T0 + 70_000_000L));
        messages.addAll(Traffic.burst(3, "gmail.com", "b1", T0 + 70_000_000L));
        final MomentumModel model = model(everywhere(sweeping(100, 60)));

        final DomainSnapshot result = Traffic.replay(model, messages, "gmail.com");

        // Failures at 0.1 s and 70.1 s: the run has lasted 70 s, past the 60 s timeout, so the three messages that
        // arrived with the second are swept; the first one's retry, on the 75 s scan, then finds the domain again.
        assertEquals(5, result.delivered());
        assertEquals(5, result.transientFailures());
        assertTrue(model.metrics().governing("gmail.com", "deferrals").contains(
                "; no MX contactable: 1 sweep moved 3 active messages"), model.metrics().governing("gmail.com",
                "deferrals"));
    }

    @Test
    void connectTimeoutToDelay_anOpenedConnectionEndsTheRun() {
        final List<MessageRecord> messages = new ArrayList<>();
        messages.add(unreachableThenDelivered(0, T0));
        messages.add(Traffic.message(1, "gmail.com", "b1", T0 + 30_000_000L, Outcome.DELIVERED));
        messages.add(unreachableThenDelivered(2, T0 + 70_000_000L));
        messages.addAll(Traffic.burst(3, "gmail.com", "b1", T0 + 70_000_000L));
        final MomentumModel model = model(everywhere(sweeping(100, 60)));

        final DomainSnapshot result = Traffic.replay(model, messages, "gmail.com");

        assertEquals(6, result.delivered());
        assertEquals(2, result.transientFailures());
        assertFalse(model.metrics().governing("gmail.com", "deferrals").contains("no MX contactable"));
    }
}
