package dev.cutover.sim.kumo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Connection leases shared by label, as kumod's ready-queue maintainer takes them
 * ({@code crates/kumod/src/ready_queue.rs}; kumomta.md §3.4): one lease for the queue's own
 * {@code kumomta.connection_limit.<ready queue>} and one per {@code additional_connection_limits} label, which
 * every ready queue naming that label shares (the shaping helper's provider limits are such labels). A dispatcher
 * holds its leases, idle or not, until its connection ends. A queue that could not get a lease waits for one to
 * be released.
 */
final class ConnectionLeases {
    private final Map<String, Lease> leases = new HashMap<>();

    /**
     * Takes one lease of every label in {@code limits} (label to limit), or none of them.
     *
     * @param waiter told when a lease it waited for is released
     * @return true when every lease was taken
     */
    boolean tryAcquire(Map<String, Long> limits, ReadyQueue waiter) {
        final List<Lease> taken = new ArrayList<>(limits.size());
        for (Map.Entry<String, Long> entry : limits.entrySet()) {
            final Lease lease = leases.computeIfAbsent(entry.getKey(), k -> new Lease());
            if (lease.inUse >= entry.getValue()) {
                taken.forEach(l -> l.inUse--);
                lease.wait(waiter);
                return false;
            }
            lease.inUse++;
            lease.peak = Math.max(lease.peak, lease.inUse);
            taken.add(lease);
        }
        return true;
    }

    /** Releases one lease of each label and returns the queues that waited for any of them. */
    List<ReadyQueue> release(Iterable<String> labels) {
        final List<ReadyQueue> woken = new ArrayList<>();
        for (String label : labels) {
            final Lease lease = leases.get(label);
            lease.inUse--;
            woken.addAll(lease.waiters);
            lease.waiters.clear();
        }
        return woken;
    }

    /** @return leases of {@code label} in use now. */
    long inUse(String label) {
        final Lease lease = leases.get(label);
        return lease == null ? 0 : lease.inUse;
    }

    /** @return the most leases of {@code label} ever held at once. */
    long peak(String label) {
        final Lease lease = leases.get(label);
        return lease == null ? 0 : lease.peak;
    }

    private static final class Lease {
        long inUse;
        long peak;
        final Deque<ReadyQueue> waiters = new ArrayDeque<>();

        void wait(ReadyQueue waiter) {
            if (!waiters.contains(waiter)) {
                waiters.add(waiter);
            }
        }
    }
}
