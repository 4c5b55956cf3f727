package dev.cutover.sim.momentum;

import dev.cutover.sim.momentum.conf.ConfException;
import dev.cutover.sim.momentum.conf.ConfOption;
import dev.cutover.sim.momentum.conf.ConfStanza;
import dev.cutover.sim.momentum.conf.ConfValue;
import dev.cutover.sim.momentum.conf.EcelerityConf;
import dev.cutover.sim.momentum.conf.OptionResolver;
import dev.cutover.sim.momentum.conf.Scope;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Adaptive Delivery's sweep rules for one binding::domain, from the {@code adaptive_sweep_rule "name" { }} stanzas
 * along its fallback chain (support.sparkpost.com/momentum/4/modules/4-adaptive, "adaptive_sweep_rule Scope" and
 * "How Sweep Rules are Determined"):
 * <ul>
 *   <li>A rule needs {@code codes}, bounce classes {@code "bc:N"} or FBL categories {@code "fbl:name"}; a rule
 *   without codes, or mixing the two kinds, is ignored.</li>
 *   <li>Names are unique: of two rules of one name on the chain the most specific wins, even when it does not
 *   apply.</li>
 *   <li>A rule applies unless {@code adaptive_sweep_rule_enabled} is 0 in its scope: set there or inherited from
 *   the scopes after it on the chain (default 1).</li>
 *   <li>{@code low_threshold} (default 5) and {@code high_threshold} (default 10) are percentages of the attempts
 *   of the last {@code bounce_sweep_interval}; {@code low_action} defaults to {@code ("throttle" "down")},
 *   {@code high_action} to {@code ("suspend" "4 hours")}, and a suspension must last a power of two hours.</li>
 *   <li>Where the effective {@code adaptive_sweep_rule_enabled} of the binding::domain is 1 and no rule that applies
 *   counts a bounce class, the default bounce rule applies: classes 10 and 24, 3% throttles down, 10% suspends for
 *   4 hours ("Default Adaptive Sweep Rules"). The documentation does not say whether rules that do not apply count
 *   here; the model counts only those that apply.</li>
 * </ul>
 * Rules run in the order of their names, the documentation leaving it undefined. FBL rules are kept but never act:
 * the log holds no FBL reports.
 */
public final class SweepRules {
    /** The name the default bounce rule goes by. */
    public static final String DEFAULT_BOUNCE_RULE = "default bounce rule";

    private static final String STANZA = "adaptive_sweep_rule";
    private static final String ENABLED = "adaptive_sweep_rule_enabled";
    private static final List<String> OPTIONS = List.of("codes", "low_threshold", "low_action", "high_threshold",
            "high_action", ENABLED);
    private static final Pattern BOUNCE_CODE = Pattern.compile("bc:(\\d{1,3})");
    private static final Pattern FBL_CODE = Pattern.compile("fbl:(\\S+)");

    private SweepRules() {
    }

    /**
     * A sweep rule as it applies to a binding::domain.
     *
     * @param name          the stanza's name
     * @param bounceClasses the bounce classes whose rates are summed; empty for an FBL rule
     * @param fblCategories the FBL categories, which the model cannot count
     * @param lowPercent    the rate from which the low action is taken
     * @param lowAction     the low action
     * @param highPercent   the rate from which the high action is taken instead
     * @param highAction    the high action
     * @param origin        where the rule was written
     * @param ignored       why Momentum ignores the rule (no codes, or bounce and FBL codes mixed), or null when it
     *                      acts
     */
    public record Rule(String name, Set<Integer> bounceClasses, Set<String> fblCategories, double lowPercent,
                       AdaptiveAction lowAction, double highPercent, AdaptiveAction highAction, String origin,
                       String ignored) {

        public Rule {
            bounceClasses = Set.copyOf(bounceClasses);
            fblCategories = Set.copyOf(fblCategories);
        }

        /** @return true when the rule acts on bounce classes: it is not ignored and not an FBL rule */
        public boolean countsBounces() {
            return ignored == null && !bounceClasses.isEmpty();
        }

        /** @return the codes as the stanza writes them, bounce classes in order */
        public String codes() {
            final List<String> codes = new ArrayList<>();
            new TreeSet<>(bounceClasses).forEach(c -> codes.add("bc:" + c));
            new TreeSet<>(fblCategories).forEach(c -> codes.add("fbl:" + c));
            return String.join(" ", codes);
        }
    }

    /** The default bounce rule, for a binding::domain whose own rules count no bounce class. */
    public static Rule defaultBounceRule() {
        return new Rule(DEFAULT_BOUNCE_RULE, Set.of(10, 24), Set.of(), 3, throttleDown(), 10, suspendFourHours(),
                "built-in default", null);
    }

