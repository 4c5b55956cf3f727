package dev.cutover.ingest;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Rejected lines counted per {@link RejectReason}. Iteration follows the declaration order of the
 * reasons, so reports built from it are deterministic.
 */
public final class RejectCounts {
    private final EnumMap<RejectReason, Long> counts = new EnumMap<>(RejectReason.class);

    /** Counts one more line rejected for {@code reason}. */
    public void add(RejectReason reason) {
        counts.merge(reason, 1L, Long::sum);
    }

    /** @return lines rejected for {@code reason}, 0 if none */
    public long count(RejectReason reason) {
        return counts.getOrDefault(reason, 0L);
    }

    /** @return all rejected lines */
    public long total() {
        long total = 0;
        for (long count : counts.values()) {
            total += count;
        }
        return total;
    }

    /** @return the non-zero counts in declaration order of the reasons, unmodifiable */
    public Map<RejectReason, Long> asMap() {
        return Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    /** @return an independent copy of these counts */
    public RejectCounts copy() {
        final RejectCounts copy = new RejectCounts();
        copy.counts.putAll(counts);
        return copy;
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
