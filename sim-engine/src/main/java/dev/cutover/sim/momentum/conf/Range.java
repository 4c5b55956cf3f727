package dev.cutover.sim.momentum.conf;

/**
 * An {@code ( low high )} pair, the form of Adaptive Delivery's bounds such as
 * {@code adaptive_max_outbound_connections = ( 10 100 )} (support.sparkpost.com/momentum/4/modules/4-adaptive).
 *
 * @param low  the lower bound
 * @param high the upper bound, at least {@code low}
 */
public record Range(long low, long high) {
}
