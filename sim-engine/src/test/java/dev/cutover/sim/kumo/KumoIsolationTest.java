package dev.cutover.sim.kumo;

import dev.cutover.ingest.MessageRecord;
import dev.cutover.ingest.Outcome;
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

/** Each scheduled queue draws its retry jitter from its own stream: one domain's traffic never moves another's. */
class KumoIsolationTest {
    private static final ReceiverParameters SINK = new ReceiverParameters(10_000, 100_000);

    private static List<MessageRecord> deferred(String domain, int count) {
        final List<MessageRecord> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(Traffic.message(i, domain, "b", T0 + i * SECOND, Outcome.TRANSIENT, Outcome.TRANSIENT,
                    Outcome.DELIVERED));
        }
        return out;
    }

    private static DomainSnapshot replay(List<MessageRecord> messages) {
        final StubPolicy policy = new StubPolicy(StubPolicy.retries(1200), StubPolicy.path(4, null, 1024, Map.of()),
                List.of("ip-1"));
        final KumoModel model = new KumoModel(policy, KumoParameters.defaults(), SINK, 7);
        return Traffic.replay(model, messages, "a.example");
    }

    @Test
    void replay_anotherDomainsDeferrals_leaveThisDomainsTimingAlone() {
        final List<MessageRecord> alone = deferred("a.example", 20);
        final List<MessageRecord> mixed = new ArrayList<>();
        final List<MessageRecord> other = deferred("b.example", 20);
        for (int i = 0; i < 20; i++) {
            mixed.add(other.get(i));
            mixed.add(alone.get(i));
        }

        assertEquals(replay(alone).latency(), replay(mixed).latency());
        assertEquals(replay(alone).drainSeconds(), replay(mixed).drainSeconds());
    }
}
