package dev.cutover.sim.kumo;

import dev.cutover.ingest.Outcome;
import dev.cutover.kumo.PolicyException;
import dev.cutover.sim.ReceiverParameters;
import dev.cutover.sim.Traffic;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.cutover.sim.Traffic.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Policy mistakes that kumod would meet only when traffic comes: the model meets them the same way. */
class KumoPolicyMistakesTest {
    private static final ReceiverParameters SINK = new ReceiverParameters(10_000, 100_000);

    @Test
    void accept_poolWithoutSources_refusedNamingPoolAndQueue() {
        final StubPolicy empty = new StubPolicy(StubPolicy.retries(1200), StubPolicy.path(4, null, 1024, Map.of()),
                List.of());
        final KumoModel model = new KumoModel(empty, KumoParameters.defaults(), SINK, 1);

        final PolicyException e = assertThrows(PolicyException.class,
                () -> model.accept(Traffic.message(1, "gmail.com", "b1", T0, Outcome.DELIVERED)));

        assertEquals("the policy: get_egress_pool 'pool' gives no source with a weight above 0, so kumod could not "
                + "send the messages of queue retail@gmail.com", e.getMessage());
    }

    @Test
    void finish_sourceTheHandlerRefuses_failsAsKumodWouldOnFirstUse() {
        final StubPolicy refusing = new StubPolicy(StubPolicy.retries(1200), StubPolicy.path(4, null, 1024, Map.of()),
                List.of("ip-typo")).refusingSources();
        final KumoModel model = new KumoModel(refusing, KumoParameters.defaults(), SINK, 1);

        final PolicyException e = assertThrows(PolicyException.class, () -> {
            model.accept(Traffic.message(1, "gmail.com", "b1", T0, Outcome.DELIVERED));
            model.finish(Long.MAX_VALUE);
        });

        assertEquals("init.lua:12: no source named ip-typo", e.getMessage());
    }
}
