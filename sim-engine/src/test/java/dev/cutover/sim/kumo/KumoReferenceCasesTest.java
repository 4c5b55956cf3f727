package dev.cutover.sim.kumo;

import dev.cutover.ingest.MessageRecord;
import dev.cutover.ingest.Outcome;
import dev.cutover.kumo.QueueConfig;
import dev.cutover.sim.DomainSnapshot;
import dev.cutover.sim.ReceiverParameters;
import dev.cutover.sim.Traffic;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.cutover.sim.Traffic.SECOND;
import static dev.cutover.sim.Traffic.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cases from reference-cases.md (B01, B02, B03, B08) and the default retry schedule (G1). */
class KumoReferenceCasesTest {
    private static final ReceiverParameters SINK = new ReceiverParameters(10_000, 100_000);

    private static KumoModel model(StubPolicy policy) {
        return new KumoModel(policy, KumoParameters.defaults(), SINK, 1);
    }

    private static StubPolicy policy(long connectionLimit, long maxDeliveries) {
        return new StubPolicy(QueueConfig.defaults(),
                StubPolicy.path(connectionLimit, null, maxDeliveries, Map.of()), List.of("ip-1"));
    }

    @Test
    void b01_limitOneTenPerConnection_fiveSessionsBackToBack() {
        final KumoModel model = model(policy(1, 10));

        final DomainSnapshot result = Traffic.replay(model, Traffic.burst(50, "gmail.com", "b1", T0), "gmail.com");

        assertEquals(50, result.delivered());
        assertEquals(5L, result.connectionsOpened());
        assertEquals(1L, result.peakConnections());
        assertEquals(5 * (0.1 + 10 * 0.01), result.drainSeconds(), 1e-6);
    }

    @Test
    void b02_halfTempfailLimitTwenty_kumoCountsAttemptsNotSuccesses() {
        final KumoModel model = model(policy(1, 20));
        final List<MessageRecord> messages = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            messages.add(Traffic.message(i, "gmail.com", "b1", T0, Outcome.TRANSIENT, Outcome.DELIVERED));
        }

        final DomainSnapshot result = Traffic.replay(model, messages, "gmail.com");

        assertEquals(40, result.delivered());
        assertEquals(40, result.transientFailures());
        assertEquals(4L, result.connectionsOpened());
    }

    @Test
    void b03_limitTwoFiftyPerConnection_tenSessionsNeverMoreThanTwo() {
        final KumoModel model = model(policy(2, 50));

        final DomainSnapshot result = Traffic.replay(model, Traffic.burst(500, "gmail.com", "b1", T0), "gmail.com");

        assertEquals(10L, result.connectionsOpened());
        assertEquals(2L, result.peakConnections());
        assertTrue(result.drainSeconds() < 5, "replacements open promptly: " + result.drainSeconds());
    }

    @Test
    void b08_providerLimitFive_capsConnectionsAcrossSites() {
        final String label = "shaping-provider-google-ip-1-limit";
        final StubPolicy policy = new StubPolicy(QueueConfig.defaults(),
                StubPolicy.path(10, null, 50, Map.of(label, 5L)), List.of("ip-1"))
                .site("gmail.com", "(alt1|alt2)?.gmail-smtp-in.l.google.com")
                .site("vanity.example", "aspmx.l.google.com");
        final KumoModel model = model(policy);
        final List<MessageRecord> messages = new ArrayList<>(Traffic.burst(10_000, "gmail.com", "b1", T0));
        messages.addAll(Traffic.burst(10_000, "vanity.example", "b1", T0));

        messages.forEach(model::accept);
        model.finish(Long.MAX_VALUE);

        assertEquals(5, model.leases().peak(label));
        assertEquals(10_000, model.metrics().domain("vanity.example").snapshot().delivered());
        assertTrue(model.metrics().domain("gmail.com").snapshot().peakConnections() <= 5);
    }

    @Test
    void mxList_twoDomainsRoutedToTheSameSmartHosts_shareOneSiteAndItsLimit() {
        final QueueConfig smartHost = new QueueConfig(QueueConfig.DEFAULT_RETRY_INTERVAL_MICROS, 0,
                QueueConfig.DEFAULT_MAX_AGE_MICROS, "pool", null, Map.of(), "mx_list:relay1.example,relay2.example");
        final StubPolicy policy = new StubPolicy(smartHost, StubPolicy.path(4, null, 1024, Map.of()),
                List.of("ip-1"));
        final KumoModel model = model(policy);
        final List<MessageRecord> messages = new ArrayList<>(Traffic.burst(2_000, "gmail.com", "b1", T0));
        messages.addAll(Traffic.burst(2_000, "yahoo.com", "b1", T0));

        messages.forEach(model::accept);
        model.finish(Long.MAX_VALUE);

        assertEquals("mx_list:relay1.example,relay2.example", model.metrics().site("gmail.com"));
        assertEquals(4L, model.metrics().domain("yahoo.com").snapshot().peakConnections(),
                "one limit of 4 for both domains, counted at the shared site");
        assertEquals(2_000, model.metrics().domain("gmail.com").snapshot().delivered());
    }

    @Test
    void defaults_alwaysDeferred_expiresAtTheNinthFailureAfterAbout85Hours() {
        final KumoModel model = model(policy(32, 1024));
        final MessageRecord message = Traffic.message(1, "gmail.com", "b1", T0, Outcome.TRANSIENT,
                Outcome.TRANSIENT, Outcome.PERMANENT);
        final MessageRecord givesUp = new MessageRecord(message.receptionMicros(), "", "x", "gmail.com",
                "gmail.com", "s", "retail", "b1", 1, List.of(message.attempts().get(0), message.attempts().get(1),
                withText(message.attempts().get(2))), message.completeness());

        final DomainSnapshot result = Traffic.replay(model, List.of(givesUp), "gmail.com");

        assertEquals(1, result.expired());
        assertEquals(9, result.transientFailures());
        assertEquals(306_000, result.latency().max(), 300);
    }

    private static dev.cutover.ingest.Attempt withText(dev.cutover.ingest.Attempt a) {
        return new dev.cutover.ingest.Attempt(a.timeMicros(), a.outcome(), 554,
                "554 5.4.7 [internal] exceeded max time without delivery", a.retryCount(), 0, "", "retail", "b1",
                0, "");
    }

    @Test
    void accept_sameSeed_sameResult() {
        final List<MessageRecord> messages = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            messages.add(Traffic.message(i, "gmail.com", "b1", T0 + i * SECOND, Outcome.TRANSIENT, Outcome.DELIVERED));
        }

        final DomainSnapshot first = Traffic.replay(model(policy(3, 10)), messages, "gmail.com");
        final DomainSnapshot second = Traffic.replay(model(policy(3, 10)), messages, "gmail.com");

        assertEquals(first, second);
    }
}
