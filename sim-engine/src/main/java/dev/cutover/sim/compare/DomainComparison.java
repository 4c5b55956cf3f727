package dev.cutover.sim.compare;

import dev.cutover.sim.DomainSnapshot;

import java.util.List;

/**
 * Everything the report says about one destination domain.
 *
 * @param domain   recipient domain
 * @param site     the KumoMTA site the domain's mail went to, or null
 * @param observed what the log shows
 * @param momentum the Momentum model
 * @param kumomta  the KumoMTA model
 * @param checks   one check per metric, in {@link Metric} order
 * @param timelines the three engines' figures minute by minute, or null for a comparison of figures frozen while the
 *                  engines ran
 */
public record DomainComparison(
        String domain,
        String site,
        DomainSnapshot observed,
        DomainSnapshot momentum,
        DomainSnapshot kumomta,
        List<MetricCheck> checks,
        Timelines timelines) {

    public DomainComparison {
        checks = List.copyOf(checks);
    }

    /** @return the checks beyond tolerance. */
    public List<MetricCheck> divergences() {
        return checks.stream().filter(MetricCheck::diverged).toList();
    }
}
