package dev.cutover.sim.kumo;

import dev.cutover.kumo.EgressPathConfig;
import dev.cutover.sim.DomainSnapshot;
import dev.cutover.sim.ReceiverParameters;
import dev.cutover.sim.Traffic;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.cutover.sim.Traffic.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A message that finds its ready queue full goes back to its scheduled queue's timer wheel for 1 to 59 whole
 * seconds ({@code delay_with_jitter(60)}) and is promoted again on the wheel's 3 s tick.
 */
class KumoReadyQueueFullTest {
    /** 10 ms per SMTP transaction, 100 ms to connect. */
    private static final ReceiverParameters RECEIVER = new ReceiverParameters(10_000, 100_000);

    private static DomainSnapshot replay(int messages) {
        final EgressPathConfig oneAtATime = new EgressPathConfig(1, Map.of(), null, null, Map.of(), 1024, 1,
                60_000_000L, 100, null, Map.of("max_ready", "test"));
        final StubPolicy policy = new StubPolicy(StubPolicy.retries(1200), oneAtATime, List.of("ip-1"));
        final KumoModel model = new KumoModel(policy, KumoParameters.defaults(), RECEIVER, 7);
        return Traffic.replay(model, Traffic.burst(messages, "a.example", "b", T0), "a.example");
    }

    @Test
    void readyQueueFull_messageWaitsWholeTicks_thenDelivers() {
        final DomainSnapshot snapshot = replay(3);

        // The first message takes the connection, the second waits in the ready queue (max_ready 1), the third
        // finds it full: it waits for a tick (T0 lies on one), then goes out on the open connection.
        assertEquals(3, snapshot.delivered());
        assertEquals(1L, snapshot.throttleDelays());
        final double waited = snapshot.drainSeconds() - 0.01;
        assertTrue(waited >= 3 && waited <= 60, "waited " + waited + " s");
        assertEquals(0, Math.round(waited * 1000) % 3000, "waited " + waited + " s, not whole 3 s ticks");
    }

    @Test
    void readyQueueFull_aTickOfManyMessages_allReDelayedOnWholeTicksAndDelivered() {
        final DomainSnapshot snapshot = replay(200);

        // One connection takes a message each 10 ms, so the 198 that found the ready queue full at T0 come back a
        // tick at a time, each tick letting one in and re-delaying the rest in one pass, until every one is sent.
        assertEquals(200, snapshot.delivered());
        assertTrue(snapshot.throttleDelays() >= 198, "throttle delays " + snapshot.throttleDelays());
        assertEquals(0, Math.round((snapshot.drainSeconds() - 0.01) * 1000) % 3000,
                "drained at " + snapshot.drainSeconds() + " s, not on a whole 3 s tick");
    }

    @Test
    void readyQueueFull_sameSeed_sameTimes() {
        assertEquals(replay(50), replay(50));
    }
}
