package dev.cutover.sim.momentum;

import dev.cutover.sim.momentum.conf.ConfException;
import dev.cutover.sim.momentum.conf.ConfOption;
import dev.cutover.sim.momentum.conf.ConfStanza;
import dev.cutover.sim.momentum.conf.ConfValue;
import dev.cutover.sim.momentum.conf.EcelerityConf;
import dev.cutover.sim.momentum.conf.HostStanzas;
import dev.cutover.sim.momentum.conf.Scope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Momentum's limits on the connections to one MX host, from the {@code Host} stanzas of ecelerity.conf (momentum.md
 * §3.1 and §4.2; support.sparkpost.com/momentum/4/config/ref-host, ref-max-outbound-connections,
 * ref-scope-max-outbound-connections):
 * <ul>
 *   <li>{@code max_outbound_connections} in a {@code Host} stanza inside a binding (binding::host) caps that
 *   binding's connections to the host. Set in a global {@code Host} stanza it caps each binding's connections to
 *   the host, re-applied per binding as a global domain stanza's value is ("by value"); a binding::host value wins.
 *   Host scope does not fall back to the domain chain: a host no stanza limits, or limits with -1, is not
 *   capped.</li>
 *   <li>{@code scope_max_outbound_connections} in a global {@code Host} stanza caps the connections to the host
 *   over all bindings.</li>
 * </ul>
 * Host names are matched to MX names without regard to case. Where the documentation is silent the model applies
 * nothing: a {@code Host} stanza in a binding group, a regular-expression host name (between slashes) and every
 * other host option ({@link dev.cutover.sim.momentum.conf.HostStanzas} names those a run leaves out).
 */
final class HostCaps {
    /** The one option of {@link HostStanzas#APPLIED_IN_BINDING}, and one of {@link HostStanzas#APPLIED_GLOBALLY}. */
    private static final String MAX = "max_outbound_connections";
    private static final String SCOPE_MAX = "scope_max_outbound_connections";

    /** Per host (lower case): the global stanza's limits by option. */
    private final Map<String, Map<String, Limit>> global = new HashMap<>();
    /** Per binding, per host: the binding::host stanza's max_outbound_connections. */
    private final Map<String, Map<String, Limit>> byBinding = new HashMap<>();

    HostCaps(EcelerityConf conf) {
        for (ConfStanza host : hosts(conf.global())) {
            for (String option : HostStanzas.APPLIED_GLOBALLY) {
                limit(host, option).ifPresent(limit -> global.computeIfAbsent(key(host), h -> new HashMap<>())
                        .put(option, limit));
            }
        }
        final List<Scope> bindings = new ArrayList<>();
        conf.global().bindingNames().forEach(name -> conf.global().binding(name).ifPresent(bindings::add));
        for (String group : conf.bindingGroupNames()) {
            conf.bindingGroup(group).ifPresent(g -> g.bindingNames().forEach(name -> g.binding(name)
                    .ifPresent(bindings::add)));
        }
        for (Scope binding : bindings) {
            for (ConfStanza host : hosts(binding)) {
                limit(host, MAX).ifPresent(limit -> byBinding.computeIfAbsent(binding.key().binding(),
                        b -> new HashMap<>()).put(key(host), limit));
            }
        }
    }

    /** @return true when no Host stanza limits connections */
    boolean none() {
        return global.isEmpty() && byBinding.isEmpty();
    }

    /** @return the caps on {@code binding}'s connections to {@code host}: none, one or two */
    List<QueueSettings.Cap> caps(String binding, String host) {
        final String name = normal(host);
        final List<QueueSettings.Cap> caps = new ArrayList<>(2);
        final Map<String, Limit> own = global.getOrDefault(name, Map.of());
        final Limit max = byBinding.getOrDefault(binding, Map.of()).getOrDefault(name, own.get(MAX));
        if (max != null && max.value() >= 0) {
            caps.add(new QueueSettings.Cap(max.value(), List.of("host", binding, name), max.location()));
        }
        final Limit scope = own.get(SCOPE_MAX);
        if (scope != null && scope.value() >= 0) {
            caps.add(new QueueSettings.Cap(scope.value(), List.of("host-scope", name), scope.location()));
        }
        return caps;
    }

    /** @return the literally named Host stanzas directly in {@code scope} */
    private static List<ConfStanza> hosts(Scope scope) {
        return scope.otherStanzas().stream().filter(s -> s.keyword().equals("host") && HostStanzas.literal(s))
                .toList();
    }

    private static String key(ConfStanza host) {
        return normal(host.name().orElseThrow());
    }

    /** @return the host name in lower case without a final dot, as MX names are compared */
    private static String normal(String host) {
        final String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** @return the stanza's value of {@code option}, a whole number or -1; a bad value stops the load */
    private static Optional<Limit> limit(ConfStanza host, String option) {
        for (ConfOption o : host.options()) {
            if (o.name().equals(option)) {
                if (o.value() instanceof ConfValue.Scalar scalar && scalar.text().trim().matches("-1|\\d{1,9}")) {
                    return Optional.of(new Limit(Long.parseLong(scalar.text().trim()), o.location() + " Host \""
                            + host.name().orElseThrow() + "\""));
                }
                throw new ConfException(o.location(), "expected a whole number of connections up to 999999999, or -1 "
                        + "for no limit, for " + option + " but found " + o.value());
            }
        }
        return Optional.empty();
    }

    private record Limit(long value, String location) {
    }
}
