package dev.cutover.sim.momentum.conf;

/**
 * A Momentum message or connection throttle: at most {@code count} per {@code periodSeconds}.
 *
 * <p>From support.sparkpost.com/momentum/4/config/ref-outbound-throttle-messages and
 * …/ref-outbound-throttle-connections: the value {@code "N"} means N per second and {@code "N/S"}
 * N per S seconds; the throttle is one budget shared by every (binding, domain) whose lookup falls
 * back to the stanza that sets it. Example: {@code Outbound_Throttle_Messages = "1000/3600"} in
 * {@code Binding_Group "retail" > Domain "example.org"} is one budget of 1000 messages an hour for
 * all of retail's bindings together, identified by {@link #definingStanza()}.
 *
 * @param count          messages or connections per period, at least 1
 * @param periodSeconds  the period, at least 1
 * @param definingStanza the identity of the shared budget
 * @param location       file, line and stanza of the value
 */
public record MomentumThrottle(long count, long periodSeconds, StanzaKey definingStanza, String location) {

    /** @return the sustained rate in units per second, e.g. 0.2777… for 1000/3600 */
    public double ratePerSecond() {
        return (double) count / periodSeconds;
    }
}
