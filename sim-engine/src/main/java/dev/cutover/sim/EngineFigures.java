package dev.cutover.sim;

import java.util.SortedSet;

/**
 * What a comparison reads of one engine, domain by domain: the engine's own {@link EngineMetrics} once it has
 * finished, or a copy frozen while it runs (see {@link EngineMetrics#freeze}).
 */
public interface EngineFigures {

    /** @return every domain the engine has seen, sorted by name */
    SortedSet<String> domainNames();

    /**
     * @param rateWindowMinutes the window of the sustained delivery rate; a frozen copy has the window it was
     *                          frozen with
     * @return the domain's figures, all zero when the engine has not seen it
     */
    DomainSnapshot snapshot(String domain, int rateWindowMinutes);

    /** @return the domain's figures minute by minute, or null when they are not kept (a frozen copy) */
    DomainTimeline timeline(String domain);

    /** @return the domain's site, or null when the engine has no notion of sites */
    String site(String domain);

    /** @return what governs {@code metric} for {@code domain}, or null when the engine did not say */
    String governing(String domain, String metric);
}
