package dev.cutover.ingest.synth;

/**
 * One (binding, domain) queue of the observed Momentum, modelled as a FIFO server: it starts at most one
 * attempt every {@code serviceMicros} (the domain's capacity per binding) and reuses an outbound
 * connection for {@code messagesPerConnection} attempts, or until it has been idle for a minute.
 *
 * <p>Example: at 600 messages per minute the service time is 100,000 µs, so three messages arriving
 * together start at +0, +0.1 and +0.2 s.
 */
final class DeliveryQueue {
    private static final long IDLE_CLOSE_MICROS = 60_000_000L;

    private final long serviceMicros;
    private final int messagesPerConnection;
    private final String[] remoteIps;
    private long freeAtMicros = Long.MIN_VALUE;
    private long lastStartMicros = Long.MIN_VALUE;
    private int attemptsOnConnection;
    private int connectionsOpened;
    private String connectionId;
    private String remoteIp;

    DeliveryQueue(long serviceMicros, int messagesPerConnection, String[] remoteIps) {
        this.serviceMicros = serviceMicros;
        this.messagesPerConnection = messagesPerConnection;
        this.remoteIps = remoteIps;
    }

    /** @return when an attempt that arrives at {@code arrivalMicros} starts; the queue is busy until then */
    long start(long arrivalMicros, MomentumIds connectionIds) {
        final long startMicros = Math.max(arrivalMicros, freeAtMicros);
        final boolean idle = startMicros - lastStartMicros > IDLE_CLOSE_MICROS;

        if (connectionId == null || idle || attemptsOnConnection >= messagesPerConnection) {
            connectionId = connectionIds.next();
            remoteIp = remoteIps[connectionsOpened++ % remoteIps.length];
            attemptsOnConnection = 0;
        }
        attemptsOnConnection++;
        freeAtMicros = startMicros + serviceMicros;
        lastStartMicros = startMicros;
        return startMicros;
    }

    String connectionId() {
        return connectionId;
    }

    String remoteIp() {
        return remoteIp;
    }
}
