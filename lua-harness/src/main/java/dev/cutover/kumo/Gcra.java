package dev.cutover.kumo;


/**
 * KumoMTA's rate limiter: the Generic Cell Rate Algorithm as kumod's in-process throttle store runs it
 * ({@code crates/throttle/src/throttle.rs} in KumoCorp/kumomta, after the redis-cell algorithm).
 *
 * <p>Emission interval {@code T = period / limit}; burst {@code b = min(max_burst or limit, limit - 1)}; tolerance
 * {@code T * (b + 1)}. A request at {@code now} is allowed when {@code now >= max(TAT, now) + T - tolerance}, and
 * then moves the theoretical arrival time (TAT) forward by T; a refused request leaves the state alone. Example:
 * {@code 100/s} with no max_burst admits 100 requests at t=0, then one every 10 ms. The local store rounds a
 * retry-after up to whole seconds, and a wait under 1 ms counts as allowed.
 */
public final class Gcra {
    private static final long SECOND_MICROS = 1_000_000L;

    private final double emissionMicros;
    private final double toleranceMicros;
    private final long burst;
    private double theoreticalArrivalMicros = Double.NEGATIVE_INFINITY;

    public Gcra(ThrottleSpec spec) {
        this.burst = Math.min(spec.maxBurst() >= 0 ? spec.maxBurst() : spec.limit(), spec.limit() - 1);
        this.emissionMicros = spec.emissionIntervalMicros();
        this.toleranceMicros = emissionMicros * (burst + 1);
    }

    /**
     * Asks for one cell at {@code nowMicros}.
     *
     * @return 0 when allowed (and charged), otherwise the wait in microseconds, a whole number of seconds
     */
    public long acquire(long nowMicros) {
        final double tat = Math.max(theoreticalArrivalMicros, nowMicros);
        final double newTat = tat + emissionMicros;
        final double allowAt = newTat - toleranceMicros;
        final double waitMicros = allowAt - nowMicros;
        if (waitMicros < 1000) {
            theoreticalArrivalMicros = newTat;
            return 0;
        }
        return ceilToSeconds(waitMicros);
    }

    /**
     * What {@code kumo.make_throttle}'s {@code throttle()} reports for one request at {@code nowMicros}, as the
     * redis-cell limiter behind kumod's local store reports it: the limit is the burst plus one; the remaining
     * requests and the time until the throttle is full again are counted after this one.
     *
     * @param throttled         whether the request was refused (and so not charged)
     * @param retryAfterSeconds when refused, how long until it would pass, in whole seconds rounded up; else 0
     */
    public record Check(boolean throttled, long limit, long remaining, long resetAfterSeconds, long retryAfterSeconds) {
    }

    /** Asks for one request at {@code nowMicros}, charging it when allowed. */
    public Check check(long nowMicros) {
        final double tat = Math.max(theoreticalArrivalMicros, nowMicros);
        final double newTat = tat + emissionMicros;
        final double waitMicros = newTat - toleranceMicros - nowMicros;
        final boolean throttled = waitMicros > 0;
        final double untilReset = (throttled ? tat : newTat) - nowMicros;
        if (!throttled) {
            theoreticalArrivalMicros = newTat;
        }
        final double next = toleranceMicros - untilReset;
        final long remaining = next > -emissionMicros ? Math.max(0, (long) Math.floor(next / emissionMicros)) : 0;
        return new Check(throttled, burst + 1, remaining, ceilToSeconds(untilReset) / SECOND_MICROS,
                throttled ? ceilToSeconds(waitMicros) / SECOND_MICROS : 0);
    }

    private static long ceilToSeconds(double micros) {
        return (long) Math.ceil(micros / SECOND_MICROS) * SECOND_MICROS;
    }

    /** @return cells per second, used to order several throttles from the strictest. */
    public double ratePerSecond() {
        return SECOND_MICROS / emissionMicros;
    }
}
