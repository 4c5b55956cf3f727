package dev.cutover.sim.kumo;

import dev.cutover.ingest.Attempt;
import dev.cutover.ingest.Outcome;
import dev.cutover.kumo.Gcra;
import dev.cutover.sim.IdleTimer;

/**
 * One outbound connection of a ready queue, run as kumod's dispatcher loop does
 * ({@code crates/kumod/src/ready_queue.rs} {@code Dispatcher::run}; kumomta.md §3.5):
 * <ol>
 *   <li>take a message; with none ready, wait up to {@code idle_timeout} for one, then close;</li>
 *   <li>before connecting, ask {@code max_connection_rate}: a wait shorter than {@code idle_timeout} is slept
 *   out, a longer one sends the whole ready queue and the message in hand back to the scheduled queue for that
 *   long, attempts unchanged;</li>
 *   <li>before each message, ask the message-rate throttles from the strictest, each charged only when it
 *   allows; the same short-wait / long-wait rule applies;</li>
 *   <li>send; every attempt counts toward {@code max_deliveries_per_connection}, success or not, and the
 *   connection closes when it reaches the limit;</li>
 *   <li>an attempt the log shows failing before any SMTP exchange fails to connect ({@link #failedToConnect});</li>
 *   <li>a 421 reply means the receiver is closing the connection (RFC 5321 §3.8): the message is requeued as a
 *   transient failure and the dispatcher connects again for its next message ({@code smtp_dispatcher.rs}: the
 *   client is no longer connected, {@code update_state_for_reconnect}).</li>
 * </ol>
 * A connection that ends releases its leases and wakes the maintainer at once (the fixed behaviour of
 * KumoCorp/kumomta#116).
 */
final class Dispatcher {
    /** kumod's answer for every message of a ready queue delayed after too many failed connections. */
    private static final Attempt BULK_DELAY = new Attempt(0, Outcome.TRANSIENT, 451, "451 4.4.1 bulk delay of ready "
            + "queue: too many successive connection failures where there was no answer from any hosts listed in MX",
            0, 0, "", "", "", -1, "");

    private final KumoModel model;
    private final ReadyQueue queue;
    private boolean connected;
    private long attemptsThisConnection;
    private final IdleTimer idleTimer;

    Dispatcher(KumoModel model, ReadyQueue queue) {
        this.model = model;
        this.queue = queue;
        this.idleTimer = new IdleTimer(model.calendar(), this::idleTimedOut);
    }

    void start() {
        final KumoMessage message = queue.isSuspended(model.now()) ? null : queue.fifo.poll();
        if (message == null) {
            queue.dispatcherEnded();
            return;
        }
        connect(message);
    }

    private void connect(KumoMessage message) {
        final long wait = queue.connectionRate == null ? 0 : queue.connectionRate.acquire(model.now());
        if (wait == 0) {
            model.afterConnecting(() -> connected(message));
        } else if (wait < queue.config.idleTimeoutMicros()) {
            model.at(model.now() + wait, () -> connect(message));
        } else {
            model.throttled(message, wait);
            queue.pushBackAll(wait);
            queue.dispatcherEnded();
        }
    }

    private void connected(KumoMessage message) {
        final Attempt refused = model.refusal(message, queue);
        if (refused != null || model.connectionFails(message)) {
            failedToConnect(message, refused);
            return;
        }
        queue.connectionFailures = 0;
        connected = true;
        queue.siteGauge.open(model.now());
        send(message);
    }

    /**
     * The site refused the connection, or the log shows this attempt never reached SMTP: the message fails with
     * attempts + 1. A connection no host answered (the log's case, not a refusal, which is an answer) counts toward
     * the ready queue's failures in a row; once that count already passes
     * {@code consecutive_connection_failures_before_delay}, every message of the ready queue fails with the bulk
     * delay response too ({@code ready_queue.rs} {@code delay_ready_queue}). The dispatcher then tries a new
     * connection for its next message.
     */
    private void failedToConnect(KumoMessage message, Attempt refused) {
        final Attempt answer = refused != null ? refused : model.answer(message, queue);
        model.automation().response(message, queue, answer);
        model.transientFailure(message);
        if (refused == null && queue.connectionFailures++ > queue.config.connectionFailuresBeforeDelay()) {
            for (KumoMessage held = queue.fifo.poll(); held != null; held = queue.fifo.poll()) {
                model.automation().response(held, queue, BULK_DELAY);
                model.transientFailure(held);
            }
        }
        next();
    }

    private void send(KumoMessage message) {
        for (Gcra throttle : queue.messageThrottles) {
            final long wait = throttle.acquire(model.now());
            if (wait == 0) {
                continue;
            }
            if (wait < queue.config.idleTimeoutMicros()) {
                model.heldOnConnection(message);
                model.at(model.now() + wait, () -> send(message));
            } else {
                model.throttled(message, wait);
                queue.pushBackAll(wait);
                idle();
            }
            return;
        }
        message.heldOnConnection = false;
        attemptsThisConnection++;
        model.afterReply(() -> answered(message));
    }

    private void answered(KumoMessage message) {
        final Attempt answer = model.answer(message, queue);
        final Outcome outcome = answer == null ? null : message.outcomeOf(answer);
        if (answer != null && outcome != Outcome.DELIVERED) {
            model.automation().response(message, queue, answer);
        }
        if (answer == null) {
            model.unresolved(message);
        } else if (outcome == Outcome.DELIVERED) {
            model.delivered(message);
        } else if (outcome == Outcome.TRANSIENT) {
            model.transientFailure(message);
        } else {
            model.bounced(message);
        }
        if (answer != null && message.responseCodeOf(answer) == 421) {
            disconnected();
        }
        next();
    }

    /** The receiver closed the connection (a 421, RFC 5321 §3.8): the next message needs a new one. */
    private void disconnected() {
        if (connected) {
            connected = false;
            queue.siteGauge.close(model.now());
        }
        attemptsThisConnection = 0;
    }

    private void next() {
        if (attemptsThisConnection >= queue.config.maxDeliveriesPerConnection()) {
            close();
            return;
        }
        if (queue.isSuspended(model.now())) {
            close();
            return;
        }
        final KumoMessage message = queue.fifo.poll();
        if (message == null) {
            if (connected) {
                idle();
            } else {
                close();
            }
        } else if (connected) {
            send(message);
        } else {
            connect(message);
        }
    }

    private void idle() {
        queue.idle.add(this);
        idleTimer.arm(model.now() + queue.config.idleTimeoutMicros());
    }

    void wake() {
        idleTimer.disarm();
        next();
    }

    /** Closes this connection while it waits for a message, as a suspended queue's connections do. */
    void closeIdle() {
        idleTimer.disarm();
        close();
    }

    private void idleTimedOut() {
        queue.idle.remove(this);
        close();
    }

    private void close() {
        if (connected) {
            queue.siteGauge.close(model.now());
        }
        queue.dispatcherEnded();
    }
}
