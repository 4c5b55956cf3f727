package dev.cutover.sim.momentum;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Adaptive Delivery rules registered by the user's rules files with {@code msys.adaptive.registerRules}: per
 * domain, response rules and a {@code configuration} table; a domain whose entry is a string uses the rules of
 * the domain it names, without following it further (support.sparkpost.com/momentum/3/3-ad/ad-custom-rules).
 * Loaded by {@link AdaptiveRulesLoader}.
 */
public final class AdaptiveRules {
    /** No rules: Adaptive Delivery then only keeps the bounds and makes its speculative increases. */
    public static final AdaptiveRules NONE = new AdaptiveRules(Map.of(), Map.of(), List.of(), List.of());

    /** The options a configuration entry may manage in the model (4-adaptive's managed options). */
    static final List<String> MANAGED = List.of("max_outbound_connections", "max_deliveries_per_connection",
            "outbound_throttle_messages", "retry_interval", "max_retry_interval");

    /**
     * @return the least value a configuration entry may give {@code option}: 0 (none) for the throttle and
     *         deliveries per connection, 1 for the others
     */
    static double least(String option) {
        return option.equals("outbound_throttle_messages") || option.equals("max_deliveries_per_connection") ? 0 : 1;
    }

    private final Map<String, DomainRules> domains;
    private final Map<String, String> aliases;
    private final List<String> files;
    private final List<String> notes;

    AdaptiveRules(Map<String, DomainRules> domains, Map<String, String> aliases, List<String> files,
                  List<String> notes) {
        this.domains = Collections.unmodifiableMap(new LinkedHashMap<>(domains));
        this.aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
        this.files = List.copyOf(files);
        this.notes = List.copyOf(notes);
    }

    /** @return the rules of {@code domain} (or of the domain it is an alias of), or null when it has none */
    public DomainRules forDomain(String domain) {
        final String key = domain.toLowerCase(Locale.ROOT);
        final String alias = aliases.get(key);
        return domains.get(alias == null ? key : alias);
    }

    /** @return the files the rules came from, as given */
    public List<String> files() {
        return files;
    }

    /** @return what loading found that the model does not act on, one line each */
    public List<String> notes() {
        return notes;
    }

    /** @return the number of domains with rules of their own */
    public int domainCount() {
        return domains.size();
    }

    /**
     * The rules of one domain.
     *
     * @param domain        the domain the entry is keyed by
     * @param responses     the response rules, in the order they are tried; the first that matches counts
     * @param configuration option name to the value or range the entry sets for it
     */
    public record DomainRules(String domain, List<ResponseRule> responses, Map<String, Configured> configuration) {
        public DomainRules {
            responses = List.copyOf(responses);
            configuration = Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
        }
    }

    /**
     * One entry of a {@code configuration} table: an integer forces the option, {@code {lo, hi}} keeps it within a
     * range, and a function computes it from the current value, the last one and the binding's age in seconds
     * (ad-appendix-adaptive-rules). Exactly one of the three is set.
     *
     * @param option   the option name in lower case
     * @param forced   the value forced, or null
     * @param range    the range, or null
     * @param function the function, or null
     * @param origin   the file and domain entry, for explanations
     */
    public record Configured(String option, Double forced, QueueSettings.Bounds range, Function function,
                             String origin) {
    }

    /** A configuration function: {@code function(current, last, age, mc)}, mc always 0 (appendix header). */
    @FunctionalInterface
    public interface Function {
        /**
         * @return the option's new value
         * @throws RuntimeException when the function fails or returns something other than a number
         */
        double apply(double current, double last, double ageSeconds);
    }
}
