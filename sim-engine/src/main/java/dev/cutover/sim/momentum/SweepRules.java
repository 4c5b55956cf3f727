package dev.cutover.sim.momentum;

import dev.cutover.sim.momentum.conf.ConfException;
import dev.cutover.sim.momentum.conf.ConfOption;
import dev.cutover.sim.momentum.conf.ConfStanza;
import dev.cutover.sim.momentum.conf.ConfValue;
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
     */
    public record Rule(String name, Set<Integer> bounceClasses, Set<String> fblCategories, double lowPercent,
                       AdaptiveAction lowAction, double highPercent, AdaptiveAction highAction, String origin) {

        public Rule {
            bounceClasses = Set.copyOf(bounceClasses);
            fblCategories = Set.copyOf(fblCategories);
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
                "built-in default");
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
                final String name = stanza.name().orElseThrow(() -> new ConfException(stanza.location(),
                        "expected a name after '" + stanza.spelling() + "'"));
                if (!named.add(name) || !enabled(chain, i) || option(stanza, ENABLED).map(o -> !bool(o))
                        .orElse(false)) {
                    continue;
                }
                rule(stanza, name, chain.get(i)).ifPresent(rules::add);
            }
        }
        if (enabled(chain, 0) && rules.stream().allMatch(r -> r.bounceClasses().isEmpty())) {
            rules.add(defaultBounceRule());
        }
        rules.sort(Comparator.comparing(Rule::name));
        return List.copyOf(rules);
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

    private static Optional<Rule> rule(ConfStanza stanza, String name, Scope scope) {
        final Optional<ConfOption> codes = option(stanza, "codes");
        if (codes.isEmpty()) {
            return Optional.empty();
        }
        final Set<Integer> classes = new TreeSet<>();
        final Set<String> categories = new TreeSet<>();
        for (String code : texts(codes.get(), "a list of codes such as ( \"bc:10\" \"bc:24\" ) or ( \"fbl:abuse\" )")) {
            final var bounce = BOUNCE_CODE.matcher(code);
            final var fbl = FBL_CODE.matcher(code);
            if (bounce.matches()) {
                classes.add(Integer.parseInt(bounce.group(1)));
            } else if (fbl.matches()) {
                categories.add(fbl.group(1));
            } else {
                throw new ConfException(codes.get().location(), "expected codes \"bc:<bounce class>\" or "
                        + "\"fbl:<category>\" in " + STANZA + " \"" + name + "\" but found \"" + code + "\"");
            }
        }
        if (!classes.isEmpty() && !categories.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Rule(name, classes, categories, percent(stanza, "low_threshold", 5),
                action(stanza, "low_action", throttleDown()), percent(stanza, "high_threshold", 10),
                action(stanza, "high_action", suspendFourHours()), stanza.location() + " " + scope.key().describe()
                + " > " + stanza.describe()));
    }

    private static double percent(ConfStanza stanza, String name, double builtIn) {
        final Optional<ConfOption> option = option(stanza, name);
        if (option.isEmpty()) {
            return builtIn;
        }
        final String text = option.get().value() instanceof ConfValue.Scalar s ? s.text().trim() : "";
        if (!text.matches("\\d{1,3}(\\.\\d{1,6})?")) {
            throw new ConfException(option.get().location(), "expected a percentage such as 5 or 0.2 for " + name
                    + " but found " + option.get().value());
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
