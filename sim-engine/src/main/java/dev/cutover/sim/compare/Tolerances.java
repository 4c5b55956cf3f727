package dev.cutover.sim.compare;

import java.util.EnumMap;
import java.util.Map;

/**
 * How far the KumoMTA model may move a metric from the Momentum model before the domain diverges.
 *
 * <p>A metric diverges when {@code |kumomta - momentum| / max(momentum, 1)} exceeds the relative tolerance plus
 * the noise floor, and the absolute difference is at least {@code absoluteFloor}. The noise floor is
 * {@code |momentum - observed| / max(observed, 1)}: how far the Momentum model itself is from what the log shows
 * on this traffic (zero when the log cannot show the metric). The absolute floor keeps a domain of a handful of
 * messages from diverging on one message.
 *
 * @param relative      relative tolerance per metric, as a fraction (0.1 for 10%)
 * @param absoluteFloor smallest absolute difference that can diverge
 */
public record Tolerances(Map<Metric, Double> relative, double absoluteFloor) {

    public Tolerances {
        relative = Map.copyOf(new EnumMap<>(relative));
    }

    /** @return the documented defaults: 10% messages per minute, 20% connections, 10% deferrals. */
    public static Tolerances defaults() {
        return new Tolerances(Map.of(Metric.DELIVERED_PER_MINUTE, 0.10, Metric.CONNECTIONS, 0.20,
                Metric.DEFERRALS, 0.10), 2.0);
    }

    /** @return the relative tolerance of {@code metric}. */
    public double of(Metric metric) {
        return relative.getOrDefault(metric, 0.0);
    }
}
