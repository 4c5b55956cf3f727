package dev.cutover.sim.kumo;

import dev.cutover.kumo.EgressPool;
import dev.cutover.kumo.Gcra;
import dev.cutover.kumo.QueueConfig;
import dev.cutover.sim.DomainMetrics;
import dev.cutover.sim.LongMap;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

/**
 * A kumod scheduled queue, named {@code campaign:tenant@domain} ({@code docs/reference/queues.md}), with its queue
 * configuration, its egress pool and the weighted round robin that picks a source each time one of its messages is
 * promoted ({@code crates/kumod/src/egress_source.rs}). The round robin is the smooth variant: each pick adds every
 * entry's weight to its credit and takes the entry with the most credit, so weights 2 and 1 give A, B, A.
 *
 * <p>Its delayed messages wait in a timer wheel that pops them on its tick ({@code queue/strategy.rs}); the model
 * keeps them per tick, in the order they were delayed, and pops each tick's messages together.
 */
final class ScheduledQueue {
    /** Enough spare wheel slots for every tick a re-delay of a full ready queue reaches (59 s at 3 s a tick). */
    private static final int SPARE_SLOTS = 32;

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
    /** Delayed messages by the tick of the timer wheel that pops them, each tick's in the order they came. */
    final LongMap<ArrayDeque<KumoMessage>> wheel = new LongMap<>();
    /** Popped, empty slots of the wheel, kept for reuse. */
    private final ArrayDeque<ArrayDeque<KumoMessage>> spareSlots = new ArrayDeque<>();
    private final long[] weights;
    private final long totalWeight;
    private final long[] credit;
    /** Equal weights make the smooth round robin a plain one, 0, 1, 2, 0, ...: it is taken without credits. */
    private final boolean equalWeights;
    private int roundRobin;
    /** The metrics of the one domain whose messages this queue has held, or null before the first or after two. */
    private DomainMetrics soleMetrics;
    private boolean mixedDomains;

    ScheduledQueue(String name, String domain, QueueConfig config, EgressPool pool, long seed) {
        this.random = new SplittableRandom(seed * 31 + name.hashCode());
        this.name = name;
        this.domain = domain;
        this.config = config;
        this.pool = pool;
        this.messageRate = config.maxMessageRate() == null ? null : new Gcra(config.maxMessageRate());
        this.weights = pool.entries().stream().mapToLong(EgressPool.Entry::weight).toArray();
        this.totalWeight = java.util.Arrays.stream(weights).sum();
        this.credit = new long[weights.length];
        this.equalWeights = java.util.Arrays.stream(weights).distinct().count() == 1;
        this.readyQueues = new ReadyQueue[pool.entries().size()];
    }

    /**
     * Takes the round robin's next pick; a promotion offers the pool's entries from it onward, wrapping around.
     *
     * @return the index of the pool entry the round robin picks for the next promotion
     */
    int nextSource() {
        if (equalWeights) {
            final int pick = roundRobin;
            roundRobin = pick + 1 == weights.length ? 0 : pick + 1;
            return pick;
        }
        for (int i = 0; i < weights.length; i++) {
            credit[i] += weights[i];
        }
        final int best = best();
        credit[best] -= totalWeight;
        return best;
    }

    /** Notes that a message counted in {@code metrics} entered the queue. */
    void holds(DomainMetrics metrics) {
        if (soleMetrics == null && !mixedDomains) {
            soleMetrics = metrics;
        } else if (soleMetrics != metrics) {
            soleMetrics = null;
            mixedDomains = true;
        }
    }

    /**
     * @return the metrics every message of this queue is counted in, or null when it has held messages of more
     * than one domain (a queue a reception hook named)
     */
    DomainMetrics soleMetrics() {
        return soleMetrics;
    }

    /** @return an empty slot for the timer wheel, one popped before when there is one, with its room */
    ArrayDeque<KumoMessage> spareSlot() {
        final ArrayDeque<KumoMessage> spare = spareSlots.poll();
        return spare == null ? new ArrayDeque<>() : spare;
    }

    /** Keeps a popped timer-wheel slot, now empty, for a later tick, so slots do not grow their room again. */
    void spare(ArrayDeque<KumoMessage> slot) {
        if (spareSlots.size() < SPARE_SLOTS) {
            spareSlots.push(slot);
        }
    }

    /** Takes {@code count} picks of the round robin at once, as that many promotions that found no room would. */
    void skipSources(int count) {
        if (equalWeights) {
            roundRobin = (int) ((roundRobin + (long) count) % weights.length);
            return;
        }
        for (int i = 0; i < count; i++) {
            nextSource();
        }
    }

    /** @return the number of pool entries */
    int sources() {
        return weights.length;
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
