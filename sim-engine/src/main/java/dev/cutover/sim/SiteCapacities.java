package dev.cutover.sim;

import dev.cutover.ingest.Attempt;
import dev.cutover.ingest.MessageRecord;
import dev.cutover.ingest.Outcome;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads what each site accepted from the log, for a {@link CapacityReceiver}: a pass over the messages counts the
 * deliveries of each site in each calendar minute (by attempt time) and the texts of its deferrals. A site's capacity
 * is its busiest minute; its deferral is its most frequent deferral text (the first in text order among equals).
 */
public final class SiteCapacities {
    private static final long MINUTE_MICROS = 60_000_000L;

    private final Destinations destinations;
    private final Map<String, Map<Long, Long>> deliveriesByMinute = new HashMap<>();
    private final Map<String, Map<String, Long>> deferrals = new HashMap<>();
    private final Map<String, Integer> codes = new HashMap<>();
    private final java.util.List<String> unused = new java.util.ArrayList<>();

    /** @param destinations the site of each routing domain */
    public SiteCapacities(Destinations destinations) {
        this.destinations = destinations;
    }

    /** Counts one message's recorded attempts. */
    public void observe(MessageRecord message) {
        final String site = destinations.of(message.routingDomain());
        final int answers = RecordedReceiver.answerCount(message);
        for (int i = 0; i < answers; i++) {
            final Attempt attempt = message.attempts().get(i);
            if (attempt.outcome() == Outcome.DELIVERED) {
                deliveriesByMinute.computeIfAbsent(site, s -> new HashMap<>())
                        .merge(Math.floorDiv(attempt.timeMicros(), MINUTE_MICROS), 1L, Long::sum);
            } else if (attempt.outcome() == Outcome.TRANSIENT && !attempt.responseText().isEmpty()) {
                deferrals.computeIfAbsent(site, s -> new HashMap<>()).merge(attempt.responseText(), 1L, Long::sum);
                codes.putIfAbsent(site + '\u0000' + attempt.responseText(), attempt.responseCode());
            }
        }
    }

    /**
     * @param overrides   site, or a domain standing for its site, to messages per minute, replacing what the log
     *                    shows
     * @param connections site, or a domain standing for its site, to the connections it accepts at once from one
     *                    engine; the log's connection counts are low estimates, so no site has a limit unless set
     * @return site to its capacity, sorted by site
     */
    public Map<String, SiteCapacity> build(Map<String, Long> overrides, Map<String, Long> connections) {
        final Map<String, Long> perMinute = new TreeMap<>();
        deliveriesByMinute.forEach((site, minutes) -> perMinute.put(site,
                minutes.values().stream().mapToLong(Long::longValue).max().orElse(1)));
        final Map<String, Long> logged = Map.copyOf(perMinute);
        perMinute.putAll(bySite(logged, overrides, "messages per minute"));
        final Map<String, Long> concurrent = bySite(logged, connections, "connections");
        concurrent.keySet().forEach(site -> perMinute.putIfAbsent(site, Long.MAX_VALUE));
        final Map<String, SiteCapacity> out = new TreeMap<>();
        perMinute.forEach((site, limit) -> out.put(site, capacity(site, Math.max(1, limit),
                concurrent.getOrDefault(site, 0L))));
        return out;
    }

    /**
     * @param figures site or domain to a figure, as the scenario gives them
     * @return site to figure
     * @throws IllegalArgumentException when two names of one site give it different figures
     */
    private Map<String, Long> bySite(Map<String, Long> logged, Map<String, Long> figures, String what) {
        final Map<String, Long> out = new TreeMap<>();
        final Map<String, String> namedBy = new TreeMap<>();
        figures.forEach((name, limit) -> {
            final String site = logged.containsKey(name) ? name : destinations.of(name);
            final Long earlier = out.put(site, limit);
            if (earlier != null && !earlier.equals(limit)) {
                throw new IllegalArgumentException(namedBy.get(site) + " and " + name + " are both site " + site
                        + ", with " + earlier + " and " + limit + " " + what + "; give the site one figure");
            }
            namedBy.put(site, name);
            if (!logged.containsKey(site) && !deferrals.containsKey(site)) {
                unused.add(name + (name.equals(site) ? "" : " (site " + site + ")"));
            }
        });
        return out;
    }

    /** @return the scenario's names for sites the log shows no attempt to, in the order given, after a build */
    public java.util.List<String> unused() {
        return java.util.List.copyOf(new java.util.LinkedHashSet<>(unused));
    }

    private SiteCapacity capacity(String site, long perMinute, long connections) {
        final Map<String, Long> texts = deferrals.get(site);
        if (texts == null || texts.isEmpty()) {
            return new SiteCapacity(perMinute, connections, 421, SiteCapacity.GENERIC_DEFERRAL);
        }
        final String text = new TreeMap<>(texts).entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        java.util.Comparator.reverseOrder())))
                .orElseThrow().getKey();
        final int code = codes.get(site + '\u0000' + text);
        return new SiteCapacity(perMinute, connections, code == 0 ? 421 : code, text);
    }
}
