package dev.cutover.sim;

import dev.cutover.ingest.Attempt;
import dev.cutover.ingest.Completeness;
import dev.cutover.ingest.MessageRecord;
import dev.cutover.ingest.Outcome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the log says Momentum did: every recorded attempt counted at its logged time.
 *
 * <p>Concurrent connections are not in any Momentum log (support.sparkpost.com/momentum/4/log-formats-mainlog
 * has no connection record). They are estimated from the outbound connection ids of D, T and P lines that
 * reached a remote host: each id spans its first to last line, and the peak is the largest number of spans that
 * overlap. The estimate is low because connect time, idle time and throttle waits are invisible; the report
 * marks it as an estimate. Spans are counted per destination (see {@link Destinations}). Throttle delays
 * write nothing to the log, so they are unknown (null) here.
 */
public final class ObservedModel implements Engine {
    private final EngineMetrics metrics = new EngineMetrics("observed");
    private final Map<String, Map<String, long[]>> sessionsByDestination = new HashMap<>();
    private final Map<String, String> destinationByDomain = new HashMap<>();
    private final Destinations destinations;

    /** @param destinations which MX each routing domain's connections reach; spans are counted per destination */
    public ObservedModel(Destinations destinations) {
        this.destinations = destinations;
    }

    @Override
    public String name() {
        return metrics.engine();
    }

    @Override
    public void accept(MessageRecord message) {
        final String domain = message.recipientDomain();
        final String destination = destinationByDomain.computeIfAbsent(domain,
                d -> destinations.of(message.routingDomain()));
        final DomainMetrics counters = metrics.domain(domain);
        counters.received(message.receptionMicros());
        counters.throttleDelaysUnknown();
        for (Attempt attempt : message.attempts()) {
            count(counters, message, attempt);
            noteSession(destination, attempt);
        }
        if (message.completeness() == Completeness.NO_FINAL_OUTCOME) {
            counters.unresolved();
        }
    }

    private static void count(DomainMetrics counters, MessageRecord message, Attempt attempt) {
        final long reception = message.receptionMicros();
        if (attempt.outcome() == Outcome.DELIVERED) {
            counters.delivered(attempt.timeMicros(), reception);
        } else if (attempt.outcome() == Outcome.TRANSIENT) {
            counters.transientFailure(attempt.timeMicros());
        } else if (RecordedReceiver.isMomentumGiveUp(attempt)) {
            counters.expired(attempt.timeMicros(), reception);
        } else {
            counters.bounced(attempt.timeMicros(), reception);
        }
    }

    private void noteSession(String destination, Attempt attempt) {
        if (attempt.connectionId().isEmpty() || attempt.remoteIp().isEmpty()) {
            return;
        }
        final Map<String, long[]> sessions = sessionsByDestination.computeIfAbsent(destination,
                d -> new HashMap<>());
        final long[] span = sessions.computeIfAbsent(attempt.connectionId(),
                id -> new long[] {attempt.timeMicros(), attempt.timeMicros()});
        span[0] = Math.min(span[0], attempt.timeMicros());
        span[1] = Math.max(span[1], attempt.timeMicros());
    }

    @Override
    public void finish(long horizonMicros) {
        final Map<String, ConnectionGauge> estimates = estimates();
        for (Map.Entry<String, DomainMetrics> entry : metrics.domains().entrySet()) {
            final ConnectionGauge estimate = estimates.get(destinationByDomain.get(entry.getKey()));
            if (estimate != null) {
                entry.getValue().attachEstimate(estimate);
            }
        }
        sessionsByDestination.clear();
    }

    /** The figures so far, with connections estimated from the spans logged so far. */
    @Override
    public EngineFigures figures(int rateWindowMinutes) {
        final Map<String, ConnectionGauge> estimates = estimates();
        return metrics.freeze(rateWindowMinutes, domain -> estimates.get(destinationByDomain.get(domain)));
    }

    private Map<String, ConnectionGauge> estimates() {
        final Map<String, ConnectionGauge> estimates = new HashMap<>();
        sessionsByDestination.forEach((destination, sessions) -> estimates.put(destination,
                overlap(sessions.values())));
        return estimates;
    }

    /**
     * @return a gauge through which every span opened and closed in time order, so its peak is the largest number
     *         of spans open at one instant; a span ending when another starts overlaps it
     */
    static ConnectionGauge overlap(Iterable<long[]> spans) {
        final List<long[]> edges = new ArrayList<>();
        for (long[] span : spans) {
            edges.add(new long[] {span[0], 0});
            edges.add(new long[] {span[1], 1});
        }
        edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        final ConnectionGauge gauge = new ConnectionGauge();
        for (long[] edge : edges) {
            if (edge[1] == 0) {
                gauge.open(edge[0]);
            } else {
                gauge.close(edge[0]);
            }
        }
        return gauge;
    }

    @Override
    public EngineMetrics metrics() {
        return metrics;
    }
}
