package dev.cutover.sim;

import java.util.List;
import java.util.function.Function;
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

    /**
     * @return the MX hosts of {@code routingDomain}, best preference first; empty when unknown, and by default
     */
    default List<String> hosts(String routingDomain) {
        return List.of();
    }

    /** @return destinations named by {@code siteNames}. */
    static Destinations of(UnaryOperator<String> siteNames) {
        return siteNames::apply;
    }

    /** @return destinations named by {@code siteNames}, whose MX hosts {@code hosts} gives */
    static Destinations of(UnaryOperator<String> siteNames, Function<String, List<String>> hosts) {
        return new Destinations() {
            @Override
            public String of(String routingDomain) {
                return siteNames.apply(routingDomain);
            }

            @Override
            public List<String> hosts(String routingDomain) {
                return hosts.apply(routingDomain);
            }
        };
    }
}
