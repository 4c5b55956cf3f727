package dev.cutover.sim.momentum;

/**
 * A Momentum outbound throttle: a counter with a maximum per period that answers "over budget" and the time at
 * which it will be under budget again (support.sparkpost.com/momentum/3/3-api/apis-ec-throttle-is-exceeded).
 * Momentum does not document its burst, so it is modelled as a token bucket holding {@code count} tokens that
 * refills at {@code count / periodSeconds} per second and starts full: {@code "600/60"} sends 600 at once, then
 * 10 a second. Sessions that find it empty wait in arrival order, and one wake-up per token serves the first
 * of them, so a crowd of suspended sessions costs one event per token rather than one per session.
 */
final class TokenBucket {
    private final java.util.ArrayDeque<Runnable> waiters = new java.util.ArrayDeque<>();
    private final double capacity;
    private final double tokensPerMicro;
    private double tokens;
    private long updatedMicros = Long.MIN_VALUE;

    TokenBucket(double count, double periodSeconds) {
        this.capacity = Math.max(1, count);
        this.tokensPerMicro = count / (periodSeconds * 1e6);
        this.tokens = capacity;
    }

    /** Takes one token if there is one. */
    boolean tryTake(long nowMicros) {
        refill(nowMicros);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /**
     * @return when the next token will be there, never before {@code nowMicros + 1}; far beyond any replay when the
     *         budget never refills
     */
    long nextTokenMicros(long nowMicros) {
        refill(nowMicros);
        final double missing = Math.max(0, 1 - tokens);
        final double wait = Math.ceil(missing / tokensPerMicro);
        if (!(wait < Long.MAX_VALUE / 4.0)) {
            return Long.MAX_VALUE / 2;
        }
        return nowMicros + Math.max(1, (long) wait);
    }

    /**
     * Queues {@code retry} behind the other waiters.
     *
     * @return true when it is the only waiter, so the caller must schedule the first wake-up
     */
    boolean await(Runnable retry) {
        waiters.add(retry);
        return waiters.size() == 1;
    }

    /** @return the longest-waiting retry, or null. */
    Runnable nextWaiter() {
        return waiters.poll();
    }

    /** @return true when sessions are waiting. */
    boolean hasWaiters() {
        return !waiters.isEmpty();
    }

    private void refill(long nowMicros) {
        if (updatedMicros != Long.MIN_VALUE && nowMicros > updatedMicros) {
            tokens = Math.min(capacity, tokens + (nowMicros - updatedMicros) * tokensPerMicro);
        }
        updatedMicros = Math.max(updatedMicros, nowMicros);
    }
}
