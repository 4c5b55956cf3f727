package dev.cutover.sim;

import dev.cutover.ingest.MessageRecord;
import dev.cutover.ingest.Outcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.cutover.sim.Traffic.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behaviour both delivery models must share when configured alike: one binding or source, one destination, the
 * receiver answering in 10 ms and connections ready after 100 ms.
 */
public abstract class DeliveryContract {
    protected static final ReceiverParameters SINK = new ReceiverParameters(10_000, 100_000);

    /**
     * @param connectionLimit    connections allowed to the destination
     * @param messagesPerMinute  message rate limit, or 0 for none
     * @param retryIntervalSeconds first retry interval
     */
    protected abstract Engine engine(long connectionLimit, long messagesPerMinute, long retryIntervalSeconds);

    /**
     * @return an engine with one connection, retrying after {@code retryIntervalSeconds} (doubling) and giving a
     *         message up at {@code maxAgeSeconds}, with no limit on the number of retries
     */
    protected abstract Engine expiringEngine(long retryIntervalSeconds, long maxAgeSeconds);

    /**
     * @return when a message received at 0 and deferred on every try is given up by {@link #expiringEngine}(600,
     *         3600), worked out by hand from the engine's rules
     */
    protected abstract double expectedExpirySeconds();

    /** @return how far the engine's retry jitter may move {@link #expectedExpirySeconds()} */
    protected abstract double expiryJitterSeconds();

    /**
     * @return an engine whose automation (Momentum's Adaptive Delivery, KumoMTA's TSA) suspends delivery to the
     *         destination for {@code seconds} when an answer matches {@code pattern}
     */
    protected abstract Engine suspendingEngine(String pattern, long seconds);

    @Test
    void connectionLimit_largeBacklog_reachesButNeverExceedsTheLimit() {
        final Engine engine = engine(4, 0, 1200);

        final DomainSnapshot result = Traffic.replay(engine, Traffic.burst(2000, "gmail.com", "b1", T0), "gmail.com");

        assertEquals(4L, result.peakConnections());
        assertEquals(2000, result.delivered());
    }

    @Test
    void messageRate_sixHundredPerMinute_drainsAtTenPerSecondAfterTheBurst() {
        final Engine engine = engine(10, 600, 1200);

        final DomainSnapshot result = Traffic.replay(engine, Traffic.burst(3000, "gmail.com", "b1", T0), "gmail.com");

        assertEquals(240, result.drainSeconds(), 3);
        assertTrue(result.throttleDelays() > 0);
    }

    @Test
    void burst_aMinutesWorthAtOnce_goesOutWithoutWaitingForTheRate() {
        final Engine engine = engine(10, 600, 1200);

        final DomainSnapshot result = Traffic.replay(engine, Traffic.burst(600, "gmail.com", "b1", T0), "gmail.com");

        // The burst is the limit: 600 messages over 10 connections at 10 ms each take about 0.7 s, not a minute.
        assertEquals(600, result.delivered());
        assertEquals(0L, result.throttleDelays());
        assertTrue(result.drainSeconds() < 2, "drained in " + result.drainSeconds() + " s");
    }

    @Test
    void connectionRamp_shallowQueueOpensFewConnections_deepOneReachesTheLimit() {
        final DomainSnapshot shallow = Traffic.replay(engine(32, 0, 1200), Traffic.burst(10, "gmail.com", "b1", T0),
                "gmail.com");
        final DomainSnapshot deep = Traffic.replay(engine(32, 0, 1200), Traffic.burst(5000, "gmail.com", "b1", T0),
                "gmail.com");

        assertTrue(shallow.peakConnections() >= 1 && shallow.peakConnections() < 10,
                "10 queued messages opened " + shallow.peakConnections() + " connections");
        assertEquals(32L, deep.peakConnections());
    }

    @Test
    void expiry_deferredOnEveryTry_isGivenUpAtItsMaximumAge() {
        final Outcome[] deferrals = new Outcome[30];
        java.util.Arrays.fill(deferrals, Outcome.TRANSIENT);

        final DomainSnapshot result = Traffic.replay(expiringEngine(600, 3600),
                List.of(Traffic.message(1, "gmail.com", "b1", T0, deferrals)), "gmail.com");

        assertEquals(1, result.expired());
        assertEquals(0, result.delivered());
        assertEquals(0, result.unresolved());
        assertEquals(expectedExpirySeconds(), result.drainSeconds(), expiryJitterSeconds());
    }

    @Test
    void suspension_matchingDeferral_holdsEveryMessageUntilItEnds() {
        final Engine engine = suspendingEngine("^451", 3600);
        final List<MessageRecord> messages = new ArrayList<>();
        messages.add(Traffic.message(0, "gmail.com", "b1", T0, Outcome.TRANSIENT, Outcome.DELIVERED));
        for (int i = 1; i <= 4; i++) {
            messages.add(Traffic.message(i, "gmail.com", "b1", T0 + i * 10 * Traffic.SECOND, Outcome.DELIVERED));
        }

        final DomainSnapshot result = Traffic.replay(engine, messages, "gmail.com");

        assertEquals(5, result.delivered());
        assertTrue(engine.metrics().domain("gmail.com").firstDeliveryMinute() * 60 >= T0 / Traffic.SECOND + 3600,
                "nothing is delivered while the destination is suspended");
    }

    @Test
    void retry_deferredOnce_retriesAfterTheRetryInterval() {
        final Engine engine = engine(4, 0, 1200);
        final List<MessageRecord> messages = new ArrayList<>();
        messages.add(Traffic.message(1, "gmail.com", "b1", T0, Outcome.TRANSIENT, Outcome.DELIVERED));

        final DomainSnapshot result = Traffic.replay(engine, messages, "gmail.com");

        assertEquals(1, result.transientFailures());
        assertEquals(1, result.delivered());
        assertEquals(1200, result.latency().max(), 45);
    }

    @Test
    void bounce_permanentAnswer_isFinal() {
        final Engine engine = engine(4, 0, 1200);

        final DomainSnapshot result = Traffic.replay(engine,
                List.of(Traffic.message(1, "gmail.com", "b1", T0, Outcome.PERMANENT)), "gmail.com");

        assertEquals(1, result.bounced());
        assertEquals(0, result.delivered());
        assertEquals(0, result.unresolved());
    }

    @Test
    void unresolved_logEndsWithoutFinalOutcome_isCountedNotRetriedForever() {
        final Engine engine = engine(4, 0, 1200);

        final DomainSnapshot result = Traffic.replay(engine,
                List.of(Traffic.message(1, "gmail.com", "b1", T0, Outcome.TRANSIENT)), "gmail.com");

        assertEquals(1, result.unresolved());
        assertEquals(1, result.transientFailures());
    }
}
