package dev.cutover.sim.compare;

import dev.cutover.sim.DomainTimeline;

/**
 * One domain's minute-by-minute figures in each engine, for the report's charts.
 *
 * @param observed what the log shows
 * @param momentum the Momentum model
 * @param kumomta  the KumoMTA model
 */
public record Timelines(DomainTimeline observed, DomainTimeline momentum, DomainTimeline kumomta) {
}
