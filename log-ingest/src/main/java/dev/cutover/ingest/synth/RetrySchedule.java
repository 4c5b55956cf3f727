package dev.cutover.ingest.synth;

/**
 * Momentum's retry schedule: after the k-th transient failure the next attempt waits
 * {@code retryIntervalSeconds · 2^(k−1)}, capped at {@code maxRetryIntervalSeconds}; a message whose
 * {@code maxRetries}-th retry fails again is failed for good
 * (support.sparkpost.com/momentum/4/config/ref-retry-interval, …/ref-max-retry-interval,
 * …/ref-max-retries).
 *
 * <p>Example with the defaults 1200 / 43200 / 6: waits of 1200, 2400, 4800, 9600, 19200 and 38400 s, so the
 * seventh attempt happens about 21 hours after the first.
 *
 * @param retryIntervalSeconds    first wait, &gt; 0
 * @param maxRetryIntervalSeconds cap on any wait, &ge; {@code retryIntervalSeconds}
 * @param maxRetries              retries before the message fails, &ge; 0
 */
public record RetrySchedule(long retryIntervalSeconds, long maxRetryIntervalSeconds, int maxRetries) {
    /** Momentum's documented defaults with {@code max_retries = 6}. */
    public static final RetrySchedule MOMENTUM_DEFAULT = new RetrySchedule(1200, 43_200, 6);

    private static final int MAX_SHIFT = 40;

    public RetrySchedule {
        if (retryIntervalSeconds <= 0 || maxRetryIntervalSeconds < retryIntervalSeconds || maxRetries < 0) {
            throw new IllegalArgumentException("need 0 < retry interval <= max retry interval and max retries >= 0");
        }
    }

    /**
     * @param failures transient failures so far, &ge; 1
     * @return seconds from the latest failure to the next attempt
     */
    public long delaySeconds(int failures) {
        final int shift = Math.min(failures - 1, MAX_SHIFT);
        return Math.min(retryIntervalSeconds << shift, maxRetryIntervalSeconds);
    }
}
