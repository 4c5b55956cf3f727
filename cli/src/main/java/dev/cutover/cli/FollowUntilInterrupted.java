package dev.cutover.cli;

import dev.cutover.ingest.FollowControl;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Paces {@code cutover ingest --follow}: a look at the files every poll interval, until the process is
 * interrupted (Ctrl-C or SIGTERM). The interrupt does not end the process at once: it ends the wait, the ingest
 * saves its state and reports, and only then does the process exit, so nothing read is lost.
 */
final class FollowUntilInterrupted implements FollowControl, AutoCloseable {
    /** How long an interrupted process waits for the ingest to save before it exits anyway. */
    private static final long SAVE_TIMEOUT_SECONDS = 30;

    private final long pollMillis;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private FollowUntilInterrupted(long pollMillis) {
        this.pollMillis = pollMillis;
        this.hook = new Thread(this::stopAndWait, "cutover-follow-stop");
    }

    /** @param pollSeconds seconds between two looks at the files, &gt; 0 */
    static FollowUntilInterrupted start(double pollSeconds) {
        if (!(pollSeconds > 0 && pollSeconds <= 3600)) {
            throw new UserError("--poll " + pollSeconds + ": expected a number of seconds above 0 and at most 3600");
        }
        final FollowUntilInterrupted control = new FollowUntilInterrupted(Math.max(1, Math.round(pollSeconds * 1000)));
        Runtime.getRuntime().addShutdownHook(control.hook);
        return control;
    }

    @Override
    public boolean awaitMore() {
        try {
            return !stopRequested.await(pollMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void stopAndWait() {
        stopRequested.countDown();
        try {
            finished.await(SAVE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The ingest has saved and reported: an interrupted process may now exit. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The process is already shutting down; the hook is running and now returns.
        }
    }
}
