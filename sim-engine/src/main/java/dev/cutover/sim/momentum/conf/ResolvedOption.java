package dev.cutover.sim.momentum.conf;

/**
 * The value an option takes for one (binding group, binding, domain) after Momentum's scope
 * fallback (support.sparkpost.com/momentum/4/4-ecelerity-conf-fallback), and where it came from.
 *
 * <p>{@link #definingStanza()} is equal for every (binding, domain) whose lookup ends in the same
 * stanza, which is what makes a Momentum throttle one shared budget.
 *
 * @param option         the option name in lower case
 * @param value          the value as written, or null when no stanza sets it
 * @param definingStanza the stanza that sets it, or {@link StanzaKey#BUILT_IN}
 * @param source         the file and line of the value, or null for a built-in default
 */
public record ResolvedOption(String option, ConfValue value, StanzaKey definingStanza, SourceLocation source) {

    static ResolvedOption builtIn(String option) {
        return new ResolvedOption(option, null, StanzaKey.BUILT_IN, null);
    }

    static ResolvedOption of(ConfOption option, StanzaKey stanza) {
        return new ResolvedOption(option.name(), option.value(), stanza, option.location());
    }

    /** @return true when some stanza sets the option */
    public boolean isDefined() {
        return value != null;
    }

    /**
     * @return e.g. {@code ecelerity.conf:23 Binding_Group "retail" > Domain "gmail.com"}, or
     *     {@code built-in default}
     */
    public String location() {
        return source == null ? definingStanza.describe() : source + " " + definingStanza.describe();
    }
}
