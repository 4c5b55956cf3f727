package dev.cutover.ingest;

import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lets the test decide when the following ingest looks at its files again, and when it stops. */
final class FollowStepper implements FollowControl {
    private final Semaphore parked = new Semaphore(0);
    private final SynchronousQueue<Boolean> commands = new SynchronousQueue<>();

    @Override
    public boolean awaitMore() {
        parked.release();
        try {
            return commands.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public long saveIntervalNanos() {
        return 0;
    }

    void awaitParked() throws InterruptedException {
        assertTrue(parked.tryAcquire(60, TimeUnit.SECONDS), "the ingest reached the end of its files");
    }

    void lookAgain() throws InterruptedException {
        commands.put(Boolean.TRUE);
        awaitParked();
    }

    /** Lets the ingest look again without waiting for it to reach the end: for a look that ends the ingest. */
    void lookAgainWithoutWaiting() throws InterruptedException {
        commands.put(Boolean.TRUE);
    }

    void stop() throws InterruptedException {
        commands.put(Boolean.FALSE);
    }
}
