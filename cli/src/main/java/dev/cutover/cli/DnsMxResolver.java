package dev.cutover.cli;

import dev.cutover.kumo.MxRecords;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * MX lookups in the machine's DNS, for {@code --resolve-mx}: the only network use in cutover, and only when the
 * user asks for it. Hosts come in kumod's order ({@link MxRecords}). A domain with no MX record answers empty, as
 * kumod then sends to the domain itself (implicit MX); so does a domain that does not exist (NXDOMAIN) or whose
 * lookup fails, which kumod would instead defer until the messages expire, so those are kept for a note.
 */
final class DnsMxResolver implements Function<String, Optional<List<String>>> {
    private final Set<String> failed = new ConcurrentSkipListSet<>();
    private final String server;
    private final int timeoutMillis;

    /** Asks the DNS servers this machine is configured with, waiting up to 5 s (kumod's MX timeout). */
    DnsMxResolver() {
        this(null, 5000);
    }

    /**
     * @param server        a {@code dns://host:port} URL of the server to ask, or null for the machine's own
     * @param timeoutMillis how long to wait for an answer before one retry
     */
    DnsMxResolver(String server, int timeoutMillis) {
        this.server = server;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public Optional<List<String>> apply(String domain) {
        final Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        if (server != null) {
            env.put("java.naming.provider.url", server);
        }
        env.put("com.sun.jndi.dns.timeout.initial", String.valueOf(timeoutMillis));
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        DirContext context = null;
        try {
            context = new InitialDirContext(env);
            final Attributes attributes = context.getAttributes(domain, new String[] {"MX"});
            final Attribute mx = attributes.get("MX");
            if (mx == null || mx.size() == 0) {
                return Optional.empty();
            }
            final List<String> records = new ArrayList<>();
            final NamingEnumeration<?> values = mx.getAll();
            while (values.hasMore()) {
                records.add(values.next().toString());
            }
            return Optional.of(MxRecords.order(records));
        } catch (NameNotFoundException e) {
            failed.add(domain + " (NXDOMAIN)");
            return Optional.empty();
        } catch (NamingException | IllegalArgumentException e) {
            failed.add(domain + " (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        } finally {
            close(context);
        }
    }

    /** @return the domains whose lookup failed, each with why, sorted */
    Set<String> failed() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(failed));
    }

    private static void close(DirContext context) {
        if (context == null) {
            return;
        }
        try {
            context.close();
        } catch (NamingException e) {
            // nothing was held open that a failed close would leak
        }
    }
}
