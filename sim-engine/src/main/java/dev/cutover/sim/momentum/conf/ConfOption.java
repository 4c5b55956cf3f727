package dev.cutover.sim.momentum.conf;

import java.util.Locale;

/**
 * One {@code name = value} assignment, remembering where it was written.
 *
 * <p>Option names are case-insensitive in Momentum ({@code Max_Outbound_Connections} is
 * {@code max_outbound_connections}; support.sparkpost.com/momentum/4/conf-overview), so
 * {@link #name()} is lower-cased and {@link #spelling()} keeps the original for messages.
 *
 * @param name     the option name in lower case
 * @param spelling the option name as written
 * @param value    the assigned value
 * @param location the file and line of the assignment
 */
public record ConfOption(String name, String spelling, ConfValue value, SourceLocation location) {

    static ConfOption of(String spelling, ConfValue value, SourceLocation location) {
        return new ConfOption(spelling.toLowerCase(Locale.ROOT), spelling, value, location);
    }
}
