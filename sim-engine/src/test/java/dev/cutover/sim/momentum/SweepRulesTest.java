package dev.cutover.sim.momentum;

import dev.cutover.sim.momentum.conf.ConfException;
import dev.cutover.sim.momentum.conf.ConfParser;
import dev.cutover.sim.momentum.conf.EcelerityConf;
import dev.cutover.sim.momentum.conf.FallbackOrder;
import dev.cutover.sim.momentum.conf.OptionResolver;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which adaptive_sweep_rule stanzas apply to a binding::domain, by the rules of 4-adaptive. */
class SweepRulesTest {

    private static List<SweepRules.Rule> rules(String conf, String binding, String domain) {
        final EcelerityConf parsed = EcelerityConf.from(new ConfParser().parse(conf, Path.of("ecelerity.conf")));
        return SweepRules.resolve(new OptionResolver(parsed, FallbackOrder.DOCUMENTATION), null, binding, domain);
    }

    private static List<String> names(List<SweepRules.Rule> rules) {
        return rules.stream().map(SweepRules.Rule::name).toList();
    }

    @Test
    void noStanza_theDefaultBounceRule() {
        final List<SweepRules.Rule> rules = rules("", "b1", "x.test");

        assertEquals(List.of(SweepRules.defaultBounceRule()), rules);
        assertEquals(Set.of(10, 24), rules.get(0).bounceClasses());
        assertEquals(3.0, rules.get(0).lowPercent());
        assertEquals(10.0, rules.get(0).highPercent());
    }

    @Test
    void documentationExample_globalFblRuleAndADomainBounceRule_replaceTheDefaultBounceRuleThere() {
        final String conf = "adaptive_sweep_rule \"fbl\" {\n  codes = (\"fbl:abuse\")\n  low_threshold = 0.2\n"
                + "  low_action = (\"throttle\" \"down\")\n  high_threshold = 0.5\n"
                + "  high_action = (\"suspend\" \"4 hours\")\n}\n"
                + "domain \"hotmail.com\" {\n  adaptive_sweep_rule \"x\" {\n    codes = (\"bc:10\")\n"
                + "    low_threshold = 2\n    high_threshold = 7\n  }\n}\n";

        final List<SweepRules.Rule> hotmail = rules(conf, "b1", "hotmail.com");
        final List<SweepRules.Rule> other = rules(conf, "b1", "gmail.com");

        assertEquals(List.of("fbl", "x"), names(hotmail));
        final SweepRules.Rule x = hotmail.get(1);
        assertEquals(Set.of(10), x.bounceClasses());
        assertEquals(2.0, x.lowPercent());
        assertEquals(7.0, x.highPercent());
        assertEquals(AdaptiveAction.Kind.THROTTLE_DOWN, x.lowAction().kind());
        assertEquals(4 * 3600L, x.highAction().seconds());
        assertEquals("ecelerity.conf:9 Domain \"hotmail.com\" > adaptive_sweep_rule \"x\"", x.origin());
        assertEquals(Set.of("abuse"), hotmail.get(0).fblCategories());
        assertEquals(List.of(SweepRules.DEFAULT_BOUNCE_RULE, "fbl"), names(other));
    }

    @Test
    void disabledInTheBinding_itsRulesAndTheDefaultStopThere_butAMoreSpecificScopeTurnsThemOn() {
        final String conf = "binding \"binding1\" {\n  adaptive_sweep_rule_enabled = 0\n"
                + "  adaptive_sweep_rule \"rule1\" {\n    codes = (\"bc:24\")\n  }\n"
                + "  domain \"domain1\" {\n    adaptive_sweep_rule_enabled = 1\n"
                + "    adaptive_sweep_rule \"rule2\" {\n      codes = (\"bc:10\")\n    }\n  }\n}\n";

        assertEquals(List.of("rule2"), names(rules(conf, "binding1", "domain1")));
        assertEquals(List.of(), names(rules(conf, "binding1", "other.test")));
        assertEquals(List.of(SweepRules.DEFAULT_BOUNCE_RULE), names(rules(conf, "binding2", "other.test")));
    }

    @Test
    void sameNameTwice_theMostSpecificWinsEvenWhenItDoesNotApply() {
        final String conf = "adaptive_sweep_rule \"r\" {\n  codes = (\"bc:10\")\n}\n"
                + "domain \"x.test\" {\n  adaptive_sweep_rule \"r\" {\n    adaptive_sweep_rule_enabled = 0\n"
                + "    codes = (\"bc:21\")\n  }\n}\n";

        assertEquals(List.of(SweepRules.DEFAULT_BOUNCE_RULE), names(rules(conf, "b1", "x.test")));
        assertEquals(List.of("r"), names(rules(conf, "b1", "y.test")));
    }

