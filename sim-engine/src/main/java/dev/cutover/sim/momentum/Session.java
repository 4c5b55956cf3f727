package dev.cutover.sim.momentum;

import dev.cutover.ingest.Attempt;
import dev.cutover.ingest.Outcome;
import dev.cutover.sim.IdleTimer;

/**
 * One outbound SMTP session of a Momentum (binding, domain) queue.
 *
 * <p>Rules and sources (momentum.md §3.2–3.3):
 * <ul>
 *   <li>Each message attempt takes a token from the queue's {@code outbound_throttle_messages} budget when it
 *   begins to be delivered; with none left the session is suspended until the budget allows, stays open and
 *   writes nothing to the log (hooks {@code check_outbound_mess_throttle} / {@code inc_outbound_mess_throttle},
 *   support.sparkpost.com/momentum/3/3-api).</li>
 *   <li>The session closes after {@code max_deliveries_per_connection} successful deliveries (0 = unlimited;
 *   ref-max-deliveries-per-connection) or after {@code idle_timeout} with nothing to send.</li>
 *   <li>When the log shows the first message's attempt failing before any SMTP exchange (stage 0, no remote IP),
 *   or the receiver refuses the connection, the connection fails: that message is deferred and the session ends
 *   without having opened.</li>
 *   <li>A 421 reply closes the session: the receiver is closing the connection (RFC 5321 §3.8); the queue opens
 *   another if its connection goal still wants one.</li>
 * </ul>
 */
final class Session {
    private final MomentumModel model;
    private final MomentumQueue queue;
    /** The MX host the session connects to, with the caps it holds room under. */
    private final HostRoute route;
    private long successes;
    private final IdleTimer idleTimer;
    private boolean connected;

    Session(MomentumModel model, MomentumQueue queue, HostRoute route) {
        this.model = model;
        this.queue = queue;
        this.route = route;
        this.idleTimer = new IdleTimer(model.calendar(), this::idleTimedOut);
    }

    void start() {
        model.afterConnecting(this::connected);
    }

    private void connected() {
        final MomentumMessage first = queue.active.peek();
        if (first == null && model.refuses(queue)) {
            close();
            return;
        }
        final Attempt refused = first == null ? null : model.refusal(first);
        if (refused != null || first != null && model.connectionFails(first)) {
            queue.active.poll();
            final Attempt answer = refused != null ? refused : model.answer(first);
            if (queue.outcome(first, answer) == Outcome.PERMANENT) {
                model.bounced(first);
            } else {
                model.transientFailure(first);
            }
            close();
            if (refused == null) {
                model.connectionFailed(queue);
            }
            return;
        }
        model.contacted(queue);
        connected = true;
        queue.domainGauge.open(model.now());
        next();
    }

    private void next() {
        final long limit = queue.maxDeliveriesPerConnection();
        if (limit > 0 && successes >= limit || !queue.delivering()) {
            close();
            return;
        }
        final MomentumMessage message = queue.active.poll();
        if (message == null) {
            idle();
        } else {
            send(message);
        }
    }

    private void send(MomentumMessage message) {
        final TokenBucket budget = queue.messageBudget();
        if (budget != null && (budget.hasWaiters() || !budget.tryTake(model.now()))) {
            message.metrics.throttleDelay();
            if (budget.await(() -> transmit(message))) {
                model.at(budget.nextTokenMicros(model.now()), () -> model.serveWaiter(budget));
            }
            return;
        }
        transmit(message);
    }

    private void transmit(MomentumMessage message) {
        model.afterReply(() -> answered(message));
    }

    private void answered(MomentumMessage message) {
        final Attempt answer = model.answer(message);
        final Outcome outcome = answer == null ? null : queue.outcome(message, answer);
        if (outcome == null) {
            message.metrics.unresolved();
        } else if (outcome == Outcome.DELIVERED) {
            successes++;
            model.delivered(message);
        } else if (outcome == Outcome.TRANSIENT) {
            model.transientFailure(message);
        } else {
            model.bounced(message);
        }
        if (answer != null && message.responseCodeOf(answer) == 421) {
            close();
            return;
        }
        next();
    }

    private void idle() {
        if (!connected) {
            close();
            return;
        }
        queue.idle.add(this);
        final long timeout = (long) (queue.settings.idleTimeoutSeconds() * 1e6);
        idleTimer.arm(model.now() + timeout);
    }

    void wake() {
        idleTimer.disarm();
        next();
    }

    private void idleTimedOut() {
        queue.idle.remove(this);
        close();
    }

    private void close() {
        if (connected) {
            queue.domainGauge.close(model.now());
        }
        queue.sessionEnded(route);
    }
}
