package dev.cutover.kumo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code kumo.shaping.load} ported to Java: reads shaping files in order and answers
 * {@code get_egress_path_config(domain, source, site)} with kumod's merge
 * ({@code crates/kumo-api-types/src/shaping.rs}; docs {@code userguide/trafficshaping/resolution}).
 *
 * <p>Loading: {@code ["default"]} blocks merge into one; a domain block with {@code mx_rollup = true} is
 * stored under its MX site name from the {@link MxFixture} (a domain without an entry is its own site, as
 * with an implicit MX; a NULL MX drops the block); with {@code mx_rollup = false} it is stored under the
 * domain; providers merge by name. Lookup order: default, matching providers in file order (each with its
 * derived limits), those providers' {@code sources.<source>} (limits again), the site entry, the domain
 * entry, the site's {@code sources.<source>}, the domain's {@code sources.<source>}.
 *
 * <p>Note: cutover makes no network requests, so an http(s) source is treated as a failed fetch.
 */
public final class ShapingData {
    /** Where a KumoMTA installation keeps its shipped files, the default shaping file among them. */
    private static final String INSTALLATION_SHARE = "/opt/kumomta/share/";

    private static final Pattern DNS_NAME = Pattern.compile("[A-Za-z0-9_*-]+(\\.[A-Za-z0-9_*-]+)*\\.?");

    private final MxFixture mx;
    private final ShapingOptions options;
    private final Map<String, ShapingEntry> bySite = new LinkedHashMap<>();
    private final Map<String, ShapingEntry> byDomain = new LinkedHashMap<>();
    private final Map<String, ShapingProvider> byProvider = new LinkedHashMap<>();
    private final Map<String, List<String>> siteAliases = new LinkedHashMap<>();
    /** The line an origin such as {@code shaping.toml:12 ["gmail.com"]} names. */
    private static final Pattern ORIGIN_LINE = Pattern.compile("^[^:\\s]*:(\\d+)");
    private static final String ALIAS_NOTE = "multiple domain blocks alias to the same site: ";
    private final List<String> warnings = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();
    /** Blocks refused as they were read (a bad automation rule or source table), named with the rest at the end. */
    private final List<PolicyException> refusedBlocks = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Overrides TSA publishes, per site (rolled up) or domain, then per source: merged last at their step. */
    private final Map<String, Map<String, ShapingParams>> siteOverrides = new LinkedHashMap<>();
    private final Map<String, Map<String, ShapingParams>> domainOverrides = new LinkedHashMap<>();

    private ShapingData(MxFixture mx, ShapingOptions options) {
        this.mx = mx;
        this.options = options;
    }

    /**
     * Loads files named by path, labelled by file name.
     *
     * @param files   shaping files in order; later files override earlier ones
     * @param mx      MX data for rolled-up domains and provider matching
     * @param options check levels
     * @return the merged data
     */
    public static ShapingData load(List<Path> files, MxFixture mx, ShapingOptions options) {
        final List<String> names = files.stream().map(Path::toString).toList();
        return load(names, name -> Optional.of(Path.of(name)).filter(Files::isRegularFile),
                p -> p.getFileName().toString(), mx, options);
    }

    /**
     * @param names    file names as the policy gave them
     * @param resolver finds the file a name refers to
     * @param labeler  how a file is named in origins and messages
     * @param mx       MX data
     * @param options  check levels
     * @return the merged data
     * @throws PolicyException for a syntax error or a value kumod would refuse
     */
    public static ShapingData load(List<String> names, Function<String, Optional<Path>> resolver,
            Function<Path, String> labeler, MxFixture mx, ShapingOptions options) {
        final ShapingData data = new ShapingData(mx, options);
        for (String name : names) {
            data.loadOne(name, resolver, labeler);
        }
        data.validate();
        data.checkAliases();
        data.checkProviderOverlap();
        return data;
    }

