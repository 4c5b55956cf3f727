package dev.cutover.sim.kumo;

import dev.cutover.kumo.EgressPathConfig;
import dev.cutover.kumo.Gcra;
import dev.cutover.kumo.ThrottleSpec;
import dev.cutover.sim.ConnectionGauge;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kumod ready queue, one per (egress source, site), named {@code <source>-><site>@smtp_client}
 * ({@code crates/kumod/src/ready_queue.rs}): the unit of {@code connection_limit}, {@code max_message_rate},
 * {@code max_connection_rate} and {@code max_ready}.
 *
 * <p>Its maintainer targets {@code min(N, ceil(connection_limit * (1 - e^(-0.023 N))))} connections for N ready
 * messages, so 32 allowed connections give 1 for N=1, 7 for N=10 and 25 for N=64 (kumomta.md §3.4); only the
 * primary connection_limit enters the formula, while additional limits gate it through shared leases.
 */
final class ReadyQueue {
    final String name;
    final String source;
    final String site;
    /** The routing domain of the scheduled queue that created it, whose path config it takes. */
    final String domain;
    final ConnectionGauge siteGauge;
    EgressPathConfig config;
    List<Gcra> messageThrottles;
    Gcra connectionRate;
    Map<String, Long> leaseLimits;
    /** Until when TSA's {@code Suspend} holds it (kumomta.md §3.7), in model time; 0 when it is not held. */
    long suspendedUntil;
    final Deque<KumoMessage> fifo = new ArrayDeque<>();
    /** Connections that failed in a row; a connection that opens resets it. */
    long connectionFailures;
    final Deque<Dispatcher> idle = new ArrayDeque<>();
    private final KumoModel model;
    int dispatchers;

    ReadyQueue(KumoModel model, String source, String site, String domain, EgressPathConfig config,
               ConnectionGauge siteGauge) {
        this.model = model;
        this.name = source + "->" + site + "@smtp_client";
        this.source = source;
        this.site = site;
        this.domain = domain;
        this.siteGauge = siteGauge;
        reconfigure(config);
    }

    /**
     * Takes a new path config, as a ready queue does when its config epoch is bumped (refresh strategy
     * {@code Epoch}): new limits apply to the next message and connection; open connections stay open.
     */
    void reconfigure(EgressPathConfig newConfig) {
        final boolean changed = config != null && !newConfig.equals(config);
        config = newConfig;
        messageThrottles = messageThrottles(model, name, newConfig);
        connectionRate = newConfig.maxConnectionRate() == null ? null : new Gcra(newConfig.maxConnectionRate());
        leaseLimits = leaseLimits(name, newConfig);
        if (changed) {
            maintain();
        }
    }

    /** @return true while TSA holds this queue suspended */
    boolean isSuspended(long nowMicros) {
        return nowMicros < suspendedUntil;
    }

    /**
     * Suspends the queue until {@code untilMicros}: its ready messages go back through promotion, which skips it
     * while it is suspended, and its idle connections close (kumomta.md §3.7).
     */
    void suspend(long untilMicros) {
        suspendedUntil = untilMicros;
        final List<KumoMessage> waiting = new ArrayList<>(fifo);
        fifo.clear();
        waiting.forEach(model::repromote);
        for (Dispatcher dispatcher = idle.poll(); dispatcher != null; dispatcher = idle.poll()) {
            dispatcher.closeIdle();
        }
    }

    private static List<Gcra> messageThrottles(KumoModel model, String name, EgressPathConfig config) {
        final List<Gcra> throttles = new ArrayList<>();
        if (config.maxMessageRate() != null) {
            throttles.add(model.sharedThrottle("kumomta.max_message_rate." + name, config.maxMessageRate()));
        }
        for (Map.Entry<String, ThrottleSpec> entry : config.additionalMessageRateThrottles().entrySet()) {
            throttles.add(model.sharedThrottle(entry.getKey(), entry.getValue()));
        }
        throttles.sort(Comparator.comparingDouble(Gcra::ratePerSecond));
        return List.copyOf(throttles);
    }

    private static Map<String, Long> leaseLimits(String name, EgressPathConfig config) {
        final Map<String, Long> limits = new LinkedHashMap<>();
        limits.put("kumomta.connection_limit." + name, config.connectionLimit());
        config.additionalConnectionLimits().entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .forEach(e -> limits.put(e.getKey(), e.getValue()));
        return limits;
    }

    boolean isFull() {
        return fifo.size() >= config.maxReady();
    }

    void insert(KumoMessage message) {
        fifo.add(message);
        final Dispatcher waiting = idle.poll();
        if (waiting != null) {
            waiting.wake();
        }
        maintain();
    }

    /** Opens connections up to the target for the current depth, as far as leases allow. */
    void maintain() {
        if (isSuspended(model.now())) {
            return;
        }
        final int target = idealConnections(fifo.size(), config.connectionLimit());
        while (dispatchers < target && model.leases().tryAcquire(leaseLimits, this)) {
            dispatchers++;
            new Dispatcher(model, this).start();
        }
    }

    /** kumod's {@code ideal_connection_count}. */
    static int idealConnections(int readyMessages, long connectionLimit) {
        final double curve = Math.ceil(connectionLimit * (1 - Math.exp(-0.023 * readyMessages)));
        return (int) Math.min(readyMessages, curve);
    }

    /** Sends every ready message back to its scheduled queue for {@code delayMicros}, attempts unchanged. */
    void pushBackAll(long delayMicros) {
        for (KumoMessage message = fifo.poll(); message != null; message = fifo.poll()) {
            model.throttled(message, delayMicros);
        }
    }

    void dispatcherEnded() {
        dispatchers--;
        for (ReadyQueue waiter : model.leases().release(leaseLimits.keySet())) {
            waiter.maintain();
        }
        maintain();
    }
}
