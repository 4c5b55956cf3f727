package dev.cutover.cli.report;

import dev.cutover.sim.compare.DomainComparison;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one scenario run: what the report files and the terminal summary are made from.
 *
 * @param scenario    scenario name
 * @param seed        the seed used
 * @param traffic     what was replayed
 * @param domains     per-domain comparisons, sorted by domain
 * @param parameters  model parameters in force, name to value, for the record
 * @param notes       things the user should know (MX data missing, policy warnings)
 * @param lint        what the KumoMTA policy would silently get wrong in production, each naming where it was
 *                    written and what it does to the traffic
 * @param rateWindowMinutes the window of the sustained delivery rate the comparison used
 * @param absoluteFloor the smallest absolute difference the comparison counts as a divergence
 */
public record RehearsalResult(String scenario, long seed, TrafficSummary traffic, List<DomainComparison> domains,
                              Map<String, String> parameters, List<String> notes, List<String> lint,
                              int rateWindowMinutes, double absoluteFloor) {

    public RehearsalResult {
        domains = List.copyOf(domains);
        parameters = Map.copyOf(parameters);
        notes = List.copyOf(notes);
        lint = List.copyOf(lint);
    }

    /** @return {@code diverged} when any domain has a divergence, else {@code pass}. */
    public String verdict() {
        return divergedDomains() > 0 ? "diverged" : "pass";
    }

    public long divergedDomains() {
        return domains.stream().filter(d -> !d.divergences().isEmpty()).count();
    }
}
