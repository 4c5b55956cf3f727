package dev.cutover.sim.momentum.conf;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Gives the generic stanza tree its scope meaning: which stanzas are binding groups, bindings and
 * domains, and at which level each may appear.
 *
 * <p>Nesting rules from support.sparkpost.com/momentum/4/4-ecelerity-conf-fallback and the
 * {@code binding_group}, {@code binding} and {@code domain} reference pages under
 * support.sparkpost.com/momentum/4/config/: {@code Binding_Group} at global level only; {@code Binding}
 * at global level or in a group; {@code Domain} at global, group and binding level. Any other
 * stanza, or a scope stanza in a place it cannot appear, is kept as one of the scope's
 * {@link Scope#otherStanzas()}.
 */
final class ScopeTreeBuilder {

    private enum Level { GLOBAL, BINDING_GROUP, BINDING, DOMAIN }

    private final Scope global;
    private final Map<String, Scope> bindingGroups = new LinkedHashMap<>();
    private final Map<String, String> groupOfBinding = new HashMap<>();
    private final Map<String, SourceLocation> bindingDeclarations = new HashMap<>();

    private ScopeTreeBuilder(ConfStanza root) {
        this.global = new Scope(StanzaKey.GLOBAL, root.location());
    }

    static EcelerityConf build(ConfStanza root) {
        final ScopeTreeBuilder builder = new ScopeTreeBuilder(root);

        builder.fill(builder.global, root, Level.GLOBAL);
        return new EcelerityConf(builder.global, builder.bindingGroups, builder.groupOfBinding);
    }

    private void fill(Scope scope, ConfStanza stanza, Level level) {
        stanza.options().forEach(scope::put);
        for (ConfStanza child : stanza.stanzas()) {
            addChild(scope, child, level);
        }
    }

    private void addChild(Scope parent, ConfStanza child, Level level) {
        final String keyword = child.keyword();

        if (keyword.equals("binding_group") && level == Level.GLOBAL) {
            fill(bindingGroupScope(child), child, Level.BINDING_GROUP);
        } else if (keyword.equals("binding") && (level == Level.GLOBAL || level == Level.BINDING_GROUP)) {
            fill(bindingScope(parent, child), child, Level.BINDING);
        } else if (keyword.equals("domain") && level != Level.DOMAIN) {
            fill(domainScope(parent, child), child, Level.DOMAIN);
        } else {
            parent.addOther(child);
        }
    }

    private Scope bindingGroupScope(ConfStanza stanza) {
        final String name = requireName(stanza);

        return bindingGroups.computeIfAbsent(name, n -> new Scope(StanzaKey.bindingGroup(n), stanza.location()));
    }

    private Scope bindingScope(Scope parent, ConfStanza stanza) {
        final String name = requireName(stanza);
        final String group = parent.key().bindingGroup();

        rejectSecondGroup(name, group, stanza.location());
        groupOfBinding.putIfAbsent(name, group);
        bindingDeclarations.putIfAbsent(name, stanza.location());
        return parent.bindingScope(name, stanza.location());
    }

    private void rejectSecondGroup(String binding, String group, SourceLocation location) {
        final boolean seen = bindingDeclarations.containsKey(binding);
        final String earlierGroup = groupOfBinding.get(binding);

        if (seen && group != null && earlierGroup != null && !earlierGroup.equals(group)) {
            throw new ConfException(location, "expected Binding \"" + binding + "\" in one binding group only, but it"
                + " is already in Binding_Group \"" + earlierGroup + "\" at " + bindingDeclarations.get(binding));
        }
    }

    private Scope domainScope(Scope parent, ConfStanza stanza) {
        final String name = requireName(stanza);

        if (!isRegexDomain(name)) {
            return parent.literalDomainScope(name, stanza.location());
        }
        return parent.regexDomainScope(name, compile(name, stanza), stanza.location());
    }

    static boolean isRegexDomain(String name) {
        return name.length() >= 2 && name.startsWith("/") && name.endsWith("/");
    }

    private static Pattern compile(String name, ConfStanza stanza) {
        try {
            return Pattern.compile(name.substring(1, name.length() - 1));
        } catch (PatternSyntaxException e) {
            throw new ConfException(stanza.location(), "expected a valid regular expression in " + stanza.describe()
                + " (" + e.getDescription() + " near index " + e.getIndex() + ")");
        }
    }

    private static String requireName(ConfStanza stanza) {
        return stanza.name().orElseThrow(() ->
            new ConfException(stanza.location(), "expected a name after '" + stanza.spelling() + "'"));
    }
}
