package dev.cutover.ingest.custom;

/**
 * One specifier of a {@code custom_logger} format with its braced argument
 * (support.sparkpost.com/momentum/4/modules/custom-logger).
 *
 * @param specifier what the field holds
 * @param argument  the text in braces, such as {@code 3} for {@code %T{3}}; empty when none was given
 */
public record CustomLogField(CustomLogSpecifier specifier, String argument) {
    @Override
    public String toString() {
        return argument.isEmpty() ? specifier.token() : specifier.token() + "{" + argument + "}";
    }
}
