package dev.cutover.sim;

/**
 * How long the simulated receivers take, from the scenario's {@code [receivers]} table.
 *
 * @param smtpLatencyMicros    time from starting a message's transaction to its reply, per message
 * @param connectLatencyMicros time from opening a connection to being ready to send (TCP, banner, EHLO, TLS)
 */
public record ReceiverParameters(long smtpLatencyMicros, long connectLatencyMicros) {

    public ReceiverParameters {
        if (smtpLatencyMicros < 0 || connectLatencyMicros < 0) {
            throw new IllegalArgumentException("receiver latencies must not be negative");
        }
    }
}
