package dev.cutover.sim;

import java.util.function.UnaryOperator;

/**
 * Which receiving MX a routing domain's connections go to. Connections are counted per destination so that all
 * engines count what the receiver sees: KumoMTA shares connections between domains whose MX hosts are the same
 * (one site), and Momentum connections to those domains land on the same hosts even though Momentum queues them
 * apart. Without MX data each domain is its own destination.
 */
public interface Destinations {

    /** Each domain is its own destination. */
    Destinations EACH_DOMAIN = domain -> domain;

    /** @return the destination (a KumoMTA site name) of {@code routingDomain}. */
    String of(String routingDomain);

    /** @return destinations named by {@code siteNames}. */
    static Destinations of(UnaryOperator<String> siteNames) {
        return siteNames::apply;
    }
}
