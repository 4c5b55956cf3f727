package dev.cutover.sim.momentum.conf;

import java.util.ArrayList;
import java.util.List;

/**
 * The identity of one scope stanza of ecelerity.conf: global, a binding group, a binding, or a
 * domain inside any of those. Two keys are equal exactly when they name the same stanza, so a key
 * can index one shared Momentum throttle budget.
 *
 * <p>Momentum keeps one throttle object per stanza that defines the throttle, and every
 * (binding, domain) queue that falls back to that stanza draws from it
 * (support.sparkpost.com/momentum/4/config/ref-outbound-throttle-messages). Examples: the key of
 * {@code Binding_Group "retail" > Domain "example.org"} is shared by every binding of the group
 * sending to example.org; the key of a regex domain stanza is shared by every domain it matches.
 *
 * <p>Literal domain names are kept in lower case; a regex domain keeps its pattern text as written.
 *
 * @param bindingGroup the enclosing binding group's name, or null
 * @param binding      the enclosing binding's name, or null
 * @param domain       the domain stanza's name, or null
 * @param builtIn      true only for {@link #BUILT_IN}, the stand-in for "no stanza defines it"
 */
public record StanzaKey(String bindingGroup, String binding, String domain, boolean builtIn) {

    /** The global scope: options outside any stanza. */
    public static final StanzaKey GLOBAL = new StanzaKey(null, null, null, false);

    /** Marks a value that comes from Momentum's built-in default. */
    public static final StanzaKey BUILT_IN = new StanzaKey(null, null, null, true);

    static StanzaKey bindingGroup(String name) {
        return new StanzaKey(name, null, null, false);
    }

    StanzaKey withBinding(String name) {
        return new StanzaKey(bindingGroup, name, null, false);
    }

    StanzaKey withDomain(String name) {
        return new StanzaKey(bindingGroup, binding, name, false);
    }

    /**
     * @return the stanza path as a human reads it, e.g.
     *     {@code Binding_Group "retail" > Binding "retail-ip-04" > Domain "example.org"},
     *     {@code global} or {@code built-in default}
     */
    public String describe() {
        if (builtIn) {
            return "built-in default";
        }
        final List<String> parts = new ArrayList<>(3);
        if (bindingGroup != null) {
            parts.add("Binding_Group \"" + bindingGroup + "\"");
        }
        if (binding != null) {
            parts.add("Binding \"" + binding + "\"");
        }
        if (domain != null) {
            parts.add("Domain \"" + domain + "\"");
        }
        return parts.isEmpty() ? "global" : String.join(" > ", parts);
    }

    @Override
    public String toString() {
        return describe();
    }
}
