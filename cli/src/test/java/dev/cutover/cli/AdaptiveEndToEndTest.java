package dev.cutover.cli;

import dev.cutover.cli.CommandRuns.Result;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import static dev.cutover.cli.CommandRuns.cutover;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Momentum's Adaptive Delivery through the command: rules files, sweep rules and the adaptive stanza. */
class AdaptiveEndToEndTest extends OnE2eEstate {
    private static Path copyEditing(String name, String file, UnaryOperator<String> edit) throws IOException {
        return E2eEstate.copyEditing(estate, dir.resolve(name), file, edit);
    }

    @Test
    void run_adaptiveDeliveryOnYahoo_rulesActAndAreReported() throws IOException {
        final Path adaptive = withAdaptiveRules("adaptive", """
                require('msys.adaptive')
                msys.adaptive.registerRules({
                  ["yahoo.com"] = { responses = {
                    { code = [=[^421 4\\.7\\.0 \\[TSS04\\]]=], trigger = "1", action = { "throttle", "down" } } } } })
                """);
        Files.writeString(adaptive.resolve("ecelerity.conf"), Files.readString(adaptive.resolve("ecelerity.conf"))
                .replace("Outbound_Throttle_Messages = \"120/60\"\n  }\n}", "Outbound_Throttle_Messages = "
                        + "\"120/60\"\n    adaptive_enabled = true\n  }\n}"));

        final Result result = cutover("run", adaptive.toString(), "--out", dir.resolve("out-adaptive").toString());
        final String report = Files.readString(dir.resolve("out-adaptive/report.json"));

        assertTrue(result.status() <= 1, result.err());
        assertTrue(report.contains("\"momentum.adaptive_delivery\": \"2 (binding, domain) queue(s) with "
                + "adaptive_enabled; rules from custom_ad.lua; throttle down multiplies by 0.5"), report);
        assertTrue(report.contains("bounce sweep rules every 3600s once a binding and domain has 2000 attempts "
                + "(built-in defaults); no bouncelog, so no bounce has a class and no bounce sweep rule acts"), report);
        assertTrue((result.out() + result.err()).matches("(?s).*note: momentum: no binding::domain had "
                + "adaptive_attempt_threshold \\(2000\\) attempts within a bounce_sweep_interval \\(3600 s\\), the "
                + "most was \\d+, so no bounce sweep rule acted in \\d+ sweeps.*"), result.out() + result.err());
        assertTrue(report.matches("(?s).*Adaptive Delivery: rule \\\\\"\\^421 .*custom_ad.lua:2 .*-> throttle down, "
                + "\\d+ times.*"), report);

        final Result explained = cutover("explain", adaptive.toString(), "yahoo.com");

        assertEquals(0, explained.status(), explained.err());
        assertTrue(explained.out().matches("(?s).*adaptive_enabled +true +\\[ecelerity.conf:\\d+ .*"),
                explained.out());
        assertTrue(explained.out().contains("adaptive rule \"^421 4\\.7\\.0 \\[TSS04\\]\" every match: throttle down  "
                + "[custom_ad.lua:2 \"yahoo.com\" #1]"), explained.out());
        assertTrue(explained.out().contains("adaptive_sweep_rule \"default bounce rule\" bc:10 bc:24 at 3%: throttle "
                + "down, at 10%: suspend 4 hours  [built-in default]"), explained.out());
    }

    @Test
    void run_adaptiveRulesWithABadTrigger_exitsTwoNamingFileAndLine() throws IOException {
        final Path bad = withAdaptiveRules("adaptive-bad", "msys.adaptive.registerRules({ [\"yahoo.com\"] = "
                + "{ responses = { { code = \"^421\", trigger = \"often\", "
                + "action = { \"suspend\", \"1 hours\" } } } } })\n");

        final Result result = cutover("run", bad.toString(), "--out", dir.resolve("out-adaptive-bad").toString());

        assertEquals(2, result.status(), result.err());
        assertTrue(result.err().contains("momentum.adaptive_rules: custom_ad.lua:1"), result.err());
        assertTrue(result.err().contains("trigger must be \"N\" or \"N/S\""), result.err());
    }

    @Test
    void run_badAdaptiveStanzaOrSweepRuleNoTrafficReaches_exitsTwoFromRunAndExplain() throws IOException {
        final Path stanza = copyEditing("adaptive-stanza", "ecelerity.conf",
                text -> text + "\nadaptive {\n  bounce_sweep_interval = \"1h\"\n}\n");
        final Path rule = copyEditing("sweep-rule", "ecelerity.conf", text -> text
                + "\nDomain \"nowhere.example\" {\n  adaptive_sweep_rule \"x\" {\n    codes = ( \"bogus\" )\n  }\n}\n");

        final Result run = cutover("run", stanza.toString(), "--out", dir.resolve("out-stanza").toString());
        final Result explain = cutover("explain", stanza.toString(), "gmail.com");
        final Result ruleRun = cutover("run", rule.toString(), "--out", dir.resolve("out-rule").toString());

        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().contains("expected a whole number of seconds for bounce_sweep_interval but found \"1h\""),
                run.err());
        assertEquals(2, explain.status(), explain.err());
        assertEquals(2, ruleRun.status(), ruleRun.err());
        assertTrue(ruleRun.err().contains("in adaptive_sweep_rule \"x\" but found \"bogus\""), ruleRun.err());
    }

    /** @return a copy of the estate named {@code name} whose scenario runs {@code rules} as custom_ad.lua */
    private static Path withAdaptiveRules(String name, String rules) throws IOException {
        final Path copy = copyEditing(name, "scenario.toml", text -> text.replace("config = \"ecelerity.conf\"",
                "config = \"ecelerity.conf\"\nadaptive_rules = \"custom_ad.lua\""));
        Files.writeString(copy.resolve("custom_ad.lua"), rules);
        return copy;
    }
}
