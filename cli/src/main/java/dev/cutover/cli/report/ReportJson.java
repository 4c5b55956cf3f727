package dev.cutover.cli.report;

import dev.cutover.sim.DomainSnapshot;
import dev.cutover.sim.LatencySummary;
import dev.cutover.sim.compare.DomainComparison;
import dev.cutover.sim.compare.MetricCheck;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code report.json}, schema 1. Field names and meanings are stable; fields may be added. Values an
 * engine cannot know are {@code null}. Domains are sorted by name and every map by key, so the same run gives
 * byte-identical files.
 */
public final class ReportJson {
    public static final int SCHEMA = 1;

    private ReportJson() {
    }

    public static String write(RehearsalResult result) {
        final JsonWriter json = new JsonWriter().beginObject()
                .field("schema", SCHEMA)
                .field("scenario", result.scenario())
                .field("seed", result.seed())
                .field("verdict", result.verdict());
        traffic(json.name("traffic"), result.traffic());
        parameters(json.name("parameters"), result.parameters());
        notes(json.name("notes"), result.notes());
        notes(json.name("lint"), result.lint());
        json.name("domains").beginArray();
        for (DomainComparison domain : result.domains()) {
            domain(json, domain);
        }
        return json.endArray().endObject().toString();
    }

    private static void traffic(JsonWriter json, TrafficSummary traffic) {
        json.beginObject()
                .field("messages", traffic.messages())
                .field("rejected_lines", traffic.rejectedLines())
                .field("orphan_attempt_lines", traffic.orphanAttemptLines())
                .field("no_final_outcome", traffic.noFinalOutcome())
                .field("filtered_messages", traffic.filteredMessages())
                .field("first_reception", iso(traffic.firstReceptionMicros()))
                .field("last_reception", iso(traffic.lastReceptionMicros()))
                .endObject();
    }

    static String iso(long micros) {
        if (micros < 0) {
            return null;
        }
        return Instant.ofEpochSecond(0, micros * 1000).truncatedTo(ChronoUnit.MICROS).toString();
    }

    private static void parameters(JsonWriter json, Map<String, String> parameters) {
        json.beginObject();
        new TreeMap<>(parameters).forEach(json::field);
        json.endObject();
    }

    private static void notes(JsonWriter json, List<String> notes) {
        json.beginArray();
        notes.forEach(json::value);
        json.endArray();
    }

    private static void domain(JsonWriter json, DomainComparison domain) {
        json.beginObject().field("domain", domain.domain()).field("site", domain.site());
        snapshot(json.name("observed"), domain.observed());
        snapshot(json.name("momentum"), domain.momentum());
        snapshot(json.name("kumomta"), domain.kumomta());
        checks(json.name("divergences"), domain.divergences());
        checks(json.name("checks"), domain.checks());
        json.endObject();
    }

    private static void snapshot(JsonWriter json, DomainSnapshot s) {
        json.beginObject()
                .field("messages", s.messages())
                .field("delivered", s.delivered())
                .field("transient_failures", s.transientFailures())
                .field("bounced", s.bounced())
                .field("expired", s.expired())
                .field("unresolved", s.unresolved());
        if (s.refused() > 0) {
            json.field("refused", s.refused());
        }
        json.field("throttle_delays", s.throttleDelays())
                .field("peak_delivered_per_minute", s.peakDeliveredPerMinute())
                .field("mean_delivered_per_minute", s.meanDeliveredPerMinute())
                .field("sustained_delivered_per_minute", s.sustainedDeliveredPerMinute())
                .field("peak_connections", s.peakConnections())
                .field("connections_opened", s.connectionsOpened())
                .field("connections_estimated", s.connectionsEstimated());
        latency(json.name("latency_seconds"), s.latency());
        json.field("drain_seconds", s.drainSeconds()).endObject();
    }

    private static void latency(JsonWriter json, LatencySummary latency) {
        if (latency == null) {
            json.value((String) null);
            return;
        }
        json.beginObject().field("p50", latency.p50()).field("p95", latency.p95()).field("p99", latency.p99())
                .field("max", latency.max()).endObject();
    }

    private static void checks(JsonWriter json, List<MetricCheck> checks) {
        json.beginArray();
        for (MetricCheck check : checks) {
            json.beginObject()
                    .field("metric", check.metric().key())
                    .field("observed", check.observed())
                    .field("momentum", check.momentum())
                    .field("kumomta", check.kumomta())
                    .field("relative_change", check.relativeChange())
                    .field("tolerance", check.tolerance())
                    .field("noise_floor", check.noiseFloor())
                    .field("diverged", check.diverged())
                    .field("explanation", check.explanation())
                    .endObject();
        }
        json.endArray();
    }
}
