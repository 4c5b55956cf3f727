package dev.cutover.sim.momentum.conf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the value of an option for a (binding group, binding, domain) the way Momentum's scope
 * fallback does, and caches the answer.
 *
 * <p>Chain, most specific first (support.sparkpost.com/momentum/4/4-ecelerity-conf-fallback):
 * <ol>
 *   <li>binding_group::binding::domain — a Domain in a Binding declared inside the group;</li>
 *   <li>binding::domain — a Domain in a global Binding stanza;</li>
 *   <li>binding_group::domain;</li>
 *   <li>binding — the Binding stanza (inside the group, then global);</li>
 *   <li>binding_group — not in the page's list, but its example shows a binding inheriting its
 *       group's value;</li>
 *   <li>global domain;</li>
 *   <li>global.</li>
 * </ol>
 * With {@link FallbackOrder#KNOWLEDGE_BASE} steps 3 and 4 swap. Example: in a group "retail" that
 * sets {@code Max_Outbound_Connections = 10}, binding "retail-ip-03" with no own value resolves to
 * 10 for every domain not set more specifically.
 *
 * <p>When the binding group is null it is taken from where the binding is declared. A null
 * binding or domain skips the steps that need it.
 *
 * <p>Note: the cache grows with the number of distinct (option, group, binding, domain) asked for;
 * a replay asks about a bounded set of options, so it grows with the number of queues.
 */
public final class OptionResolver {

    private record Query(String option, String bindingGroup, String binding, String domain) {
    }

    private final EcelerityConf conf;
    private final FallbackOrder order;
    private final Map<Query, ResolvedOption> cache = new HashMap<>();

    /** Resolves with {@link FallbackOrder#DOCUMENTATION}. */
    public OptionResolver(EcelerityConf conf) {
        this(conf, FallbackOrder.DOCUMENTATION);
    }

    /**
     * @param conf  the parsed configuration
     * @param order where binding_group::domain stands relative to binding
     */
    public OptionResolver(EcelerityConf conf, FallbackOrder order) {
        this.conf = conf;
        this.order = order;
    }

    /** @return the fallback order in use, for the report */
    public FallbackOrder fallbackOrder() {
        return order;
    }

    /**
     * @param option       option name in any case, e.g. {@code Outbound_Throttle_Messages}
     * @param bindingGroup binding group name, or null to take it from the binding's declaration
     * @param binding      binding name, or null
     * @param domain       routing domain in any case, or null
     * @return the most specific definition, or a built-in-default marker when none exists
     */
    public ResolvedOption resolve(String option, String bindingGroup, String binding, String domain) {
        final String group = bindingGroup != null ? bindingGroup : conf.bindingGroupOf(binding).orElse(null);
        final String lowerDomain = domain == null ? null : domain.toLowerCase(Locale.ROOT);
        final Query query = new Query(option.toLowerCase(Locale.ROOT), group, binding, lowerDomain);

        return cache.computeIfAbsent(query, this::lookUp);
    }

    /**
     * @return the scopes consulted for the queue, most specific first; scopes that are not
     *     declared are left out
     */
    public List<Scope> scopeChain(String bindingGroup, String binding, String domain) {
        final String group = bindingGroup != null ? bindingGroup : conf.bindingGroupOf(binding).orElse(null);

        return chain(group, binding, domain);
    }

    private ResolvedOption lookUp(Query query) {
        for (Scope scope : chain(query.bindingGroup(), query.binding(), query.domain())) {
            final Optional<ConfOption> option = scope.option(query.option());
            if (option.isPresent()) {
                return ResolvedOption.of(option.get(), scope.key());
            }
        }
        return ResolvedOption.builtIn(query.option());
    }

    private List<Scope> chain(String group, String binding, String domain) {
        final Optional<Scope> groupScope = conf.bindingGroup(group);
        final Optional<Scope> nested = binding == null ? Optional.empty() : groupScope.flatMap(g -> g.binding(binding));
        final Optional<Scope> global = binding == null ? Optional.empty() : conf.global().binding(binding);
        final List<Optional<Scope>> steps = new ArrayList<>(8);

        steps.add(domainOf(nested, domain));
        steps.add(domainOf(global, domain));
        if (order == FallbackOrder.DOCUMENTATION) {
            steps.add(domainOf(groupScope, domain));
        }
        steps.add(nested);
        steps.add(global);
        if (order == FallbackOrder.KNOWLEDGE_BASE) {
            steps.add(domainOf(groupScope, domain));
        }
        steps.add(groupScope);
        steps.add(domainOf(Optional.of(conf.global()), domain));
        steps.add(Optional.of(conf.global()));
        return steps.stream().flatMap(Optional::stream).toList();
    }

    private static Optional<Scope> domainOf(Optional<Scope> scope, String domain) {
        return domain == null ? Optional.empty() : scope.flatMap(s -> s.domain(domain));
    }
}
