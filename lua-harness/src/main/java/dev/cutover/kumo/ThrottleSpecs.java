package dev.cutover.kumo;

/**
 * Writes a {@link ThrottleSpec} back as kumod's {@code ThrottleSpec::as_string} does
 * ({@code crates/throttle/src/lib.rs}): periods of exactly one day, hour, minute or second use the unit
 * letter, any other period is written in seconds ({@code local:100/7380s}).
 */
public final class ThrottleSpecs {

    private ThrottleSpecs() {
    }

    /** @return the spec as kumod displays it. */
    public static String display(ThrottleSpec spec) {
        final long seconds = spec.periodMicros() / 1_000_000L;
        final String period;
        if (seconds == 86_400) {
            period = "d";
        } else if (seconds == 3600) {
            period = "h";
        } else if (seconds == 60) {
            period = "m";
        } else if (seconds == 1) {
            period = "s";
        } else {
            period = seconds + "s";
        }
        final String burst = spec.maxBurst() >= 0 ? ",max_burst=" + spec.maxBurst() : "";
        return (spec.local() ? "local:" : "") + spec.limit() + "/" + period + burst;
    }
}
