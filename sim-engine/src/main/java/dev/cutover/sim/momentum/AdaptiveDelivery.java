package dev.cutover.sim.momentum;

import java.util.Map;
import java.util.TreeMap;

/**
 * Momentum's Adaptive Delivery as the Momentum model applies it: the user's rules, the adaptive module's timers
 * and the choices the documentation leaves open. Each (binding, domain) queue with {@code adaptive_enabled} gets
 * an {@link AdaptiveState}; this object keeps what they did, for the report.
 *
 * @see AdaptiveState for the rules modelled and their sources
 */
public final class AdaptiveDelivery {
    private final AdaptiveRules rules;
    private final AdaptiveParameters parameters;
    private final long seed;
    /** Recipient domain to what happened (rule and action) to how often. */
    private final Map<String, Map<String, Long>> events = new TreeMap<>();
    private final Map<String, String> metrics = new java.util.HashMap<>();
    private long bounceSweeps;
    private long bounceSweepsOverThreshold;
    private long mostBounceSweepAttempts;

    /**
     * @param rules      the registered rules, {@link AdaptiveRules#NONE} for none
     * @param parameters the choices the documentation leaves open
     * @param seed       seeds the spreading of messages held by a suspension
     */
    public AdaptiveDelivery(AdaptiveRules rules, AdaptiveParameters parameters, long seed) {
        this.rules = rules;
        this.parameters = parameters;
        this.seed = seed;
    }

    /** Adaptive Delivery with no rules and the default parameters. */
    public static AdaptiveDelivery withoutRules(long seed) {
        return new AdaptiveDelivery(AdaptiveRules.NONE, AdaptiveParameters.defaults(), seed);
    }

    AdaptiveRules rules() {
        return rules;
    }

    AdaptiveParameters parameters() {
        return parameters;
    }

    long seed() {
        return seed;
    }

    /**
     * @param metric the report metric the event bears on, whose explanation names it
     */
    void count(String domain, String metric, String event) {
        events.computeIfAbsent(domain, d -> new TreeMap<>()).merge(event, 1L, Long::sum);
        metrics.put(event, metric);
    }

    /** @return the report metric an event of {@link #events()} bears on */
    String metricOf(String event) {
        return metrics.get(event);
    }

    /** @return recipient domain to what Adaptive Delivery did to its queues and how often, both sorted */
    public Map<String, Map<String, Long>> events() {
        return events;
    }

    /** Counts one bounce sweep of a binding::domain that had {@code attempts} since the last. */
    void bounceSweep(long attempts, boolean overThreshold) {
        bounceSweeps++;
        bounceSweepsOverThreshold += overThreshold ? 1 : 0;
        mostBounceSweepAttempts = Math.max(mostBounceSweepAttempts, attempts);
    }

    /**
     * @return the bounce sweeps of all binding::domains, those that had the attempt threshold and the most attempts
     * one sweep saw: a threshold never reached means no sweep rule could act
     */
    public BounceSweeps bounceSweeps() {
        return new BounceSweeps(bounceSweeps, bounceSweepsOverThreshold, mostBounceSweepAttempts);
    }

    /**
     * @param sweeps              bounce sweeps of binding::domains that had attempts
     * @param overThreshold       those that had {@code adaptive_attempt_threshold} attempts, so the rules looked
     * @param mostAttempts        the most attempts one sweep saw
     */
    public record BounceSweeps(long sweeps, long overThreshold, long mostAttempts) {
    }
}