    private void loadOne(String name, Function<String, Optional<Path>> resolver, Function<Path, String> labeler) {
        if (name.startsWith("http://") || name.startsWith("https://")) {
            final String why = options.skipRemote() ? "skip_remote is set" : "cutover makes no network requests";
            collect(options.skipRemote() ? "Warn" : options.remoteLoad(), "remote shaping source " + name
                    + " ignored: " + why);
            notes.add("remote shaping source " + name + " ignored: " + why);
            return;
        }
        final Optional<Path> file = resolver.apply(name);
        if (file.isEmpty()) {
            missing.add(name);
            collect(options.localLoad(), "local shaping source " + name + " error: file not found"
                    + (name.startsWith(INSTALLATION_SHARE) ? " (a file of a KumoMTA installation: name the folder that "
                    + "holds policy-extras/, such as /opt/kumomta/share, as the helper folder; in a scenario, "
                    + "[kumomta] helpers)" : ""));
            return;
        }
        final String label = labeler.apply(file.get());
        final String text = readFile(file.get(), label);
        if (label.endsWith(".json")) {
            mergeFile(parseJson(text, label), label, Map.of());
        } else {
            final TomlData.Located document = TomlData.parseLocated(text, label);
            mergeFile(document.values(), label, document.lines());
        }
    }

    /** @return the problem at {@code origin}, which the message itself may already name first */
    private static PolicyException located(String origin, IllegalArgumentException e) {
        final String message = e.getMessage();
        return message.startsWith(origin) ? new PolicyException(origin, 0, message.substring(origin.length())
                .replaceFirst("^:\\s*", "").replaceFirst("^ (automation\\[\\d+\\]): ", "$1: "))
                : new PolicyException(origin, 0, message);
    }

