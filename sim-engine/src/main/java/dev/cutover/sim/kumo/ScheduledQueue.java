package dev.cutover.sim.kumo;

import dev.cutover.kumo.EgressPool;
import dev.cutover.kumo.QueueConfig;

import java.util.SplittableRandom;

/**
 * A kumod scheduled queue, named {@code campaign:tenant@domain} ({@code docs/reference/queues.md}), with its queue
 * configuration, its egress pool and the weighted round robin that picks a source each time one of its messages is
 * promoted ({@code crates/kumod/src/egress_source.rs}). The round robin is the smooth variant: each pick adds every
 * entry's weight to its credit and takes the entry with the most credit, so weights 2 and 1 give A, B, A.
 */
final class ScheduledQueue {
    final String name;
    final String domain;
    final QueueConfig config;
    final EgressPool pool;
    final Gcra messageRate;
    /**
     * This queue's own random stream (retry jitter, re-delay when every ready queue is full), seeded from the
     * scenario seed and the queue's name, so what happens to one queue's messages never moves another's.
     */
    final SplittableRandom random;
    /** The ready queue of each pool entry, resolved on first use; the site is fixed per scheduled queue. */
    final ReadyQueue[] readyQueues;
    private final long[] credit;

    ScheduledQueue(String name, String domain, QueueConfig config, EgressPool pool, long seed) {
        this.random = new SplittableRandom(seed * 31 + name.hashCode());
        this.name = name;
        this.domain = domain;
        this.config = config;
        this.pool = pool;
        this.messageRate = config.maxMessageRate() == null ? null : new Gcra(config.maxMessageRate());
        this.credit = new long[pool.entries().size()];
        this.readyQueues = new ReadyQueue[pool.entries().size()];
    }

    /** @return pool entries in the order the round robin offers them for the next promotion. */
    int[] sourceOrder() {
        final int n = credit.length;
        long total = 0;
        for (int i = 0; i < n; i++) {
            credit[i] += pool.entries().get(i).weight();
            total += pool.entries().get(i).weight();
        }
        final int best = best();
        credit[best] -= total;
        final int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (best + i) % n;
        }
        return order;
    }

    private int best() {
        int best = 0;
        for (int i = 1; i < credit.length; i++) {
            if (credit[i] > credit[best]) {
                best = i;
            }
        }
        return best;
    }
}
