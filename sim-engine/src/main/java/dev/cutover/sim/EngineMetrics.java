package dev.cutover.sim;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Per-domain metrics of one engine, domains sorted by name, plus for each domain and metric the sentence that
 * says which setting governs it in this engine and where that setting was written.
 */
public final class EngineMetrics implements EngineFigures {
    private final String engine;
    private final SortedMap<String, DomainMetrics> domains = new TreeMap<>();
    private final Map<String, DomainMetrics> byName = new HashMap<>();
    private final Map<String, SortedMap<String, String>> governing = new TreeMap<>();
    private final Map<String, String> sites = new TreeMap<>();

    public EngineMetrics(String engine) {
        this.engine = engine;
    }

    public String engine() {
        return engine;
    }

    /** @return the metrics of {@code domain}, created on first use. */
    public DomainMetrics domain(String domain) {
        final DomainMetrics known = byName.get(domain);
        if (known != null) {
            return known;
        }
        final DomainMetrics created = new DomainMetrics();
        domains.put(domain, created);
        byName.put(domain, created);
        return created;
    }

    /** @return every domain seen, sorted by name. */
    public SortedMap<String, DomainMetrics> domains() {
        return Collections.unmodifiableSortedMap(domains);
    }

    @Override
    public SortedSet<String> domainNames() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(domains.keySet()));
    }

    @Override
    public DomainSnapshot snapshot(String domain, int rateWindowMinutes) {
        final DomainMetrics metrics = byName.get(domain);
        return (metrics == null ? new DomainMetrics() : metrics).snapshot(rateWindowMinutes);
    }

    @Override
    public DomainTimeline timeline(String domain) {
        final DomainMetrics metrics = byName.get(domain);
        return (metrics == null ? new DomainMetrics() : metrics).timeline();
    }

    /**
     * Copies the figures as they stand, for a look at an engine still running; call it on the engine's thread.
     * Timelines are not copied.
     *
     * @param rateWindowMinutes the window of the sustained delivery rate
     */
    public EngineFigures freeze(int rateWindowMinutes) {
        return freeze(rateWindowMinutes, domain -> null);
    }

    /**
     * @param rateWindowMinutes the window of the sustained delivery rate
     * @param estimates         each domain's connections estimated so far, for a domain with no gauge; or null
     * @return the figures as they stand
     */
    public EngineFigures freeze(int rateWindowMinutes, Function<String, ConnectionGauge> estimates) {
        final SortedMap<String, DomainSnapshot> snapshots = new TreeMap<>();
        domains.forEach((name, metrics) -> snapshots.put(name,
                metrics.snapshot(rateWindowMinutes, estimates.apply(name))));
        final Map<String, SortedMap<String, String>> governingCopy = new HashMap<>();
        governing.forEach((domain, byMetric) -> governingCopy.put(domain, new TreeMap<>(byMetric)));
        return new Frozen(snapshots, new HashMap<>(sites), governingCopy);
    }

    /** An engine's figures frozen by {@link #freeze}. */
    private record Frozen(SortedMap<String, DomainSnapshot> snapshots, Map<String, String> sites,
                          Map<String, SortedMap<String, String>> governing) implements EngineFigures {
        @Override
        public SortedSet<String> domainNames() {
            return Collections.unmodifiableSortedSet(new TreeSet<>(snapshots.keySet()));
        }

        @Override
        public DomainSnapshot snapshot(String domain, int rateWindowMinutes) {
            final DomainSnapshot snapshot = snapshots.get(domain);
            return snapshot == null ? new DomainMetrics().snapshot(rateWindowMinutes) : snapshot;
        }

        @Override
        public DomainTimeline timeline(String domain) {
            return null;
        }

        @Override
        public String site(String domain) {
            return sites.get(domain);
        }

        @Override
        public String governing(String domain, String metric) {
            final SortedMap<String, String> byMetric = governing.get(domain);
            return byMetric == null ? null : byMetric.get(metric);
        }
    }

    /** Records what governs {@code metric} for {@code domain} in this engine. */
    public void governedBy(String domain, String metric, String explanation) {
        governing.computeIfAbsent(domain, d -> new TreeMap<>()).put(metric, explanation);
    }

    /**
     * Adds, for domains that share one destination, a sentence saying so to what governs {@code metric}.
     *
     * @param domains the domains of one destination; nothing is added when there are fewer than two
     * @param lead    the words before the list of domains, e.g. {@code "site x is shared by"}
     * @param tail    the words after it
     */
    public void noteShared(java.util.SortedSet<String> domains, String metric, String lead, String tail) {
        if (domains.size() < 2) {
            return;
        }
        for (String domain : domains) {
            governedBy(domain, metric, governing(domain, metric) + "; " + lead + " " + String.join(", ", domains)
                    + tail);
        }
    }

    @Override
    public String governing(String domain, String metric) {
        final SortedMap<String, String> byMetric = governing.get(domain);
        return byMetric == null ? null : byMetric.get(metric);
    }

    /** Records the site (KumoMTA) a domain was delivered to. */
    public void site(String domain, String site) {
        sites.put(domain, site);
    }

    @Override
    public String site(String domain) {
        return sites.get(domain);
    }
}
