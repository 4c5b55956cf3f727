package dev.cutover.kumo;

import java.util.List;

/**
 * A {@code kumo.make_egress_pool} result: named sources with weights ({@code crates/kumod/src/egress_source.rs};
 * weight defaults to 1, and an entry of weight 0 is dropped).
 *
 * @param name    pool name
 * @param entries the sources in declaration order
 */
public record EgressPool(String name, List<Entry> entries) {

    public EgressPool {
        entries = List.copyOf(entries);
    }

    /**
     * kumod cannot send a queue's messages through a pool without a source of weight above 0 (entries of weight 0
     * are dropped when the pool is built).
     *
     * @param policyLabel how the policy is named in the message
     * @param queue       the scheduled queue that uses the pool, such as {@code retail@gmail.com}
     * @return this pool, when it has a source
     * @throws PolicyException naming the pool and the queue when it has none
     */
    public EgressPool requireSources(String policyLabel, String queue) {
        if (entries.isEmpty()) {
            throw new PolicyException(policyLabel, 0, "get_egress_pool '" + name + "' gives no source with a weight "
                    + "above 0, so kumod could not send the messages of queue " + queue);
        }
        return this;
    }

    /** The built-in pool holding the one source "unspecified". */
    public static EgressPool unspecified() {
        return new EgressPool(QueueConfig.UNSPECIFIED_POOL, List.of(new Entry("unspecified", 1)));
    }

    /**
     * @param name   egress source name
     * @param weight relative weight, at least 1
     */
    public record Entry(String name, long weight) {
    }
}
