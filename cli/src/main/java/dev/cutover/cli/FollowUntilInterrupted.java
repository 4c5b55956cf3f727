package dev.cutover.cli;

import dev.cutover.ingest.FollowControl;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Paces {@code cutover ingest --follow} and {@code cutover run --follow}: a look at the files every poll interval,
 * until the process is interrupted (Ctrl-C or SIGTERM). The interrupt does not end the process at once: it ends the
 * wait, the ingest saves its state and the command reports, and only then does the process exit, so nothing read
 * is lost.
 */
final class FollowUntilInterrupted implements FollowControl, AutoCloseable {
    /** How long an interrupted ingest may take to save and report before the process exits anyway. */
    static final long INGEST_TIMEOUT_SECONDS = 30;
    /** How long an interrupted run may take to save, finish the replay and write its report. */
    static final long RUN_TIMEOUT_SECONDS = 300;

    private final long pollMillis;
    private final long stopTimeoutSeconds;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private FollowUntilInterrupted(long pollMillis, long stopTimeoutSeconds) {
        this.pollMillis = pollMillis;
        this.stopTimeoutSeconds = stopTimeoutSeconds;
        this.hook = new Thread(this::stopAndWait, "cutover-follow-stop");
    }

    /**
     * @param pollSeconds        seconds between two looks at the files, &gt; 0
     * @param stopTimeoutSeconds how long an interrupted process waits for the command to finish before it exits
     */
    static FollowUntilInterrupted start(double pollSeconds, long stopTimeoutSeconds) {
        if (!(pollSeconds > 0 && pollSeconds <= 3600)) {
            throw new UserError("--poll " + pollSeconds + ": expected a number of seconds above 0 and at most 3600");
        }
        final FollowUntilInterrupted control = new FollowUntilInterrupted(Math.max(1, Math.round(pollSeconds * 1000)),
                stopTimeoutSeconds);
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
            finished.await(stopTimeoutSeconds, TimeUnit.SECONDS);
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
