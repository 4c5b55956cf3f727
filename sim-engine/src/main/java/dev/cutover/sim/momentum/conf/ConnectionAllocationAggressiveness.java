package dev.cutover.sim.momentum.conf;

/**
 * How quickly Momentum opens connections toward {@code max_outbound_connections} as a queue grows
 * (support.sparkpost.com/momentum/4/config/ref-connection-allocation-aggressiveness).
 */
public enum ConnectionAllocationAggressiveness {

    /** The default ramp. */
    NORMAL,

    /** A steeper ramp: more connections for the same queue depth. */
    HIGH
}
