package dev.cutover.cli;

import dev.cutover.ingest.FollowControl;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Paces {@code cutover ingest --follow} and {@code cutover run --follow}: a look at the files every poll interval,
 * until the process is interrupted (Ctrl-C or SIGTERM). The interrupt does not end the process at once: it ends the
 * wait (and a long read of a backlog), the ingest saves its state and the command reports, and only then does the
 * process exit, so nothing read is lost. The process waits for that as long as it takes, and says so; kill -9
 * still ends it at once, and the store stays consistent.
 *
 * <p>Exit status: the signal's usual one (130 or 143) once the command has finished; when the command failed
 * after the interrupt (bad input, or a bug), its own status (2 or 3) instead, so that a missing report is never
 * mistaken for a written one. {@link Main} tells the process how the command ended through {@link #commandEnded}.
 */
final class FollowUntilInterrupted implements FollowControl {
    /** The follower of this process, if one is running; there is at most one. */
    private static volatile FollowUntilInterrupted active;

    private final long pollMillis;
    private final PrintWriter err;
    private final String stopping;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile int endStatus;

    private FollowUntilInterrupted(long pollMillis, PrintWriter err, String stopping) {
        this.pollMillis = pollMillis;
        this.err = err;
        this.stopping = stopping;
        this.hook = new Thread(this::stopAndWait, "cutover-follow-stop");
    }

    /**
     * @param pollSeconds seconds between two looks at the files, &gt; 0
     * @param err         where the notice that the process is stopping goes
     * @param stopping    what the command does before it exits, for that notice
     */
    static FollowUntilInterrupted start(double pollSeconds, PrintWriter err, String stopping) {
        if (!(pollSeconds > 0 && pollSeconds <= 3600)) {
            throw new IllegalArgumentException("poll interval out of range: " + pollSeconds);
        }
        initializeStoreShutdownHooks();
        final FollowUntilInterrupted control = new FollowUntilInterrupted(Math.max(1, Math.round(pollSeconds * 1000)),
                err, stopping);
        active = control;
        Runtime.getRuntime().addShutdownHook(control.hook);
        return control;
    }

    /**
     * @param text the {@code --poll} value as given, or null for the default of one second
     * @return the seconds between two looks at the files
     * @throws UserError naming the value when it is not a number of seconds above 0 and at most 3600
     */
    static double pollSeconds(String text) {
        if (text == null) {
            return 1;
        }
        double seconds;
        try {
            seconds = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            seconds = Double.NaN;
        }
        if (!(seconds >= 0.001 && seconds <= 3600)) {
            throw new UserError("--poll " + text + ": expected a number of seconds from 0.001 to 3600, such as 1 or "
                    + "0.5");
        }
        return seconds;
    }

    /**
     * Chronicle registers a shutdown hook of its own when its first store opens; registering it during shutdown
     * fails. Loading that class now lets an interrupt that comes before the store opens end the process cleanly.
     */
    private static void initializeStoreShutdownHooks() {
        try {
            Class.forName("net.openhft.chronicle.core.io.BackgroundResourceReleaser", true,
                    FollowUntilInterrupted.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the traffic store's library is missing from the class path", e);
        }
    }

    /**
     * The command has finished and reported: an interrupted process may now exit, with {@code status} when it is a
     * failure.
     */
    static void commandEnded(int status) {
        final FollowUntilInterrupted control = active;
        if (control == null) {
            return;
        }
        active = null;
        control.endStatus = status;
        control.finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(control.hook);
        } catch (IllegalStateException e) {
            // The process is already shutting down; the hook is running and now returns.
        }
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

    @Override
    public boolean stopRequested() {
        return stopRequested.getCount() == 0;
    }

    private void stopAndWait() {
        stopRequested.countDown();
        err.println("cutover: stopping: " + stopping + " (kill -9 ends it at once; the store stays consistent)");
        err.flush();
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (endStatus >= 2) {
            Runtime.getRuntime().halt(endStatus);
        }
    }
}
