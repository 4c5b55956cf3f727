package dev.cutover.kumo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.Prototype;

/**
 * Finds event handlers whose parameter names say they expect other arguments than kumod passes, the translation bug
 * a policy hides: kumod passes arguments by position, so a handler written {@code function(domain, tenant, site)}
 * for {@code get_egress_path_config} reads the egress source as a tenant and the site name as a site only by luck.
 * LuaJ keeps a compiled function's parameter names, so they can be read without running it.
 *
 * <p>The arguments are those of kumomta.md §1.2 (from kumod's {@code declare_event!} signatures and
 * docs.kumomta.com reference/events). A parameter name is read as one of a few kinds (a domain, a tenant, a source,
 * a site...) by the names policies give them; a name of a kind kumod does not pass at that position is reported,
 * and so is a parameter past the last argument kumod passes, which is always nil. Names of no known kind are left
 * alone, as is {@code _}.
 */
final class HandlerParameters {

    /** Kinds of argument, each with the names policies give it (lower case, without underscores). */
    private static final Map<String, Set<String>> KINDS = Map.of(
            "domain", Set.of("domain", "destdomain", "destinationdomain", "recipientdomain", "rcptdomain",
                    "todomain", "routingdomain"),
            "tenant", Set.of("tenant", "tenantname", "bindinggroup", "group", "customer", "account"),
            "campaign", Set.of("campaign", "campaignname", "campaignid"),
            "source", Set.of("source", "egresssource", "sourcename", "binding", "ip", "vmta"),
            "site", Set.of("site", "sitename", "mxsite", "mx"),
            "pool", Set.of("pool", "poolname", "egresspool"),
            "message", Set.of("msg", "message"),
            "meta", Set.of("connmeta", "connectionmeta"),
            "listener", Set.of("listener"),
            "auth", Set.of("authinfo", "auth"));

    /** An event's arguments: the name kumod's documentation gives each, and its kind. */
    private record Argument(String name, String kind) {
    }

    private static final Map<String, List<Argument>> EVENTS = Map.of(
            "get_queue_config", List.of(new Argument("domain", "domain"), new Argument("tenant", "tenant"),
                    new Argument("campaign", "campaign"), new Argument("routing_domain", "domain")),
            "get_egress_path_config", List.of(new Argument("routing_domain", "domain"),
                    new Argument("egress_source", "source"), new Argument("site_name", "site")),
            "get_egress_source", List.of(new Argument("source_name", "source")),
            "get_egress_pool", List.of(new Argument("pool_name", "pool")),
            "smtp_server_message_received", List.of(new Argument("msg", "message"),
                    new Argument("conn_meta", "meta")),
            "http_message_generated", List.of(new Argument("msg", "message"), new Argument("auth_info", "auth")),
            "get_listener_domain", List.of(new Argument("domain", "domain"), new Argument("listener", "listener"),
                    new Argument("conn_meta", "meta")));

    private HandlerParameters() {
    }

    /**
     * @param event    the event the handler is registered for
     * @param handler  the handler
     * @return what is wrong with its parameters, each as {@code file:line: text}; empty when nothing is, or when
     *         the event's arguments or the handler's names are unknown
     */
    static List<String> check(String event, LuaFunction handler) {
        final List<Argument> arguments = EVENTS.get(event);
        if (arguments == null || !(handler instanceof LuaClosure closure)) {
            return List.of();
        }
        final Prototype p = closure.p;
        final String where = EventRegistry.definedAt(handler);
        final String passed = String.join(", ", arguments.stream().map(Argument::name).toList());
        final List<String> findings = new ArrayList<>();
        for (int i = 0; i < p.numparams && p.locvars != null && i < p.locvars.length; i++) {
            final String name = p.locvars[i].varname.tojstring();
            final String kind = kindOf(name);
            if (i >= arguments.size()) {
                findings.add(where + ": " + event + " handler: parameter " + (i + 1) + " (" + name + ") is always "
                        + "nil, since kumod passes " + arguments.size() + " argument" + (arguments.size() == 1 ? ""
                        : "s") + " (" + passed + ")");
            } else if (kind != null && !kind.equals(arguments.get(i).kind())) {
                findings.add(where + ": " + event + " handler: parameter " + (i + 1) + " is named " + name
                        + ", but kumod passes " + arguments.get(i).name() + " there (" + passed + ", in that order), "
                        + "so " + name + " holds the " + arguments.get(i).name().replace('_', ' '));
            }
        }
        return findings;
    }

    /** @return the kind of argument a parameter's name says it holds, or null when the name says nothing */
    static String kindOf(String parameter) {
        final String plain = parameter.toLowerCase(Locale.ROOT).replace("_", "");
        for (Map.Entry<String, Set<String>> kind : KINDS.entrySet()) {
            if (kind.getValue().contains(plain)) {
                return kind.getKey();
            }
        }
        return null;
    }
}
