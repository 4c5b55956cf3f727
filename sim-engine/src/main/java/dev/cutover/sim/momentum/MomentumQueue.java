package dev.cutover.sim.momentum;

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
 */
final class MomentumQueue {
    final String binding;
    final String domain;
    final QueueSettings settings;
    final TokenBucket messageBudget;
    final ConnectionGauge domainGauge;
    final Deque<MomentumMessage> active = new ArrayDeque<>();
    final Deque<Session> idle = new ArrayDeque<>();
    private final MomentumModel model;
    int sessions;

    MomentumQueue(MomentumModel model, String binding, String domain, QueueSettings settings,
                  TokenBucket messageBudget, ConnectionGauge domainGauge) {
        this.model = model;
        this.binding = binding;
        this.domain = domain;
        this.settings = settings;
        this.messageBudget = messageBudget;
        this.domainGauge = domainGauge;
    }

    void enqueue(MomentumMessage message) {
        active.add(message);
        final Session waiting = idle.poll();
        if (waiting != null) {
            waiting.wake();
        }
        maintain();
    }

    void maintain() {
        final long goal = connectionGoal(active.size());
        while (sessions < goal) {
            sessions++;
            new Session(model, this).start();
        }
    }

    long connectionGoal(int activeMessages) {
        final long max = settings.maxOutboundConnections();
        if (activeMessages == 0 || max <= 0) {
            return 0;
        }
        final double c = settings.highAggressiveness()
                ? model.parameters().highRampCoefficient() : model.parameters().normalRampCoefficient();
        final double goal = Math.ceil(max * (1 - Math.exp(-c * activeMessages / max)));
        return Math.max(1, Math.min(max, (long) goal));
    }

    void sessionEnded() {
        sessions--;
        maintain();
    }
}