    private static String readFile(Path file, String label) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new PolicyException(label, 0, "cannot read shaping file: " + (e instanceof
                    java.nio.charset.CharacterCodingException ? "it is not UTF-8 text" : e.getMessage()));
        }
    }

    private static Map<String, Object> parseJson(String text, String label) {
        try {
            return castMap(LuaData.toJava(LuaJson.parse(text)), label);
        } catch (IllegalArgumentException e) {
            throw new PolicyException(label, 0, "parsing json: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value, String label) {
        if (!(value instanceof Map)) {
            throw new PolicyException(label, 0, "a shaping file must hold a table at the top level");
        }
        return (Map<String, Object>) value;
    }

    /** @param lines the line of each block, by its key ({@code provider.NAME} for a provider), when known */
    private void mergeFile(Map<String, Object> document, String label, Map<String, Integer> lines) {
        for (Map.Entry<String, Object> e : document.entrySet()) {
            try {
                mergeBlock(e, label, lines);
            } catch (PolicyException refusal) {
                refusedBlocks.add(refusal);
            }
        }
    }

    private void mergeBlock(Map.Entry<String, Object> e, String label, Map<String, Integer> lines) {
        if (e.getKey().equals("provider")) {
            castMap(e.getValue(), label).forEach((name, block) -> mergeProvider(name,
                    castMap(block, label), at(label, lines.get("provider." + name)) + " [provider.\"" + name
                    + "\"]"));
        } else if (e.getKey().equals("default")) {
            mergeInto(byDomain, "default", parseEntry(e.getValue(), at(label, lines.get("default"))
                    + " [\"default\"]"));
        } else {
            mergeDomain(e.getKey(), e.getValue(), at(label, lines.get(e.getKey())));
        }
    }

    /** @return {@code file:line}, or the file alone when the line is not known */
    private static String at(String label, Integer line) {
        return line == null ? label : label + ":" + line;
    }

    private ShapingEntry parseEntry(Object block, String origin) {
        try {
            return ShapingEntry.parse(castMap(block, origin), origin);
        } catch (IllegalArgumentException e) {
            throw located(origin, e);
        }
    }

    private void mergeProvider(String name, Map<String, Object> block, String origin) {
        final ShapingProvider provider;
        try {
            provider = ShapingProvider.parse(name, block, origin);
        } catch (IllegalArgumentException e) {
            throw located(origin, e);
        }
        byProvider.merge(name, provider, (existing, later) -> {
            existing.mergeFrom(later);
            return existing;
        });
    }

    private void mergeDomain(String domain, Object block, String label) {
        if (!domain.contains(".") && DNS_NAME.matcher(domain).matches()) {
            collect("Warn", "shaping block '" + domain + "' in " + label + " is a single DNS label; quote "
                    + "dotted domain names, as in [\"" + domain + ".com\"], or TOML nests them");
        }
        final ShapingEntry probe = parseEntry(block, label + " [\"" + domain + "\"]");
        if (!probe.mxRollup) {
            mergeInto(byDomain, domain, probe);
            return;
        }
        final String site = mx.siteName(domain);
        if (site.isEmpty()) {
            collect(options.nullMx(), "domain " + domain + " has a NULL MX and cannot use mx_rollup=true; "
                    + "its shaping block is ignored");
            return;
        }
        final List<String> aliases = siteAliases.computeIfAbsent(site, s -> new ArrayList<>());
        if (!aliases.contains(domain)) {
            aliases.add(domain);
        }
        mergeInto(bySite, site, parseEntry(block, label + " [\"" + domain + "\"] (site " + site + ")"));
    }

    private static void mergeInto(Map<String, ShapingEntry> map, String key, ShapingEntry entry) {
        map.merge(key, entry, (existing, later) -> {
            existing.mergeFrom(later);
            return existing;
        });
    }

    /**
     * kumod stops at the first block it refuses; so does the load here, but it names every refused block, so a
     * translation is corrected in one pass.
     */
    private void validate() {
        final List<PolicyException> refused = new ArrayList<>(refusedBlocks);
        bySite.forEach((site, e) -> ShapingValidation.check("site: " + site, e.params, e.sources, refused));
        byDomain.forEach((domain, e) -> ShapingValidation.check("domain: " + domain, e.params, e.sources, refused));
        byProvider.forEach((name, p) -> ShapingValidation.check("provider: " + name, p.params, p.sources, refused));
        refused.sort(java.util.Comparator.comparing((PolicyException e) -> e.file().replaceFirst(":\\d+.*", ""))
                .thenComparingInt(e -> lineOf(e.file())));
        if (refused.size() > 1) {
            final PolicyException first = refused.get(0);
            throw new PolicyException(first.file(), first.line(), first.detail() + "; kumod would also refuse "
                    + (refused.size() - 1) + " more: " + String.join("; ", refused.subList(1, refused.size())
                    .stream().map(PolicyException::getMessage).toList()));
        }
        if (!refused.isEmpty()) {
            throw refused.get(0);
        }
    }

    /** @return the line an origin such as {@code shaping.toml:12 ["gmail.com"]} names, 0 when it names none */
    private static int lineOf(String origin) {
        final java.util.regex.Matcher m = ORIGIN_LINE.matcher(origin);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private void checkAliases() {
        siteAliases.forEach((site, domains) -> {
            if (domains.size() > 1) {
                final String message = ALIAS_NOTE + site + ": " + String.join(", ", domains);
                notes.add(message);
                collect(options.aliasedSite(), message);
            }
        });
    }

    /**
     * @return for each site that blocks of several domains alias (mx_rollup, the default), what those blocks set:
     *         kumod merges them into one entry for the site, so a limit written for one domain covers them all
     *         together, and a later block's value replaces an earlier one's; each finding starts with the file
     */
    List<String> aliasFindings() {
        final List<String> findings = new ArrayList<>();
        siteAliases.forEach((site, domains) -> {
            final ShapingEntry entry = bySite.get(site);
            if (domains.size() < 2 || entry == null) {
                return;
            }
            final List<String> set = new ArrayList<>();
            entry.params.values.forEach((field, value) -> set.add(field + " = " + value + " ["
                    + entry.params.origins.getOrDefault(field, "?").replaceFirst(" \\(site .*\\)$", "") + "]"));
            final String first = entry.params.origins.values().stream().findFirst().orElse("shaping");
            final String file = first.contains(" [") ? first.substring(0, first.indexOf(" [")) : first;
            final String names = String.join(", ", domains.subList(0, domains.size() - 1)) + " and "
                    + domains.get(domains.size() - 1);
            findings.add(file + ": " + names + " share one site (" + site + "), so what their blocks set covers "
                    + (domains.size() == 2 ? "both" : "all " + domains.size()) + " together, not each"
                    + (set.isEmpty() ? "" : ": " + String.join("; ", set.stream().limit(8).toList())
                    + (set.size() > 8 ? "; ..." : "")));
        });
        return findings;
    }

    /** @return the notes that say several domain blocks alias one site, which {@link #aliasFindings} explains */
    boolean isAliasNote(String note) {
        return note.startsWith(ALIAS_NOTE);
    }

    private void checkProviderOverlap() {
        if (options.providerOverlap().equals("Ignore")) {
            return;
        }
        for (List<String> domains : siteAliases.values()) {
            for (String domain : domains) {
                final List<String> names = byProvider.values().stream()
                        .filter(p -> p.matchesDomain(domain, mx)).map(p -> p.name).toList();
                if (!names.isEmpty()) {
                    collect(options.providerOverlap(), "domain " + domain + " is also matched by provider(s): "
                            + String.join(", ", names));
                }
            }
        }
    }

    private void collect(String level, String message) {
        if (level.equals("Warn")) {
            warnings.add(message);
        } else if (level.equals("Error")) {
            errors.add(message);
        }
    }

    /**
     * @param domain the routing domain
     * @param source the egress source name
     * @param site   the site name of the ready queue
     * @return the merged parameters and their origins
     */
    public ShapingResult lookup(String domain, String source, String site) {
        final ShapingParams params = new ShapingParams();
        final ShapingEntry defaults = byDomain.get("default");
        if (defaults != null) {
            defaults.applyTo(params);
        }
        if (DNS_NAME.matcher(domain).matches()) {
            applyProviders(domain, source, params);
        }
        final ShapingEntry siteEntry = bySite.get(site);
        final ShapingEntry domainEntry = byDomain.get(domain);
        applyEntry(siteEntry, params);
        applyEntry(domainEntry, params);
        applySource(siteEntry, source, params);
        applyOverride(siteOverrides.get(site), source, params);
        applySource(domainEntry, source, params);
        applyOverride(domainOverrides.get(domain), source, params);
        return new ShapingResult(params.values, params.origins);
    }

    private static void applyOverride(Map<String, ShapingParams> bySource, String source, ShapingParams params) {
        if (bySource != null && bySource.containsKey(source)) {
            params.mergeFrom(bySource.get(source));
        }
    }

    /**
     * Sets or clears one value of the overrides TSA publishes ({@code GET /get_config_v1/shaping.toml}, read as the
     * last shaping file; kumomta.md §3.8): {@code ["<domain>"] mx_rollup = <rollup>} with
     * {@code sources."<source>".<name> = <value>}. Rolled up, it applies to the domain's site.
     *
     * @param value  the value, or null to clear it
     * @param origin what to name as its origin, such as the rule that set it
     */
    public void override(String domain, boolean rollup, String source, String name, Object value, String origin) {
        final Map<String, Map<String, ShapingParams>> layer = rollup ? siteOverrides : domainOverrides;
        final String key = rollup ? mx.siteName(domain) : domain;
        final ShapingParams params = layer.computeIfAbsent(key, k -> new LinkedHashMap<>())
                .computeIfAbsent(source, s -> new ShapingParams());
        if (value == null) {
            params.values.remove(name);
            params.origins.remove(name);
        } else {
            params.put(name, value, origin);
        }
    }

    /**
     * @return the automation rules TSA applies to a response from {@code site} for {@code domain}, gathered as
     *         {@code shaping.rs} {@code match_rules} does: {@code default} (rolled up), the matching providers, the
     *         site's block (rolled up), then the domain's own block
     */
    public List<AutomationRule.Scoped> rulesFor(String domain, String site) {
        final List<AutomationRule.Scoped> rules = new ArrayList<>();
        final ShapingEntry defaults = byDomain.get("default");
        if (defaults != null) {
            defaults.automation.forEach(r -> rules.add(new AutomationRule.Scoped(r, true)));
        }
        if (DNS_NAME.matcher(domain).matches()) {
            byProvider.values().stream().filter(p -> p.matchesDomain(domain, mx))
                    .forEach(p -> p.automation.forEach(r -> rules.add(new AutomationRule.Scoped(r, false))));
        }
        final ShapingEntry siteEntry = bySite.get(site);
        if (siteEntry != null) {
            siteEntry.automation.forEach(r -> rules.add(new AutomationRule.Scoped(r, true)));
        }
        final ShapingEntry domainEntry = byDomain.get(domain);
        if (domainEntry != null && domainEntry != defaults) {
            domainEntry.automation.forEach(r -> rules.add(new AutomationRule.Scoped(r, false)));
        }
        return rules;
    }

    private void applyProviders(String domain, String source, ShapingParams params) {
        final List<ShapingProvider> withSources = new ArrayList<>();
        for (ShapingProvider provider : byProvider.values()) {
            if (provider.matchesDomain(domain, mx)) {
                params.mergeFrom(provider.params);
                provider.applyDerived(source, params);
                if (!provider.sources.isEmpty()) {
                    withSources.add(provider);
                }
            }
        }
        for (ShapingProvider provider : withSources) {
            final ShapingParams sourceParams = provider.sources.get(source);
            if (sourceParams != null) {
                params.mergeFrom(sourceParams);
                provider.applyDerived(source, params);
            }
        }
    }

    private static void applyEntry(ShapingEntry entry, ShapingParams params) {
        if (entry != null) {
            entry.applyTo(params);
        }
    }

    private static void applySource(ShapingEntry entry, String source, ShapingParams params) {
        if (entry != null && entry.sources.containsKey(source)) {
            params.mergeFrom(entry.sources.get(source));
        }
    }

    /** @return messages collected at level Warn, in load order. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** @return the local files the policy named that were not found, as it named them, in load order */
    public List<String> missingFiles() {
        return List.copyOf(missing);
    }

    /** @return messages collected at level Error, in load order. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** @return what cutover reports whatever the levels: aliased sites and ignored remote sources. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** @return every automation rule: default, providers, sites, domains, in that order. */
    public List<AutomationRule> automationRules() {
        final List<AutomationRule> rules = new ArrayList<>();
        byDomain.values().forEach(e -> rules.addAll(e.automation));
        byProvider.values().forEach(p -> rules.addAll(p.automation));
        bySite.values().forEach(e -> rules.addAll(e.automation));
        return rules;
    }

    /** @return source name to the {@code site:X} and {@code domain:X} blocks that configure it. */
    public Map<String, List<String>> referencedSources() {
        final Map<String, List<String>> out = new java.util.TreeMap<>();
        bySite.forEach((site, e) -> e.sources.keySet().forEach(s ->
                out.computeIfAbsent(s, k -> new ArrayList<>()).add("site:" + site)));
        byDomain.forEach((domain, e) -> e.sources.keySet().forEach(s ->
                out.computeIfAbsent(s, k -> new ArrayList<>()).add("domain:" + domain)));
        return out;
    }
}