    @Test
    void ruleWithoutCodesOrMixingBouncesAndFbl_isIgnoredWithItsReason() {
        final String conf = "adaptive_sweep_rule \"none\" {\n  low_threshold = 1\n}\n"
                + "adaptive_sweep_rule \"mixed\" {\n  codes = (\"bc:10\" \"fbl:abuse\")\n}\n";

        final List<SweepRules.Rule> rules = rules(conf, "b1", "x.test");

        assertEquals(List.of(SweepRules.DEFAULT_BOUNCE_RULE, "mixed", "none"), names(rules));
        assertEquals("it mixes bounce codes and FBL categories", rules.get(1).ignored());
        assertEquals("it has no codes", rules.get(2).ignored());
        assertEquals(List.of(true, false, false), rules.stream().map(SweepRules.Rule::countsBounces).toList());
    }

    private static String refusal(String conf) {
        return assertThrows(ConfException.class, () -> SweepRules.validate(EcelerityConf.from(new ConfParser()
                .parse(conf, Path.of("ecelerity.conf"))))).getMessage();
    }

    @Test
    void validate_readsRulesNoTrafficReaches_andRefusesNonsense() {
        assertEquals("ecelerity.conf:3: unknown option low_treshold in adaptive_sweep_rule \"r\"; expected codes, "
                + "low_threshold, low_action, high_threshold, high_action, adaptive_sweep_rule_enabled",
                refusal("Domain \"nowhere.example\" {\n  adaptive_sweep_rule \"r\" {\n    low_treshold = 1\n  }\n}\n"));
        assertEquals("ecelerity.conf:2: expected a list of codes such as ( \"bc:10\" \"bc:24\" ) or ( \"fbl:abuse\" ) "
                + "in adaptive_sweep_rule \"r\" but found ( )",
                refusal("adaptive_sweep_rule \"r\" {\n  codes = ( )\n}\n"));
        assertEquals("ecelerity.conf:2: expected codes \"bc:<bounce class 1 to 100>\" or \"fbl:<category>\" in "
                + "adaptive_sweep_rule \"r\" but found \"bc:999\"",
                refusal("adaptive_sweep_rule \"r\" {\n  codes = ( \"bc:999\" )\n}\n"));
        assertEquals("ecelerity.conf:1: expected low_threshold 9.0 at most high_threshold 5.0 in adaptive_sweep_rule "
                + "\"r\"", refusal("adaptive_sweep_rule \"r\" {\n  codes = ( \"bc:10\" )\n  low_threshold = 9\n"
                + "  high_threshold = 5\n}\n"));
        assertEquals("ecelerity.conf:3: expected a percentage from 0 to 100, such as 5 or 0.2, for high_threshold but "
                + "found 500", refusal("adaptive_sweep_rule \"r\" {\n  codes = ( \"bc:10\" )\n"
                + "  high_threshold = 500\n}\n"));
        assertEquals("ecelerity.conf:4: expected one adaptive_sweep_rule \"r\" in global, but it is defined again here",
                refusal("adaptive_sweep_rule \"r\" {\n  codes = ( \"bc:10\" )\n}\nadaptive_sweep_rule \"r\" {\n"
                        + "  codes = ( \"bc:24\" )\n}\n"));
        assertEquals("ecelerity.conf:1: expected a name after 'adaptive_sweep_rule'",
                refusal("adaptive_sweep_rule \"\" {\n  codes = ( \"bc:10\" )\n}\n"));
        assertEquals("ecelerity.conf:3: expected a sweep action (suspend, blackhole, throttle, greylisted, "
                + "reduce_connections or reduce_deliveries) for low_action but found \"transcode\", which acts on a "
                + "response, not on a binding and domain", refusal("adaptive_sweep_rule \"r\" {\n"
                + "  codes = ( \"bc:10\" )\n  low_action = ( \"transcode\" \"hello\" )\n}\n"));
    }

    @Test
    void malformedRules_refusedNamingFileAndLine() {
        assertEquals("ecelerity.conf:2: expected codes \"bc:<bounce class 1 to 100>\" or \"fbl:<category>\" in "
                + "adaptive_sweep_rule \"r\" but found \"10\"", assertThrows(ConfException.class, () -> rules(
                "adaptive_sweep_rule \"r\" {\n  codes = (\"10\")\n}\n", "b1", "x.test")).getMessage());
        assertEquals("ecelerity.conf:3: expected a suspension of a power of two hours (1, 2, 4, 8 hours...) for "
                + "high_action but found \"3 hours\"", assertThrows(ConfException.class, () -> rules(
                "adaptive_sweep_rule \"r\" {\n  codes = (\"bc:10\")\n  high_action = (\"suspend\" \"3 hours\")\n}\n",
                "b1", "x.test")).getMessage());
        assertEquals("ecelerity.conf:3: expected a percentage from 0 to 100, such as 5 or 0.2, for low_threshold but "
                + "found \"five\"",
                assertThrows(ConfException.class, () -> rules("adaptive_sweep_rule \"r\" {\n  codes = (\"bc:10\")\n"
                        + "  low_threshold = \"five\"\n}\n", "b1", "x.test")).getMessage());
    }
}
