package dev.cutover.sim.momentum;

/** One MX host of a queue's domain, with the caps on the queue's connections to it ({@link HostCaps}). */
final class HostRoute {
    /** A host without caps, for a queue whose domain has no capped host. */
    static final HostRoute ANY = new HostRoute("", new ConnectionCap[0]);

    final String host;
    private final ConnectionCap[] caps;

    HostRoute(String host, ConnectionCap[] caps) {
        this.host = host;
        this.caps = caps.clone();
    }

    boolean hasRoom() {
        for (ConnectionCap cap : caps) {
            if (!cap.hasRoom()) {
                return false;
            }
        }
        return true;
    }

    /** Notes {@code queue} on every full cap, to try again when one of them has room. */
    void await(MomentumQueue queue) {
        for (ConnectionCap cap : caps) {
            if (!cap.hasRoom()) {
                cap.await(queue);
            }
        }
    }

    void opened() {
        for (ConnectionCap cap : caps) {
            cap.opened();
        }
    }

    void closed() {
        for (ConnectionCap cap : caps) {
            cap.closed();
        }
    }
}
