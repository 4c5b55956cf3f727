package dev.cutover.sim.momentum.conf;

/**
 * The {@code max_retries} option: {@code auto} (the default; derived from
 * {@code message_expiration}), {@code none} (only expiry ends retrying) or a number of retries
 * (support.sparkpost.com/momentum/4/config/ref-max-retries).
 *
 * @param mode  which of the three forms was given
 * @param count the number of retries for {@link Mode#COUNT}, otherwise 0
 */
public record MaxRetries(Mode mode, int count) {

    /** The three forms of the option. */
    public enum Mode { AUTO, NONE, COUNT }

    /** The built-in default. */
    public static final MaxRetries AUTO = new MaxRetries(Mode.AUTO, 0);

    /** Retry until the message expires. */
    public static final MaxRetries NONE = new MaxRetries(Mode.NONE, 0);

    /**
     * @param count retries before the message fails, at least 0
     * @return the numeric form
     */
    public static MaxRetries of(int count) {
        return new MaxRetries(Mode.COUNT, count);
    }
}
