package dev.cutover.sim.momentum;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A cap on concurrent connections shared by several (binding, domain) queues: {@code scope_max_outbound_connections}
 * or {@code server_max_outbound_connections} (momentum.md §3.2). A queue that wants a connection while the cap is
 * full waits; each connection that closes lets the waiting queues, longest waiting first, try again.
 */
final class ConnectionCap {
    private final long limit;
    private final Set<MomentumQueue> waiting = new LinkedHashSet<>();
    private long open;

    ConnectionCap(long limit) {
        this.limit = limit;
    }

    boolean hasRoom() {
        return open < limit;
    }

    void opened() {
        open++;
    }

    /** Notes a queue that found the cap full, to be woken when a connection closes. */
    void await(MomentumQueue queue) {
        waiting.add(queue);
    }

    /** A connection closed: the queues that waited try again while there is room. */
    void closed() {
        open--;
        if (waiting.isEmpty()) {
            return;
        }
        final List<MomentumQueue> woken = new ArrayList<>(waiting);
        waiting.clear();
        for (MomentumQueue queue : woken) {
            if (hasRoom()) {
                queue.maintain();
            } else {
                waiting.add(queue);
            }
        }
    }
}
