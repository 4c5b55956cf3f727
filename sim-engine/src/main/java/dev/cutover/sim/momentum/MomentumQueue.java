package dev.cutover.sim.momentum;

import dev.cutover.ingest.Attempt;
import dev.cutover.ingest.Outcome;
import dev.cutover.sim.ConnectionGauge;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The active queue of one (binding, domain) pair: Momentum keeps one per binding and routing domain
 * (support.sparkpost.com/momentum/4/loam) and sizes its connections to it.
 *
 * <p>The connection goal rises with the active queue toward {@code max_outbound_connections}; the documented
 * curve (support.sparkpost.com/momentum/4/config/ref-connection-allocation-aggressiveness: 32 allowed, about 20
 * connections at 100 queued and 31 at 400 for {@code normal}) fits {@code max * (1 - e^(-c * AQ / max))}, with
 * c from {@link MomentumParameters}.
 *
 * <p>A new connection goes to the domain's best MX host that is still under its {@link HostCaps}: never a worse
 * one while a better one has room (momentum.md §4.2, support.sparkpost.com/momentum/4/config/ref-routes); the MX
 * data lists hosts best first, each taken as its own preference. With every host at its caps the queue waits, as
 * for a full shared cap.
 */
final class MomentumQueue {
    final String binding;
    final String domain;
    /** The receiving site of {@link #domain} (see {@link dev.cutover.sim.Destinations}). */
    final String destination;
    final QueueSettings settings;
    final TokenBucket messageBudget;
    final TokenBucket connectionBudget;
    final ConnectionCap scopeCap;
    final ConnectionCap serverCap;
    final ConnectionGauge domainGauge;
    /** The domain's MX hosts with their caps, best first; null when no host is capped. */
    private final HostRoute[] routes;
    final Deque<MomentumMessage> active = new ArrayDeque<>();
    final Deque<Session> idle = new ArrayDeque<>();
    private final MomentumModel model;
    /** Adaptive Delivery's state for this binding::domain, or null when it does not manage it. */
    AdaptiveState adaptive;
    int sessions;
    private boolean connectionRetryDue;

    /**
     * @param connectionBudget the outbound_throttle_connections budget, or null
     * @param scopeCap         the shared scope cap, or null
     * @param serverCap        the server (or binding) cap, or null
     * @param routes           the domain's MX hosts with their caps, best first; null when no host is capped
     */
    MomentumQueue(MomentumModel model, String binding, String domain, String destination, QueueSettings settings,
                  TokenBucket messageBudget, TokenBucket connectionBudget, ConnectionCap scopeCap,
                  ConnectionCap serverCap, ConnectionGauge domainGauge, HostRoute[] routes) {
        this.model = model;
        this.binding = binding;
        this.domain = domain;
        this.destination = destination;
        this.settings = settings;
        this.messageBudget = messageBudget;
        this.connectionBudget = connectionBudget;
        this.scopeCap = scopeCap;
        this.serverCap = serverCap;
        this.domainGauge = domainGauge;
        this.routes = routes;
    }

    void enqueue(MomentumMessage message) {
        if (adaptive != null && adaptive.blackholed()) {
            model.blackholed(message);
            return;
        }
        if (adaptive != null && adaptive.suspended()) {
            model.heldBySuspension(message, adaptive.releaseMicros());
            return;
        }
        active.add(message);
        final Session waiting = idle.poll();
        if (waiting != null) {
            waiting.wake();
        }
        maintain();
    }

    /** Opens connections up to the goal, as far as the shared caps and the connection throttle allow. */
    void maintain() {
        if (settings.deliverySuspended() || adaptive != null && adaptive.suspended()) {
            return;
        }
        final long goal = connectionGoal(active.size());
        while (sessions < goal) {
            final HostRoute route = routes == null ? HostRoute.ANY : bestRoute();
            if (route == null || !admitted()) {
                return;
            }
            route.opened();
            sessions++;
            new Session(model, this, route).start();
        }
    }

    /** @return the best MX host with room under its caps, or null after asking every host's full caps to wake us */
    private HostRoute bestRoute() {
        for (HostRoute route : routes) {
            if (route.hasRoom()) {
                return route;
            }
        }
        for (HostRoute route : routes) {
            route.await(this);
        }
        return null;
    }

    /**
     * A new connection must fit the scope and server caps and take a token from the connection throttle; a full
     * cap wakes the queue when a connection closes, an empty throttle when its next token is due.
     */
    private boolean admitted() {
        for (ConnectionCap cap : new ConnectionCap[] {scopeCap, serverCap}) {
            if (cap != null && !cap.hasRoom()) {
                cap.await(this);
                return false;
            }
        }
        if (connectionBudget != null && !connectionBudget.tryTake(model.now())) {
            if (!connectionRetryDue) {
                connectionRetryDue = true;
                model.at(connectionBudget.nextTokenMicros(model.now()), () -> {
                    connectionRetryDue = false;
                    maintain();
                });
            }
            return false;
        }
        if (scopeCap != null) {
            scopeCap.opened();
        }
        if (serverCap != null) {
            serverCap.opened();
        }
        return true;
    }

    /** Moves the active messages to the delayed queue when Adaptive Delivery suspends this queue. */
    void holdActive() {
        for (MomentumMessage message = active.poll(); message != null; message = active.poll()) {
            model.heldBySuspension(message, adaptive.releaseMicros());
        }
    }

    /** Discards the active messages when Adaptive Delivery blackholes this queue. */
    void discardActive() {
        for (MomentumMessage message = active.poll(); message != null; message = active.poll()) {
            model.blackholed(message);
        }
    }

    /**
     * @return the outcome {@code answer} gives {@code message}: its own, or the one Adaptive Delivery's rules make
     *         of it when they manage this queue
     */
    Outcome outcome(MomentumMessage message, Attempt answer) {
        return adaptive == null ? message.outcomeOf(answer) : adaptive.observe(message, answer);
    }

    /** @return false while a suspension keeps this queue's sessions from taking messages */
    boolean delivering() {
        return adaptive == null || !adaptive.suspended();
    }

    /** @return max_outbound_connections, as Adaptive Delivery has it when it manages this queue */
    long maxOutboundConnections() {
        return adaptive == null ? settings.maxOutboundConnections() : adaptive.maxOutboundConnections();
    }

    /** @return max_deliveries_per_connection (0 for unlimited), as Adaptive Delivery has it */
    long maxDeliveriesPerConnection() {
        return adaptive == null ? settings.maxDeliveriesPerConnection() : adaptive.maxDeliveriesPerConnection();
    }

    /** @return the message budget sessions draw from: Adaptive Delivery's for this queue when it set one */
    TokenBucket messageBudget() {
        if (adaptive == null) {
            return messageBudget;
        }
        final TokenBucket own = adaptive.budget();
        return own != null ? own : adaptive.throttleLifted() ? null : messageBudget;
    }

    long connectionGoal(int activeMessages) {
        final long max = maxOutboundConnections();
        if (activeMessages == 0 || max <= 0) {
            return 0;
        }
        final double c = settings.highAggressiveness()
                ? model.parameters().highRampCoefficient() : model.parameters().normalRampCoefficient();
        final double goal = Math.ceil(max * (1 - Math.exp(-c * activeMessages / max)));
        return Math.max(1, Math.min(max, (long) goal));
    }

    /** A session closed: its room under the caps goes first to the queues that waited for it. */
    void sessionEnded(HostRoute route) {
        sessions--;
        route.closed();
        if (scopeCap != null) {
            scopeCap.closed();
        }
        if (serverCap != null) {
            serverCap.closed();
        }
        maintain();
    }
}
