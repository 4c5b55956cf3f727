package dev.cutover.sim.compare;

/**
 * One metric of one domain compared across the engines.
 *
 * @param metric         the metric
 * @param observed       what the log shows, or null when it cannot show it
 * @param momentum       the Momentum model's value, or null
 * @param kumomta        the KumoMTA model's value, or null
 * @param relativeChange {@code (kumomta - momentum) / max(momentum, 1)}, or null when either is null
 * @param tolerance      the scenario's relative tolerance
 * @param noiseFloor     how far the Momentum model is from the log on this metric
 * @param diverged       true when the change is beyond tolerance plus noise floor
 * @param explanation    which setting governs the metric on each side, and where it was set
 */
public record MetricCheck(
        Metric metric,
        Double observed,
        Double momentum,
        Double kumomta,
        Double relativeChange,
        double tolerance,
        double noiseFloor,
        boolean diverged,
        String explanation) {
}
