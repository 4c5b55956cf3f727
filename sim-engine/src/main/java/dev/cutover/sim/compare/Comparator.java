package dev.cutover.sim.compare;

import dev.cutover.sim.DomainSnapshot;
import dev.cutover.sim.DomainTimeline;
import dev.cutover.sim.EngineFigures;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Compares the three engines domain by domain under the scenario's {@link Tolerances}. */
public final class Comparator {
    private final Tolerances tolerances;
    private final int rateWindowMinutes;

    /**
     * @param tolerances        how far a metric may move
     * @param rateWindowMinutes window of the sustained delivery rate, at least 1
     */
    public Comparator(Tolerances tolerances, int rateWindowMinutes) {
        this.tolerances = tolerances;
        this.rateWindowMinutes = rateWindowMinutes;
    }

    /** @return one comparison per domain any engine saw, sorted by domain name. */
    public List<DomainComparison> compare(EngineFigures observed, EngineFigures momentum, EngineFigures kumomta) {
        return compare(observed, momentum, kumomta, momentum);
    }

    /**
     * @param calibration the Momentum model whose distance from the log is the noise floor: the compared one, or,
     *                    when a rate-sensitive receiver moves the compared models, one that got the recorded answers
     * @return one comparison per domain any engine saw, sorted by domain name
     */
    public List<DomainComparison> compare(EngineFigures observed, EngineFigures momentum, EngineFigures kumomta,
                                          EngineFigures calibration) {
        final TreeSet<String> domains = new TreeSet<>(observed.domainNames());
        domains.addAll(momentum.domainNames());
        domains.addAll(kumomta.domainNames());
        final List<DomainComparison> result = new ArrayList<>(domains.size());
        for (String domain : domains) {
            result.add(compareDomain(domain, observed, momentum, kumomta, calibration));
        }
        return result;
    }

    private DomainComparison compareDomain(String domain, EngineFigures observed, EngineFigures momentum,
                                           EngineFigures kumomta, EngineFigures calibration) {
        final DomainSnapshot o = snapshot(observed, domain);
        final DomainSnapshot m = snapshot(momentum, domain);
        final DomainSnapshot k = snapshot(kumomta, domain);
        final DomainSnapshot c = calibration == momentum ? m : snapshot(calibration, domain);
        final List<MetricCheck> checks = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            checks.add(check(metric, o, m, k, c, explanation(metric, domain, momentum, kumomta)));
        }
        final DomainTimeline observedTimeline = observed.timeline(domain);
        final Timelines timelines = observedTimeline == null ? null
                : new Timelines(observedTimeline, momentum.timeline(domain), kumomta.timeline(domain));
        return new DomainComparison(domain, kumomta.site(domain), o, m, k, checks, timelines);
    }

    private DomainSnapshot snapshot(EngineFigures engine, String domain) {
        return engine.snapshot(domain, rateWindowMinutes);
    }

    MetricCheck check(Metric metric, DomainSnapshot o, DomainSnapshot m, DomainSnapshot k, String explanation) {
        return check(metric, o, m, k, m, explanation);
    }

    /** @param c the calibration model's snapshot, whose distance from the log's is the noise floor */
    MetricCheck check(Metric metric, DomainSnapshot o, DomainSnapshot m, DomainSnapshot k, DomainSnapshot c,
                      String explanation) {
        final Double observed = metric.valueOf(o);
        final Double momentum = metric.valueOf(m);
        final Double kumomta = metric.valueOf(k);
        final Double calibrated = metric.valueOf(c);
        final double tolerance = tolerances.of(metric);
        final double noise = observed == null || calibrated == null ? 0.0 : relative(calibrated, observed);
        if (momentum == null || kumomta == null) {
            return new MetricCheck(metric, observed, momentum, kumomta, null, tolerance, noise, false, explanation);
        }
        final double change = (kumomta - momentum) / Math.max(Math.abs(momentum), 1.0);
        final boolean diverged = Math.abs(change) > tolerance + noise
                && Math.abs(kumomta - momentum) >= tolerances.absoluteFloor();
        return new MetricCheck(metric, observed, momentum, kumomta, change, tolerance, noise, diverged, explanation);
    }

    private static double relative(double value, double reference) {
        return Math.abs(value - reference) / Math.max(Math.abs(reference), 1.0);
    }

    private static String explanation(Metric metric, String domain, EngineFigures momentum, EngineFigures kumomta) {
        final String m = momentum.governing(domain, metric.key());
        final String k = kumomta.governing(domain, metric.key());
        return "Momentum: " + (m == null ? "no traffic" : m) + ". KumoMTA: " + (k == null ? "no traffic" : k) + ".";
    }
}
