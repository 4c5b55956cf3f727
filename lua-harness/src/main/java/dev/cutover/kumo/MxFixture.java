package dev.cutover.kumo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;

/**
 * MX host lists per domain, standing in for the DNS lookups kumod makes
 * ({@code crates/mailexchanger/src/lib.rs}); Momentum logs do not record MX sets, so the replay needs them
 * from a file.
 *
 * <p>File format (TOML): {@code "gmail.com" = ["gmail-smtp-in.l.google.com", "alt1.gmail-smtp-in.l.google.com"]},
 * hosts in preference order. {@link #builtIn()} carries the large mailbox providers; a scenario's file
 * overrides it per domain ({@link #overriddenBy}); a resolver may answer for the domains neither has
 * ({@link #resolvingWith}). A domain without an entry is treated as kumod treats a
 * domain with no MX record: its only host and its site name are the domain itself, and the fixture counts it
 * in {@link #unknownDomains()}.
 *
 * <p>Lookups are safe from several threads: the replay's engines ask for site names concurrently.
 */
public final class MxFixture {

    private static final String BUILT_IN_RESOURCE = "builtin-mx.toml";

    private final Map<String, List<String>> hostsByDomain;
    private final Map<String, String> siteNameCache = new ConcurrentHashMap<>();
    private final Set<String> unknown = new ConcurrentSkipListSet<>();
    private final Set<String> nullMx = new ConcurrentSkipListSet<>();
    /** The MX list of a domain that accepts no mail (RFC 7505). */
    private static final List<String> NULL_MX = List.of(".");

    private final Function<String, Optional<List<String>>> resolver;
    private final Map<String, Optional<List<String>>> resolved = new ConcurrentHashMap<>();

    private MxFixture(Map<String, List<String>> hostsByDomain) {
        this(hostsByDomain, null);
    }

    private MxFixture(Map<String, List<String>> hostsByDomain, Function<String, Optional<List<String>>> resolver) {
        this.hostsByDomain = hostsByDomain;
        this.resolver = resolver;
    }

    /**
     * @param resolver looks up the MX hosts of a domain the fixture has no entry for (in {@link MxRecords} order),
     *                 or answers empty when it has none; called at most once per domain, from any thread
     * @return this fixture, asking {@code resolver} for the domains it lacks
     */
    public MxFixture resolvingWith(Function<String, Optional<List<String>>> resolver) {
        return new MxFixture(hostsByDomain, resolver);
    }

    /** @return an empty fixture: every domain is its own site. */
    public static MxFixture empty() {
        return new MxFixture(Map.of());
    }

    /** @return the fixture shipped with cutover, for when a scenario gives none. */
    public static MxFixture builtIn() {
        try (InputStream in = MxFixture.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            final String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parse(text, BUILT_IN_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param file a TOML file of {@code "domain" = ["host", ...]} entries
     * @return the fixture
     * @throws PolicyException naming the file and line of the first problem
     */
    public static MxFixture load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new PolicyException(file.toString(), 0, "cannot read MX fixture: " + e.getMessage());
        }
    }

    /**
     * @param text     TOML text
     * @param fileName the name used in error messages
     * @return the fixture
     */
    public static MxFixture parse(String text, String fileName) {
        final TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            final var error = toml.errors().get(0);
            throw new PolicyException(fileName, error.position().line(), error.getMessage());
        }
        final Map<String, List<String>> hosts = new LinkedHashMap<>();
        final Map<String, String> written = new LinkedHashMap<>();
        for (String domain : toml.keySet()) {
            final String key = domain.toLowerCase(Locale.ROOT);
            final List<String> list = hostList(toml, domain, fileName);
            if (written.containsKey(key)) {
                throw new PolicyException(fileName, line(toml, domain), "\"" + domain + "\" repeats \""
                        + written.get(key) + "\": domain names are not case-sensitive");
            }
            written.put(key, domain);
            hosts.put(key, list);
        }
        return new MxFixture(hosts);
    }

    private static int line(TomlParseResult toml, String domain) {
        final List<String> key = List.of(domain);
        return toml.inputPositionOf(key) == null ? 0 : toml.inputPositionOf(key).line();
    }

    private static List<String> hostList(TomlParseResult toml, String domain, String fileName) {
        final List<String> key = List.of(domain);
        final int line = line(toml, domain);
        final Object value = toml.get(key);
        if (!(value instanceof TomlArray)) {
            throw new PolicyException(fileName, line, "\"" + domain + "\" must be an array of MX host names");
        }
        final TomlArray array = (TomlArray) value;
        final List<String> hosts = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof String)) {
                throw new PolicyException(fileName, line, "\"" + domain + "\" entry " + (i + 1)
                        + " is not a string");
            }
            hosts.add(((String) array.get(i)).toLowerCase(Locale.ROOT));
        }
        if (hosts.isEmpty()) {
            throw new PolicyException(fileName, line, "\"" + domain + "\" lists no MX host; write [\".\"] for a null "
                    + "MX (a domain that accepts no mail), or leave the domain out for an implicit MX");
        }
        return List.copyOf(hosts);
    }

    /**
     * @param scenario the scenario's fixture
     * @return a fixture holding this one's entries, replaced per domain by the scenario's
     */
    public MxFixture overriddenBy(MxFixture scenario) {
        final Map<String, List<String>> merged = new LinkedHashMap<>(hostsByDomain);
        merged.putAll(scenario.hostsByDomain);
        return new MxFixture(merged);
    }

    /** @return the MX hosts of {@code domain} in preference order, if the fixture has an entry. */
    public Optional<List<String>> hosts(String domain) {
        final String key = domain.toLowerCase(Locale.ROOT);
        final List<String> hosts = hostsByDomain.get(key);
        if (hosts != null || resolver == null) {
            return Optional.ofNullable(hosts);
        }
        return resolved.computeIfAbsent(key, resolver);
    }

    /** @return the hosts kumod would connect to: the fixture's entry, or the domain itself (implicit MX). */
    public List<String> hostsOrImplicit(String domain) {
        final Optional<List<String>> hosts = hosts(domain);
        if (hosts.isEmpty()) {
            unknown.add(domain.toLowerCase(Locale.ROOT));
        }
        return hosts.orElseGet(() -> List.of(domain.toLowerCase(Locale.ROOT)));
    }

    /**
     * @return the factored site name of the domain's MX hosts, the domain itself without an entry, or the domain
     *         marked {@code (null MX)} when its one MX host is "." (RFC 7505: it accepts no mail)
     */
    public String siteName(String domain) {
        final String key = domain.toLowerCase(Locale.ROOT);
        final String cached = siteNameCache.get(key);
        if (cached != null) {
            return cached;
        }
        final List<String> hosts = hostsOrImplicit(key);
        if (hosts.equals(NULL_MX)) {
            nullMx.add(key);
        }
        final String site = hosts.equals(NULL_MX) ? key + " (null MX)" : SiteNames.factor(hosts);
        siteNameCache.put(key, site);
        return site;
    }

    /** @return the domains looked up so far whose entry is a null MX: kumod bounces their mail at once. */
    public Set<String> nullMxDomains() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(nullMx));
    }

    /** @return the domains looked up so far that had no entry, sorted. */
    public Set<String> unknownDomains() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(unknown));
    }

    /** @return the domains this fixture knows, in file order. */
    public Set<String> domains() {
        return hostsByDomain.keySet();
    }
}
