package dev.cutover.cli.report;

import dev.cutover.sim.compare.DomainComparison;

import java.util.List;

/**
 * A look at a replay under way: every engine at the same point of the traffic.
 *
 * @param scenario     scenario name
 * @param logTimeMicros the latest reception replayed so far
 * @param messages     messages replayed so far
 * @param domains      the comparison so far, sorted by domain
 */
public record LiveLook(String scenario, long logTimeMicros, long messages, List<DomainComparison> domains) {
    public LiveLook {
        domains = List.copyOf(domains);
    }

    public long divergedDomains() {
        return domains.stream().filter(d -> !d.divergences().isEmpty()).count();
    }
}
