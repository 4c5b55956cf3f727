package dev.cutover.sim.momentum.conf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The options and nested scopes of one scope stanza (global, binding group, binding or domain),
 * after includes are expanded and repeated declarations merged.
 *
 * <p>Domain lookup follows support.sparkpost.com/momentum/4/config/ref-domain: the domain is
 * compared in lower case; literal domain stanzas are checked before regex domain stanzas of the
 * same container; regex stanzas (names written {@code "/.../"}) are tried in file order and match
 * anywhere in the domain unless anchored, as PCRE does. Patterns are compiled with
 * {@link java.util.regex}, whose syntax covers the PCRE constructs seen in Momentum examples.
 *
 * <p>When a stanza is declared more than once (support.sparkpost.com/momentum/4/config/ref-binding-group
 * allows this for binding groups) the declarations are merged; an option set twice in the same
 * scope keeps the later value.
 */
public final class Scope {

    private final StanzaKey key;
    private final SourceLocation location;
    private final Map<String, ConfOption> options = new LinkedHashMap<>();
    private final Map<String, Scope> literalDomains = new LinkedHashMap<>();
    private final List<RegexDomain> regexDomains = new ArrayList<>();
    private final Map<String, Scope> bindings = new LinkedHashMap<>();
    private final List<ConfStanza> otherStanzas = new ArrayList<>();

    private record RegexDomain(Pattern pattern, Scope scope) {
    }

    Scope(StanzaKey key, SourceLocation location) {
        this.key = key;
        this.location = location;
    }

    /** @return the identity of this stanza */
    public StanzaKey key() {
        return key;
    }

    /** @return where the stanza was first declared */
    public SourceLocation location() {
        return location;
    }

    /**
     * @param name an option name in any case
     * @return the option as set directly in this scope, if it is
     */
    public Optional<ConfOption> option(String name) {
        return Optional.ofNullable(options.get(name.toLowerCase(Locale.ROOT)));
    }

    /** @return the options set directly in this scope, keyed by lower-case name */
    public Map<String, ConfOption> options() {
        return Collections.unmodifiableMap(options);
    }

    /**
     * @param domain a domain name in any case
     * @return the domain stanza of this scope that applies to it: a literal match, else the first
     *     regex stanza that matches
     */
    public Optional<Scope> domain(String domain) {
        final String lowerCase = domain.toLowerCase(Locale.ROOT);
        final Scope literal = literalDomains.get(lowerCase);

        if (literal != null) {
            return Optional.of(literal);
        }
        return regexDomains.stream()
            .filter(regex -> regex.pattern().matcher(lowerCase).find())
            .map(RegexDomain::scope)
            .findFirst();
    }

    /**
     * @param name a binding name, case-sensitive
     * @return the binding stanza declared directly in this scope (global or binding group)
     */
    public Optional<Scope> binding(String name) {
        return Optional.ofNullable(bindings.get(name));
    }

    /** @return binding names declared directly in this scope, in declaration order */
    public List<String> bindingNames() {
        return List.copyOf(bindings.keySet());
    }

    /** @return this scope and every scope declared inside it, each before those inside it */
    public List<Scope> withNested() {
        final List<Scope> all = new ArrayList<>();
        all.add(this);
        literalDomains.values().forEach(domain -> all.addAll(domain.withNested()));
        regexDomains.forEach(domain -> all.addAll(domain.scope().withNested()));
        bindings.values().forEach(binding -> all.addAll(binding.withNested()));
        return all;
    }

    /** @return stanzas this scope holds that are not scope stanzas (modules, hosts, listeners) */
    public List<ConfStanza> otherStanzas() {
        return Collections.unmodifiableList(otherStanzas);
    }

    void put(ConfOption option) {
        options.put(option.name(), option);
    }

    void addOther(ConfStanza stanza) {
        otherStanzas.add(stanza);
    }

    Scope bindingScope(String name, SourceLocation declared) {
        return bindings.computeIfAbsent(name, n -> new Scope(key.withBinding(n), declared));
    }

    Scope literalDomainScope(String name, SourceLocation declared) {
        final String lowerCase = name.toLowerCase(Locale.ROOT);

        return literalDomains.computeIfAbsent(lowerCase, n -> new Scope(key.withDomain(n), declared));
    }

    Scope regexDomainScope(String name, Pattern pattern, SourceLocation declared) {
        for (RegexDomain existing : regexDomains) {
            if (existing.scope().key().domain().equals(name)) {
                return existing.scope();
            }
        }
        final Scope scope = new Scope(key.withDomain(name), declared);
        regexDomains.add(new RegexDomain(pattern, scope));
        return scope;
    }
}