    /**
     * @return the rules that apply to the binding::domain, in the order of their names
     * @throws ConfException naming the file and line of a malformed rule
     */
    public static List<Rule> resolve(OptionResolver resolver, String bindingGroup, String binding, String domain) {
        final List<Scope> chain = resolver.scopeChain(bindingGroup, binding, domain);
        final Set<String> named = new HashSet<>();
        final List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            for (ConfStanza stanza : chain.get(i).otherStanzas()) {
                if (!stanza.keyword().equals(STANZA)) {
                    continue;
                }
                final String name = name(stanza);
                if (!named.add(name) || !enabled(chain, i) || option(stanza, ENABLED).map(o -> !bool(o))
                        .orElse(false)) {
                    continue;
                }
                rules.add(rule(stanza, name, chain.get(i)));
            }
        }
        if (enabled(chain, 0) && rules.stream().noneMatch(Rule::countsBounces)) {
            rules.add(defaultBounceRule());
        }
        rules.sort(Comparator.comparing(Rule::name));
        return List.copyOf(rules);
    }

    /**
     * Reads every sweep rule of the configuration, whether or not traffic reaches its scope.
     *
     * @throws ConfException naming the file and line of the first malformed rule
     */
    public static void validate(EcelerityConf conf) {
        for (Scope scope : conf.scopes()) {
            final Set<String> names = new HashSet<>();
            for (ConfStanza stanza : scope.otherStanzas()) {
                if (stanza.keyword().equals(STANZA)) {
                    final String name = name(stanza);
                    if (!names.add(name)) {
                        throw new ConfException(stanza.location(), "expected one " + STANZA + " \"" + name
                                + "\" in " + scope.key().describe() + ", but it is defined again here");
                    }
                    rule(stanza, name, scope);
                }
            }
            scope.option(ENABLED).ifPresent(SweepRules::bool);
        }
    }

    private static String name(ConfStanza stanza) {
        final String name = stanza.name().orElse("");
        if (name.isBlank()) {
            throw new ConfException(stanza.location(), "expected a name after '" + stanza.spelling() + "'");
        }
        return name;
    }

    /** @return the effective adaptive_sweep_rule_enabled of the chain's {@code index}-th scope */
    private static boolean enabled(List<Scope> chain, int index) {
        for (int j = index; j < chain.size(); j++) {
            final Optional<ConfOption> option = chain.get(j).option(ENABLED);
            if (option.isPresent()) {
                return bool(option.get());
            }
        }
        return true;
    }

    private static Rule rule(ConfStanza stanza, String name, Scope scope) {
        for (ConfOption option : stanza.options()) {
            if (!OPTIONS.contains(option.name())) {
                throw new ConfException(option.location(), "unknown option " + option.spelling() + " in " + STANZA
                        + " \"" + name + "\"; expected " + String.join(", ", OPTIONS));
            }
        }
        final Optional<ConfOption> codes = option(stanza, "codes");
        final Set<Integer> classes = new TreeSet<>();
        final Set<String> categories = new TreeSet<>();
        final String meaning = "a list of codes such as ( \"bc:10\" \"bc:24\" ) or ( \"fbl:abuse\" )";
        for (String code : codes.isEmpty() ? List.<String>of() : texts(codes.get(), meaning)) {
            final var bounce = BOUNCE_CODE.matcher(code);
            final var fbl = FBL_CODE.matcher(code);
            if (bounce.matches() && Integer.parseInt(bounce.group(1)) >= 1
                    && Integer.parseInt(bounce.group(1)) < AdaptiveState.BOUNCE_CLASSES) {
                classes.add(Integer.parseInt(bounce.group(1)));
            } else if (fbl.matches()) {
                categories.add(fbl.group(1));
            } else {
                throw new ConfException(codes.get().location(), "expected codes \"bc:<bounce class 1 to "
                        + (AdaptiveState.BOUNCE_CLASSES - 1) + ">\" or \"fbl:<category>\" in " + STANZA + " \""
                        + name + "\" but found \"" + code + "\"");
            }
        }
        if (codes.isPresent() && classes.isEmpty() && categories.isEmpty()) {
            throw new ConfException(codes.get().location(), "expected " + meaning + " in " + STANZA + " \"" + name
                    + "\" but found " + codes.get().value());
        }
        final double low = percent(stanza, "low_threshold", 5);
        final double high = percent(stanza, "high_threshold", 10);
        if (low > high) {
            throw new ConfException(stanza.location(), "expected low_threshold " + low + " at most high_threshold "
                    + high + " in " + STANZA + " \"" + name + "\"");
        }
        final String ignored = codes.isEmpty() ? "it has no codes"
                : !classes.isEmpty() && !categories.isEmpty() ? "it mixes bounce codes and FBL categories" : null;
        return new Rule(name, classes, categories, low, action(stanza, "low_action", throttleDown()), high,
                action(stanza, "high_action", suspendFourHours()), stanza.location() + " " + scope.key().describe()
                + " > " + stanza.describe(), ignored);
    }

    private static double percent(ConfStanza stanza, String name, double builtIn) {
        final Optional<ConfOption> option = option(stanza, name);
        if (option.isEmpty()) {
            return builtIn;
        }
        final String text = option.get().value() instanceof ConfValue.Scalar s ? s.text().trim() : "";
        if (!text.matches("\\d{1,3}(\\.\\d{1,6})?") || Double.parseDouble(text) > 100) {
            throw new ConfException(option.get().location(), "expected a percentage from 0 to 100, such as 5 or 0.2, "
                    + "for " + name + " but found " + option.get().value());
        }
        return Double.parseDouble(text);
    }

    private static AdaptiveAction action(ConfStanza stanza, String name, AdaptiveAction builtIn) {
        final Optional<ConfOption> option = option(stanza, name);
        if (option.isEmpty()) {
            return builtIn;
        }
        final String meaning = "an action and its argument, such as ( \"throttle\" \"down\" ) or ( \"suspend\" "
                + "\"4 hours\" )";
        final List<String> words = texts(option.get(), meaning);
        if (words.size() != 2) {
            throw new ConfException(option.get().location(), "expected " + meaning + " for " + name + " but found "
                    + option.get().value());
        }
        final AdaptiveAction action;
        try {
            action = AdaptiveAction.parse(words.get(0), words.get(1));
        } catch (IllegalArgumentException e) {
            throw new ConfException(option.get().location(), e.getMessage() + " in " + name);
        }
        if (action.kind() == AdaptiveAction.Kind.TRANSCODE || action.kind() == AdaptiveAction.Kind.WARMUP) {
            throw new ConfException(option.get().location(), "expected a sweep action (suspend, blackhole, "
                    + "throttle, greylisted, reduce_connections or reduce_deliveries) for " + name + " but found \""
                    + words.get(0) + "\", which acts on a response, not on a binding and domain");
        }
        if (action.kind() == AdaptiveAction.Kind.SUSPEND && !powerOfTwoHours(action.seconds())) {
            throw new ConfException(option.get().location(), "expected a suspension of a power of two hours (1, 2, "
                    + "4, 8 hours...) for " + name + " but found \"" + words.get(1) + "\"");
        }
        return action;
    }

    private static boolean powerOfTwoHours(long seconds) {
        return seconds % 3600 == 0 && Long.bitCount(seconds / 3600) == 1;
    }

    private static List<String> texts(ConfOption option, String meaning) {
        final List<String> texts = new ArrayList<>();
        if (option.value() instanceof ConfValue.ListValue list) {
            for (ConfValue item : list.items()) {
                if (!(item instanceof ConfValue.Scalar scalar)) {
                    throw new ConfException(option.location(), "expected " + meaning + " for " + option.name()
                            + " but found " + option.value());
                }
                texts.add(scalar.text().trim());
            }
        } else if (option.value() instanceof ConfValue.Scalar scalar) {
            texts.add(scalar.text().trim());
        } else {
            throw new ConfException(option.location(), "expected " + meaning + " for " + option.name()
                    + " but found " + option.value());
        }
        return texts;
    }

    private static Optional<ConfOption> option(ConfStanza stanza, String name) {
        return stanza.options().stream().filter(o -> o.name().equals(name)).reduce((first, second) -> second);
    }

    private static boolean bool(ConfOption option) {
        final String text = option.value() instanceof ConfValue.Scalar s ? s.text().trim().toLowerCase(Locale.ROOT)
                : "";
        return switch (text) {
            case "1", "true", "on", "yes", "enabled" -> true;
            case "0", "false", "off", "no", "disabled" -> false;
            default -> throw new ConfException(option.location(), "expected 0 or 1 for " + option.name()
                    + " but found " + option.value());
        };
    }

    private static AdaptiveAction throttleDown() {
        return new AdaptiveAction(AdaptiveAction.Kind.THROTTLE_DOWN, 0, 0, null);
    }

    private static AdaptiveAction suspendFourHours() {
        return new AdaptiveAction(AdaptiveAction.Kind.SUSPEND, 4 * 3600, 0, null);
    }
}
