package dev.cutover.sim.kumo;

import dev.cutover.ingest.Attempt;
import dev.cutover.ingest.Completeness;
import dev.cutover.ingest.MessageRecord;
import dev.cutover.ingest.Outcome;
import dev.cutover.sim.CapacityReceiver;
import dev.cutover.sim.DomainSnapshot;
import dev.cutover.sim.ReceiverParameters;
import dev.cutover.sim.SiteCapacity;
import dev.cutover.sim.Traffic;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.cutover.sim.Traffic.SECOND;
import static dev.cutover.sim.Traffic.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A 421 closes the connection (RFC 5321 §3.8); kumod's dispatcher connects again for its next message. */
class KumoSessionBreakTest {
    private static final ReceiverParameters RECEIVER = new ReceiverParameters(10_000, 100_000);
    private static final String DOMAIN = "a.example";

    private static MessageRecord deferredThenDelivered(int id, int code) {
        final List<Attempt> attempts = List.of(
                new Attempt(T0 + SECOND, Outcome.TRANSIENT, code, code + " 4.7.0 not now", 0, 1.0, "c", "g", "b", -1,
                        ""),
                new Attempt(T0 + 1300 * SECOND, Outcome.DELIVERED, 250, "", 1, 1.0, "c", "g", "b", -1, ""));
        return new MessageRecord(T0, "", "m-" + id, DOMAIN, DOMAIN, "s.example", "g", "b", 1, attempts,
                Completeness.COMPLETE);
    }

    private static KumoModel model(long connectionLimit) {
        final StubPolicy policy = new StubPolicy(StubPolicy.retries(1200), StubPolicy.path(connectionLimit, null,
                1024, Map.of()), List.of("ip-1"));
        return new KumoModel(policy, KumoParameters.defaults(), RECEIVER, 7);
    }

    @Test
    void answer421_nextMessageGoesOnANewConnection() {
        final List<MessageRecord> closing = new ArrayList<>();
        final List<MessageRecord> staying = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            closing.add(deferredThenDelivered(i, 421));
            staying.add(deferredThenDelivered(i, 451));
        }

        final DomainSnapshot closed = Traffic.replay(model(1), closing, DOMAIN);
        final DomainSnapshot kept = Traffic.replay(model(1), staying, DOMAIN);

        // The retries come back alike; the five first attempts take five connections instead of one.
        assertEquals(kept.connectionsOpened() + 4, closed.connectionsOpened());
        assertEquals(5, closed.delivered());
    }

    @Test
    void receiverConnectionLimit_refusedAttemptsAreDeferred() {
        final KumoModel model = model(4);
        final CapacityReceiver receiver = new CapacityReceiver(Map.of(DOMAIN,
                new SiteCapacity(Long.MAX_VALUE, 2, 421, "421 4.7.0 too many connections")));
        model.receivedBy(receiver);

        final DomainSnapshot result = Traffic.replay(model, Traffic.burst(100, DOMAIN, "b", T0), DOMAIN);

        assertEquals(100, result.delivered());
        final long refused = receiver.refusedBySite().get(DOMAIN);
        assertTrue(refused >= 2, "refused " + refused);
        assertEquals(refused, result.transientFailures());
        assertEquals(2L, result.peakConnections(), "a refused connection never opens");
    }

    private static MessageRecord neverConnectedThenDelivered(int id) {
        final List<Attempt> attempts = List.of(
                new Attempt(T0 + SECOND, Outcome.TRANSIENT, 451, "451 4.4.1 [internal] No valid hosts (unable to make "
                        + "any connections)", 0, 1.0, "", "g", "b", 0, ""),
                new Attempt(T0 + 1300 * SECOND, Outcome.DELIVERED, 250, "", 1, 1.0, "c", "g", "b", -1, "10.0.0.1"));
        return new MessageRecord(T0, "", "m-" + id, DOMAIN, DOMAIN, "s.example", "g", "b", 1, attempts,
                Completeness.COMPLETE);
    }

    @Test
    void connectionFailures_pastTheLimit_delayTheWholeReadyQueue() {
        final List<MessageRecord> messages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            messages.add(neverConnectedThenDelivered(i));
        }
        for (int i = 5; i < 10; i++) {
            messages.add(Traffic.message(i, DOMAIN, "b", T0, Outcome.DELIVERED));
        }

        final DomainSnapshot result = Traffic.replay(model(1), messages, DOMAIN);

        // The stub allows 3 failed connections in a row: the 4th still only fails its message, and when the 5th
        // fails the count already passes 3, so the five messages waiting in the ready queue are delayed too.
        assertEquals(10, result.transientFailures());
        assertEquals(10, result.delivered());
    }
}
