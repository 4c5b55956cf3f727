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
