package dev.cutover.sim;

import dev.cutover.ingest.Attempt;
import dev.cutover.ingest.Completeness;
import dev.cutover.ingest.MessageRecord;
import dev.cutover.ingest.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.cutover.sim.Traffic.SECOND;
import static dev.cutover.sim.Traffic.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ObservedModelTest {

    private static Attempt line(Outcome outcome, long time, String connection, String text) {
        return new Attempt(time, outcome, outcome == Outcome.DELIVERED ? 250 : 421, text, 0, 1.0, connection,
                "retail", "b1", -1, "203.0.113.5");
    }

    private static MessageRecord message(String id, List<Attempt> attempts, Completeness completeness) {
        return new MessageRecord(T0, "", id, "gmail.com", "gmail.com", "news.example.com", "retail", "b1", 100,
                attempts, completeness);
    }

    @Test
    void accept_loggedOutcomes_areCountedAsLogged() {
        final ObservedModel model = new ObservedModel(Destinations.EACH_DOMAIN);
        model.accept(message("a", List.of(line(Outcome.TRANSIENT, T0 + 10 * SECOND, "c1", "421 busy"),
                line(Outcome.DELIVERED, T0 + 1300 * SECOND, "c2", "")), Completeness.COMPLETE));
        model.accept(message("b", List.of(line(Outcome.PERMANENT, T0 + 20 * SECOND, "c3",
                "554 5.4.7 [internal] exceeded max time without delivery")), Completeness.COMPLETE));
        model.accept(message("c", List.of(line(Outcome.TRANSIENT, T0 + 30 * SECOND, "c4", "421 busy")),
                Completeness.NO_FINAL_OUTCOME));

        model.finish(Long.MAX_VALUE);
        final DomainSnapshot snapshot = model.metrics().domain("gmail.com").snapshot();

        assertEquals(3, snapshot.messages());
        assertEquals(1, snapshot.delivered());
        assertEquals(2, snapshot.transientFailures());
        assertEquals(1, snapshot.expired());
        assertEquals(0, snapshot.bounced());
        assertEquals(1, snapshot.unresolved());
        assertNull(snapshot.throttleDelays());
        assertEquals(1300.0, snapshot.latency().max(), 0.001);
    }

    @Test
    void figures_beforeFinish_estimateConnectionsFromTheSpansSoFarAndLeaveTheMetricsAlone() {
        final ObservedModel model = new ObservedModel(Destinations.EACH_DOMAIN);
        model.accept(message("a", List.of(line(Outcome.DELIVERED, T0 + SECOND, "c1", "")), Completeness.COMPLETE));
        model.accept(message("b", List.of(line(Outcome.DELIVERED, T0 + SECOND, "c2", "")), Completeness.COMPLETE));

        final DomainSnapshot soFar = model.figures(10).snapshot("gmail.com", 10);
        model.accept(message("c", List.of(line(Outcome.DELIVERED, T0 + SECOND, "c3", "")), Completeness.COMPLETE));
        model.finish(Long.MAX_VALUE);
        final DomainSnapshot atEnd = model.metrics().domain("gmail.com").snapshot();

        assertEquals(2L, soFar.peakConnections());
        assertEquals(true, soFar.connectionsEstimated());
        assertEquals(2, soFar.delivered());
        assertEquals(3L, atEnd.peakConnections(), "the look attached nothing that the end counts twice");
        assertEquals(3L, atEnd.connectionsOpened());
    }

    @Test
    void overlap_threeSessionsTwoOverlapping_peaksAtTwo() {
        final ConnectionGauge gauge = ObservedModel.overlap(List.of(new long[] {0, 10}, new long[] {5, 20},
                new long[] {21, 30}));

        assertEquals(2, gauge.peak());
        assertEquals(3, gauge.opened());
    }

    @Test
    void overlap_sessionsAcrossMinutes_givesEachMinutesPeak() {
        final long minute = MinuteSeries.MINUTE_MICROS;
        final ConnectionGauge gauge = ObservedModel.overlap(List.of(new long[] {0, 3 * minute + 5},
                new long[] {10, 20}, new long[] {2 * minute, 2 * minute + 1}, new long[] {5 * minute, 5 * minute}));

        assertArrayEquals(new int[] {2, 1, 2, 1, 0, 1}, gauge.peakPerMinute().values());
    }

    @Test
    void finish_noConnectionIds_leavesConnectionsUnknown() {
        final ObservedModel model = new ObservedModel(Destinations.EACH_DOMAIN);
        model.accept(message("a", List.of(line(Outcome.DELIVERED, T0 + SECOND, "", "")), Completeness.COMPLETE));

        model.finish(Long.MAX_VALUE);
        final DomainSnapshot snapshot = model.metrics().domain("gmail.com").snapshot();

        assertNull(snapshot.peakConnections());
        assertNull(snapshot.connectionsOpened());
    }
}
