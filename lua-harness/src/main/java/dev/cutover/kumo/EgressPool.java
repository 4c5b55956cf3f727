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
