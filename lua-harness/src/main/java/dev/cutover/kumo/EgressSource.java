package dev.cutover.kumo;

/**
 * A {@code kumo.make_egress_source} result ({@code crates/kumod/src/egress_source.rs}).
 *
 * @param name          source name
 * @param sourceAddress bind address, or null
 * @param ehloDomain    EHLO name, or null
 */
public record EgressSource(String name, String sourceAddress, String ehloDomain) {
}
