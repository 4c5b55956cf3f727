package dev.cutover.sim.momentum.conf;

/**
 * A typed option value with the place it came from, so a report can say why the model used it.
 *
 * <p>Values follow the option reference pages under support.sparkpost.com/momentum/4/config/.
 *
 * @param value    the typed value, never null
 * @param location e.g. {@code ecelerity.conf:12 Binding_Group "retail"} or {@code built-in default}
 * @param <T>      the value's type
 */
public record Setting<T>(T value, String location) {
}
