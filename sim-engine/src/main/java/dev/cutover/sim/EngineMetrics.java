package dev.cutover.sim;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Per-domain metrics of one engine, domains sorted by name, plus for each domain and metric the sentence that
 * says which setting governs it in this engine and where that setting was written.
 */
public final class EngineMetrics {
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

    /** @return what governs {@code metric} for {@code domain}, or null when the engine did not say. */
    public String governing(String domain, String metric) {
        final SortedMap<String, String> byMetric = governing.get(domain);
        return byMetric == null ? null : byMetric.get(metric);
    }

    /** Records the site (KumoMTA) a domain was delivered to. */
    public void site(String domain, String site) {
        sites.put(domain, site);
    }

    /** @return the domain's site, or null when this engine has no notion of sites. */
    public String site(String domain) {
        return sites.get(domain);
    }
}
