package dev.cutover.ingest;

/**
 * Paces an ingest that follows live logs ({@code cutover ingest --follow}): between two looks at the files it
 * waits here, and it stops when told to.
 */
@FunctionalInterface
public interface FollowControl {
    /**
     * Waits until it is time to look at the files again.
     *
     * @return false to stop following; the ingest then saves its state and returns
     */
    boolean awaitMore();

    /**
     * @return true once the follower has been told to stop; a long read of what is already there checks it now and
     *         then, so that stopping does not wait for a backlog to be read
     */
    default boolean stopRequested() {
        return false;
    }

    /**
     * @return how long a following ingest may go between two saves of its state while lines keep coming, in
     *         nanoseconds; a save writes every message in flight, so a busy log is not saved at every look
     */
    default long saveIntervalNanos() {
        return 10_000_000_000L;
    }
}
