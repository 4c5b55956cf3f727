package dev.cutover.sim.momentum.conf;

/**
 * A Momentum connection cap shared, like a throttle, by every (binding, domain) queue whose lookup ends in the
 * stanza that sets it (support.sparkpost.com/momentum/4/config/ref-scope-max-outbound-connections and
 * …/ref-server-max-outbound-connections). Example: {@code Scope_Max_Outbound_Connections = 20} in
 * {@code Binding_Group "retail" > Domain "example.org"} allows 20 connections to example.org from all of
 * retail's bindings together.
 *
 * @param limit          concurrent connections allowed
 * @param definingStanza the identity of the shared cap
 * @param location       file, line and stanza of the value, or {@code built-in default}
 */
public record SharedLimit(long limit, StanzaKey definingStanza, String location) {
}
