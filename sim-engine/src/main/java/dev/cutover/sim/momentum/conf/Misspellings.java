package dev.cutover.sim.momentum.conf;

import dev.cutover.kumo.EditDistance;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds options of ecelerity.conf whose names are one or two letters away from an option the Momentum model reads,
 * such as {@code Max_Outbound_Conections}: the model, like Momentum, takes the fallback value for the real option,
 * and a translation compared against that would mislead. Names that match no option are not listed, since
 * ecelerity.conf holds many options the model has no use for.
 */
public final class Misspellings {
    /** The options of the {@code adaptive} stanza the model reads, in lower case. */
    public static final Set<String> ADAPTIVE_OPTIONS = Set.of("adaptive_adjustment_interval",
            "adaptive_positive_adjustment_interval", "suspend_sweep_interval", "adaptive_retry_fuzz",
            "bounce_sweep_interval", "adaptive_attempt_threshold");

    private static final int MIN_LENGTH = 8;
    private static final int MAX_DISTANCE = 2;

    private Misspellings() {
    }

    /** @return for each likely misspelling, where it is and the option it looks like, by file and line */
    public static List<String> of(EcelerityConf conf) {
        final Map<SourceLocation, String> found = new TreeMap<>(Comparator.comparing(SourceLocation::file)
                .thenComparingInt(SourceLocation::line));
        for (Scope scope : conf.scopes()) {
            scope.options().values().forEach(option -> check(option, MomentumSettings.OPTIONS, found));
            for (ConfStanza stanza : scope.otherStanzas()) {
                if (stanza.keyword().equals("adaptive")) {
                    stanza.options().forEach(option -> check(option, ADAPTIVE_OPTIONS, found));
                }
            }
        }
        return List.copyOf(found.values());
    }

    private static void check(ConfOption option, Set<String> known, Map<SourceLocation, String> found) {
        final String name = option.name().toLowerCase(Locale.ROOT);
        if (known.contains(name) || name.length() < MIN_LENGTH) {
            return;
        }
        known.stream().filter(k -> EditDistance.between(name, k) <= MAX_DISTANCE).sorted().findFirst()
                .ifPresent(k -> found.put(option.location(), option.spelling() + " at " + option.location()
                        + " is no option the model reads, and looks like a misspelling of " + k + ", which then comes "
                        + "from the fallback chain"));
    }
}
