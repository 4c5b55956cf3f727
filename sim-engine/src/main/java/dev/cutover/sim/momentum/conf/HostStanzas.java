package dev.cutover.sim.momentum.conf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds what {@code Host} stanzas of ecelerity.conf set that the Momentum model does not apply. It applies a host's
 * {@code max_outbound_connections} from a global {@code Host} stanza or one in a binding, and its
 * {@code scope_max_outbound_connections} from a global one ({@code HostCaps}). The rest, per-MX throttles, MX
 * rollup, {@code Host} stanzas in binding groups or domains and hosts named by a regular expression
 * (support.sparkpost.com/momentum/4/config/ref-host, ref-rollup-mx, ref-outbound-throttle-messages), is missing from
 * the model's results, so each such stanza is named with where it is and what it sets, rather than left out without
 * a word.
 */
public final class HostStanzas {
    /** The host options the model applies from a global {@code Host} stanza. */
    public static final Set<String> APPLIED_GLOBALLY = Set.of("max_outbound_connections",
            "scope_max_outbound_connections");
    /** The host options the model applies from a {@code Host} stanza inside a binding. */
    public static final Set<String> APPLIED_IN_BINDING = Set.of("max_outbound_connections");

    private HostStanzas() {
    }

    /** @return one line per host stanza that sets options the model does not apply, by file and line */
    public static List<String> of(EcelerityConf conf) {
        final Map<SourceLocation, String> found = new TreeMap<>(Comparator.comparing(SourceLocation::file)
                .thenComparingInt(SourceLocation::line));
        for (Scope scope : conf.scopes()) {
            final StanzaKey key = scope.key();
            final boolean global = key.bindingGroup() == null && key.binding() == null && key.domain() == null;
            final boolean binding = key.binding() != null && key.domain() == null;
            final Set<String> applied = global ? APPLIED_GLOBALLY : binding ? APPLIED_IN_BINDING : Set.of();
            final String where = global || binding ? "" : key.domain() != null ? " in a Domain stanza"
                    : " in a Binding_Group stanza";
            for (ConfStanza host : scope.otherStanzas()) {
                if (host.keyword().equals("host")) {
                    final boolean regex = !literal(host);
                    note(host, regex ? Set.of() : applied, regex ? " to a host named by a regular expression" : where,
                            found);
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** @return true for a {@code Host} stanza whose name is a host name, not a regular expression between slashes */
    public static boolean literal(ConfStanza host) {
        return host.name().filter(name -> !name.startsWith("/")).isPresent();
    }

    private static void note(ConfStanza host, Set<String> applied, String where, Map<SourceLocation, String> found) {
        final List<String> left = host.options().stream().map(o -> o.name().toLowerCase(Locale.ROOT))
                .filter(name -> !applied.contains(name)).distinct().toList();
        if (!left.isEmpty()) {
            found.put(host.location(), host.spelling() + " \"" + host.name().orElse("") + "\" at " + host.location()
                    + " sets " + String.join(", ", left) + ", which the model does not apply" + where
                    + ", so Momentum's doing so is not in its results");
        }
    }
}
