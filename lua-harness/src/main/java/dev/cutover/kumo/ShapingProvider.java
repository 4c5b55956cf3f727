package dev.cutover.kumo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code [provider."<name>"]} block ({@code crates/kumo-api-types/src/shaping.rs}, {@code ProviderEntry}).
 *
 * <p>Matching: a {@code DomainSuffix} rule is a plain suffix test on the domain; otherwise every MX host
 * of the domain must match some {@code MXSuffix} or {@code HostName} rule (so a vanity domain mixing
 * providers matches none). Derived keys: {@code provider_name}, and per egress source the labels
 * {@code shaping-provider-<provider>-<source>-limit}, {@code -rate} and {@code -selection-rate}.
 */
final class ShapingProvider {

    /** One {@code match} rule: kind is MXSuffix, DomainSuffix or HostName. */
    record Match(String kind, String value) {
    }

    final String name;
    String origin;
    LimitSpec connectionLimit;
    ThrottleSpec maxMessageRate;
    final boolean replaceBase;
    final List<Match> matches = new ArrayList<>();
    final ShapingParams params;
    final List<AutomationRule> automation = new ArrayList<>();
    final Map<String, ShapingParams> sources = new LinkedHashMap<>();

    private ShapingProvider(String name, String origin, boolean replaceBase, ShapingParams params) {
        this.name = name;
        this.origin = origin;
        this.replaceBase = replaceBase;
        this.params = params;
    }

    /** @return the provider block {@code name} parsed from {@code raw}. */
    static ShapingProvider parse(String name, Map<String, Object> raw, String origin) {
        final Map<String, Object> params = new LinkedHashMap<>(raw);
        final Object limit = params.remove("provider_connection_limit");
        final Object rate = params.remove("provider_max_message_rate");
        final Object match = params.remove("match");
        final boolean replaceBase = Boolean.TRUE.equals(params.remove("replace_base"));
        final Object automation = params.remove("automation");
        final Object sources = params.remove("sources");

        final ShapingProvider p = new ShapingProvider(name, origin, replaceBase, ShapingParams.of(params, origin));
        p.connectionLimit = limit == null ? null : (LimitSpec) parseField(FieldType.LIMIT, limit, origin);
        p.maxMessageRate = rate == null ? null : (ThrottleSpec) parseField(FieldType.THROTTLE, rate, origin);
        p.matches.addAll(matches(match, origin));
        p.automation.addAll(ShapingRules.automation(automation, origin));
        p.sources.putAll(ShapingRules.sources(sources, origin));
        return p;
    }

    private static Object parseField(FieldType type, Object value, String origin) {
        try {
            return type.parse(LuaData.toLua(value));
        } catch (SerdeError e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage());
        }
    }

    private static List<Match> matches(Object value, String origin) {
        final List<Match> out = new ArrayList<>();
        for (Object item : value instanceof List ? (List<?>) value : List.of()) {
            if (!(item instanceof Map) || ((Map<?, ?>) item).size() != 1) {
                throw new IllegalArgumentException(origin + ": each match entry must be one of {MXSuffix=...}, "
                        + "{DomainSuffix=...}, {HostName=...}");
            }
            final Map.Entry<?, ?> only = ((Map<?, ?>) item).entrySet().iterator().next();
            final String kind = String.valueOf(only.getKey());
            if (!List.of("MXSuffix", "DomainSuffix", "HostName").contains(kind)) {
                throw new IllegalArgumentException(origin + ": unknown variant `" + kind
                        + "`, expected one of `MXSuffix`, `DomainSuffix`, `HostName`");
            }
            out.add(new Match(kind, String.valueOf(only.getValue())));
        }
        return out;
    }

    /** Merges a later block for the same provider into this one. */
    void mergeFrom(ShapingProvider later) {
        origin = later.origin;
        if (later.replaceBase) {
            connectionLimit = later.connectionLimit;
            matches.clear();
            params.replaceWith(later.params);
            sources.clear();
            automation.clear();
        } else {
            connectionLimit = later.connectionLimit != null ? later.connectionLimit : connectionLimit;
            params.mergeFrom(later.params);
        }
        maxMessageRate = later.maxMessageRate != null ? later.maxMessageRate : maxMessageRate;
        matches.addAll(later.matches);
        automation.addAll(later.automation);
        later.sources.forEach((n, p) -> sources.merge(n, p.copy(), (a, b) -> {
            a.mergeFrom(b);
            return a;
        }));
    }

    /**
     * @param domain the recipient domain
     * @param mx     MX data for the domain
     * @return true when this provider applies to the domain
     */
    boolean matchesDomain(String domain, MxFixture mx) {
        boolean needMx = false;
        for (Match m : matches) {
            if (m.kind().equals("DomainSuffix") && domain.endsWith(m.value())) {
                return true;
            }
            needMx |= !m.kind().equals("DomainSuffix");
        }
        return needMx && mx.hostsOrImplicit(domain).stream().allMatch(this::hostMatches);
    }

    private boolean hostMatches(String host) {
        final String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        for (Match m : matches) {
            if ((m.kind().equals("MXSuffix") && h.endsWith(m.value()))
                    || (m.kind().equals("HostName") && h.equals(m.value()))) {
                return true;
            }
        }
        return false;
    }

    /** Adds {@code provider_name} and the per-source provider labels to {@code target}. */
    void applyDerived(String source, ShapingParams target) {
        final ShapingParams implied = new ShapingParams();
        implied.put("provider_name", name, origin);
        final String label = "shaping-provider-" + name + "-" + source;
        if (connectionLimit != null) {
            implied.put("additional_connection_limits", Map.of(label + "-limit", connectionLimit.toString()),
                    origin);
        }
        if (maxMessageRate != null) {
            implied.put("additional_message_rate_throttles",
                    Map.of(label + "-rate", ThrottleSpecs.display(maxMessageRate)), origin);
        }
        final Object selection = target.values.remove("provider_source_selection_rate");
        if (selection != null) {
            implied.put("additional_source_selection_rates", Map.of(label + "-selection-rate", selection),
                    target.origins.remove("provider_source_selection_rate"));
        }
        target.mergeFrom(implied);
    }
}
