package dev.cutover.sim.momentum.conf;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed ecelerity.conf seen as Momentum's scopes: global options, global domain stanzas, global
 * bindings, binding groups with their bindings and domains, and every other stanza kept as written.
 *
 * <p>Scopes and their nesting are those of support.sparkpost.com/momentum/4/4-ecelerity-conf-fallback.
 * Option and stanza keywords are case-insensitive; binding and binding group names are
 * case-sensitive; domain names compare in lower case. Which binding group a binding belongs to is
 * taken from where the binding is declared. Use {@link OptionResolver} to find the value an option
 * takes for a (binding group, binding, domain).
 */
public final class EcelerityConf {

    private final Scope global;
    private final Map<String, Scope> bindingGroups;
    private final Map<String, String> groupOfBinding;

    EcelerityConf(Scope global, Map<String, Scope> bindingGroups, Map<String, String> groupOfBinding) {
        this.global = global;
        this.bindingGroups = Collections.unmodifiableMap(new LinkedHashMap<>(bindingGroups));
        this.groupOfBinding = Collections.unmodifiableMap(groupOfBinding);
    }

    /**
     * Reads a configuration file with includes resolved exactly as written.
     *
     * @param mainFile the master file, usually {@code ecelerity.conf}
     * @return the scopes it declares
     * @throws ConfException naming file and line of the first problem
     */
    public static EcelerityConf load(Path mainFile) {
        return load(mainFile, new ConfParser());
    }

    /**
     * @param mainFile the master file
     * @param parser   a parser, e.g. with include path prefixes mapped to a local copy
     * @return the scopes it declares
     * @throws ConfException naming file and line of the first problem
     */
    public static EcelerityConf load(Path mainFile, ConfParser parser) {
        return from(parser.parse(mainFile));
    }

    /**
     * @param global the global pseudo-stanza returned by {@link ConfParser}
     * @return the scopes it declares
     * @throws ConfException for a scope stanza without a name, an invalid regex domain, or a binding
     *     declared in two binding groups
     */
    public static EcelerityConf from(ConfStanza global) {
        return ScopeTreeBuilder.build(global);
    }

    /** @return the global scope: top-level options, global domains and global bindings */
    public Scope global() {
        return global;
    }

    /**
     * @param name a binding group name, case-sensitive
     * @return the merged declarations of that group
     */
    public Optional<Scope> bindingGroup(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(bindingGroups.get(name));
    }

    /** @return the names of every declared binding group, in order of first declaration */
    public List<String> bindingGroupNames() {
        return List.copyOf(bindingGroups.keySet());
    }

    /**
     * @param binding a binding name, case-sensitive
     * @return the group the binding is declared in; empty for a global or unknown binding
     */
    public Optional<String> bindingGroupOf(String binding) {
        return binding == null ? Optional.empty() : Optional.ofNullable(groupOfBinding.get(binding));
    }

    /** @return every scope: the global one, then those inside it, then each binding group's */
    public List<Scope> scopes() {
        final List<Scope> all = new java.util.ArrayList<>(global.withNested());
        bindingGroups.values().forEach(group -> all.addAll(group.withNested()));
        return all;
    }

    /** @return module, listener and other non-scope stanzas at global level, in file order */
    public List<ConfStanza> otherStanzas() {
        return global.otherStanzas();
    }
}
