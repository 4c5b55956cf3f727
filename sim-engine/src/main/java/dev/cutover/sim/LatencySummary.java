package dev.cutover.sim;

/**
 * Reception-to-final-outcome latency percentiles in seconds, from an HdrHistogram recorded in milliseconds.
 *
 * @param p50 median, seconds
 * @param p95 95th percentile, seconds
 * @param p99 99th percentile, seconds
 * @param max largest value, seconds
 */
public record LatencySummary(double p50, double p95, double p99, double max) {
}
