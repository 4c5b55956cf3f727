package dev.cutover.kumo;

/**
 * A KumoMTA throttle specification such as {@code 100/s}, {@code 10/5min} or
 * {@code local:1,000/h,max_burst=50}.
 *
 * <p>Grammar and meaning follow {@code crates/throttle/src/lib.rs} in KumoCorp/kumomta: an optional
 * {@code local:} prefix, a positive limit that may contain {@code _} or {@code ,} separators, a slash with
 * no surrounding spaces, an optional integer multiplier and a unit {@code s|sec|second},
 * {@code m|min|minute}, {@code h|hr|hour} or {@code d|day} (no plurals), and an optional
 * {@code ,max_burst=B}.
 *
 * @param limit        messages (or connections) per period, at least 1
 * @param periodMicros length of the period in microseconds
 * @param maxBurst     the max_burst value, or -1 when not given
 * @param local        true when the spec carried the {@code local:} prefix
 */
public record ThrottleSpec(long limit, long periodMicros, long maxBurst, boolean local) {

    /** @return the GCRA emission interval {@code period / limit} in microseconds. */
    public double emissionIntervalMicros() {
        return (double) periodMicros / limit;
    }

    /** @return the spec written back as kumod displays it, e.g. {@code 100/s}. */
    @Override
    public String toString() {
        final String unit;
        final long count;
        if (periodMicros % 86_400_000_000L == 0) {
            unit = "d";
            count = periodMicros / 86_400_000_000L;
        } else if (periodMicros % 3_600_000_000L == 0) {
            unit = "h";
            count = periodMicros / 3_600_000_000L;
        } else if (periodMicros % 60_000_000L == 0) {
            unit = "m";
            count = periodMicros / 60_000_000L;
        } else {
            unit = "s";
            count = Math.max(1, periodMicros / 1_000_000L);
        }
        final String prefix = local ? "local:" : "";
        final String period = count == 1 ? unit : count + unit;
        final String burst = maxBurst >= 0 ? ",max_burst=" + maxBurst : "";
        return prefix + limit + "/" + period + burst;
    }
}
