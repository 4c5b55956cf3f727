package dev.cutover.sim.momentum.conf;

import java.util.function.Function;

/**
 * Resolves and types the options of one (binding group, binding, domain) for
 * {@link MomentumSettings}; an unset option takes the built-in default given by the caller.
 * Defaults: support.sparkpost.com/momentum/4/config-options-summary.
 */
final class SettingReader {

    private final OptionResolver resolver;
    private final String bindingGroup;
    private final String binding;
    private final String domain;

    SettingReader(OptionResolver resolver, String bindingGroup, String binding, String domain) {
        this.resolver = resolver;
        this.bindingGroup = bindingGroup;
        this.binding = binding;
        this.domain = domain;
    }

    Setting<Integer> count(String option, int builtIn) {
        return typed(option, builtIn, resolved -> OptionValues.smallWholeNumber(resolved, "a whole number"));
    }

    /**
     * A count that Momentum reads in domain and global scopes only.
     *
     * @throws ConfException when it is set in a binding or binding group outside any domain stanza
     */
    Setting<Integer> domainCount(String option, int builtIn) {
        return typed(option, builtIn, resolved -> {
            final StanzaKey stanza = resolved.definingStanza();
            if (stanza.domain() == null && (stanza.binding() != null || stanza.bindingGroup() != null)) {
                throw new ConfException(resolved.source(), option + " is valid in the domain and global scopes "
                        + "only, but is set in " + stanza.describe());
            }
            return OptionValues.smallWholeNumber(resolved, "a whole number");
        });
    }

    /** A duration in whole seconds, at most {@link OptionValues#MAX_SECONDS} (about 317 years). */
    Setting<Long> seconds(String option, long builtIn) {
        return typed(option, builtIn, resolved -> OptionValues.seconds(resolved));
    }

    MomentumThrottle throttle(String option) {
        final ResolvedOption resolved = resolve(option);

        return resolved.isDefined() ? OptionValues.throttle(resolved) : null;
    }

    /**
     * @param builtIn the limit when no stanza sets the option, or -1 for none
     * @return the cap with the stanza that defines it, or null when unset and without a built-in value
     */
    SharedLimit sharedLimit(String option, long builtIn) {
        final ResolvedOption resolved = resolve(option);

        if (!resolved.isDefined()) {
            return builtIn < 0 ? null : new SharedLimit(builtIn, resolved.definingStanza(), resolved.location());
        }
        return new SharedLimit(OptionValues.wholeNumber(resolved, "a whole number of connections"),
                resolved.definingStanza(), resolved.location());
    }

    <T> Setting<T> typed(String option, T builtIn, Function<ResolvedOption, T> parse) {
        final ResolvedOption resolved = resolve(option);

        if (!resolved.isDefined()) {
            return new Setting<>(builtIn, resolved.location());
        }
        return new Setting<>(parse.apply(resolved), resolved.location());
    }

    private ResolvedOption resolve(String option) {
        return resolver.resolve(option, bindingGroup, binding, domain);
    }
}
