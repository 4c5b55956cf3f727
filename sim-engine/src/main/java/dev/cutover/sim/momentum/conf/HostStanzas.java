package dev.cutover.sim.momentum.conf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Finds {@code Host} stanzas of ecelerity.conf that set options, which the Momentum model does not apply: it
 * resolves every option per binding and domain (support.sparkpost.com/momentum/4/4-ecelerity-conf-fallback), while
 * a host stanza caps or throttles the connections to one MX or rolls domains up under it
 * (support.sparkpost.com/momentum/4/config/ref-host, ref-scope-max-outbound-connections in global::host scope,
 * ref-rollup-mx). Momentum's per-MX limits are then missing from the model's results, so each such stanza is
 * named with where it is and what it sets, rather than left out without a word.
 */
public final class HostStanzas {

    private HostStanzas() {
    }

    /** @return one line per host stanza that sets options, in file order */
    public static List<String> of(EcelerityConf conf) {
        final List<ConfStanza> hosts = new ArrayList<>();
        for (Scope scope : conf.scopes()) {
            scope.otherStanzas().stream().filter(s -> s.keyword().equals("host") && !s.options().isEmpty())
                    .forEach(hosts::add);
        }
        hosts.sort(Comparator.comparing((ConfStanza s) -> s.location().file())
                .thenComparingInt(s -> s.location().line()));
        final List<String> found = new ArrayList<>();
        for (ConfStanza host : hosts) {
            final String options = host.options().stream().map(o -> o.name().toLowerCase(Locale.ROOT)).distinct()
                    .collect(Collectors.joining(", "));
            found.add(host.spelling() + " \"" + host.name().orElse("") + "\" at " + host.location() + " sets "
                    + options + ", which the model does not apply: it resolves options per binding and domain, so "
                    + "Momentum's limits on the connections to that MX are not in its results");
        }
        return List.copyOf(found);
    }
}
