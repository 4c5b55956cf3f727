package dev.cutover.sim;

import dev.cutover.ingest.Attempt;
import dev.cutover.ingest.Completeness;
import dev.cutover.ingest.MessageRecord;
import dev.cutover.ingest.Outcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.cutover.sim.Traffic.SECOND;
import static dev.cutover.sim.Traffic.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rate-sensitive receiver: capacities read from the log, deferrals past them, recorded answers kept. */
class CapacityReceiverTest {
    private static final long MINUTE = 60 * SECOND;

    private static MessageRecord deferredThenDelivered(int id, long at, String deferral) {
        final List<Attempt> attempts = List.of(
                new Attempt(at, Outcome.TRANSIENT, 421, deferral, 0, 1.0, "c", "g", "b", -1, ""),
                new Attempt(at + MINUTE, Outcome.DELIVERED, 250, "", 1, 1.0, "c", "g", "b", -1, ""));
        return new MessageRecord(at, "", "d-" + id, "site.example", "site.example", "s.example", "g", "b", 1,
                attempts, Completeness.COMPLETE);
    }

    @Test
    void siteCapacities_busiestMinuteAndMostFrequentDeferral() {
        final SiteCapacities observed = new SiteCapacities(Destinations.EACH_DOMAIN);
        for (int i = 0; i < 3; i++) {
            observed.observe(Traffic.message(i, "site.example", "b", T0 + i * SECOND, Outcome.DELIVERED));
        }
        observed.observe(Traffic.message(9, "site.example", "b", T0 + 5 * MINUTE, Outcome.DELIVERED));
        observed.observe(deferredThenDelivered(10, T0 + 10 * MINUTE, "421 4.7.0 [TS01] slow down"));
        observed.observe(deferredThenDelivered(11, T0 + 20 * MINUTE, "421 4.7.0 [TS01] slow down"));
        observed.observe(deferredThenDelivered(12, T0 + 30 * MINUTE, "451 busy"));

        final Map<String, SiteCapacity> capacities = observed.build(Map.of(), Map.of());
        final Map<String, SiteCapacity> overridden = observed.build(Map.of("site.example", 7L), Map.of());

        assertEquals(new SiteCapacity(3, 0, 421, "421 4.7.0 [TS01] slow down"), capacities.get("site.example"));
        assertEquals(7, overridden.get("site.example").perMinute());
    }

    @Test
    void answer_pastTheSitesMinute_defersWithoutUsingTheRecordedAnswer() {
        final CapacityReceiver receiver = new CapacityReceiver(Map.of("site.example",
                new SiteCapacity(2, 0, 421, "421 4.7.0 [TS01] slow down")));
        final List<Boolean> deferred = new ArrayList<>();
        final MessageRecord third = Traffic.message(3, "site.example", "b", T0, Outcome.DELIVERED);
        for (int i = 0; i < 2; i++) {
            receiver.answer(recorded(Traffic.message(i, "site.example", "b", T0, Outcome.DELIVERED)), 0,
                    "site.example", T0 + i * SECOND);
            deferred.add(receiver.lastDeferred());
        }

        final Attempt over = receiver.answer(recorded(third), 0, "site.example", T0 + 2 * SECOND);
        final boolean overDeferred = receiver.lastDeferred();
        final Attempt nextMinute = receiver.answer(recorded(third), 0, "site.example", T0 + MINUTE);

        assertEquals(List.of(false, false), deferred);
        assertTrue(overDeferred);
        assertEquals(Outcome.TRANSIENT, over.outcome());
        assertEquals("421 4.7.0 [TS01] slow down", over.responseText());
        assertSame(third.attempts().get(0), nextMinute, "the next attempt, a minute on, gets the recorded answer");
        assertFalse(receiver.lastDeferred());
        assertEquals(Map.of("site.example", 1L), receiver.deferredBySite());
    }

    @Test
    void refusal_atTheSitesConnections_refusesWithItsDeferral() {
        final CapacityReceiver receiver = new CapacityReceiver(Map.of("site.example",
                new SiteCapacity(Long.MAX_VALUE, 2, 421, "421 4.7.0 too many connections")));
        final MessageRecord message = Traffic.message(1, "site.example", "b", T0, Outcome.DELIVERED);

        final Attempt oneOpen = receiver.refusal(recorded(message), 0, "site.example", T0, 1);
        final Attempt twoOpen = receiver.refusal(recorded(message), 0, "site.example", T0, 2);
        final Attempt otherSite = receiver.refusal(recorded(message), 0, "other.example", T0, 50);

        assertEquals(null, oneOpen);
        assertEquals(Outcome.TRANSIENT, twoOpen.outcome());
        assertEquals("421 4.7.0 too many connections", twoOpen.responseText());
        assertEquals(null, otherSite);
        assertEquals(Map.of("site.example", 1L), receiver.refusedBySite());
    }

    @Test
    void siteCapacities_connectionLimitOnly_leavesTheRateUnlimited() {
        final SiteCapacities observed = new SiteCapacities(Destinations.EACH_DOMAIN);
        observed.observe(Traffic.message(1, "site.example", "b", T0, Outcome.DELIVERED));

        final Map<String, SiteCapacity> capacities = observed.build(Map.of(), Map.of("other.example", 3L));

        assertEquals(new SiteCapacity(Long.MAX_VALUE, 3, 421, SiteCapacity.GENERIC_DEFERRAL),
                capacities.get("other.example"));
        assertEquals(0, capacities.get("site.example").connections());
    }

    @Test
    void siteCapacities_twoNamesOfOneSiteWithDifferentFigures_areRefused() {
        final SiteCapacities observed = new SiteCapacities(Destinations.of(domain -> "outlook-site"));
        observed.observe(Traffic.message(1, "hotmail.com", "b", T0, Outcome.DELIVERED));

        final Map<String, Long> figures = new java.util.LinkedHashMap<>();
        figures.put("hotmail.com", 100L);
        figures.put("live.com", 500L);

        final IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> observed.build(figures, Map.of()));

        assertEquals("hotmail.com and live.com are both site outlook-site, with 100 and 500 messages per minute; "
                + "give the site one figure", e.getMessage());
    }

    @Test
    void siteCapacities_nameWithoutTraffic_isReportedUnused() {
        final SiteCapacities observed = new SiteCapacities(Destinations.EACH_DOMAIN);
        observed.observe(Traffic.message(1, "site.example", "b", T0, Outcome.DELIVERED));

        observed.build(Map.of("site.example", 5L, "nosuch.example", 7L), Map.of());

        assertEquals(List.of("nosuch.example"), observed.unused());
    }

    /** @return the message's first recorded answer, as a model gives it the receiver */
    private static Attempt recorded(MessageRecord message) {
        return RecordedReceiver.answer(message, 0);
    }
}
