package dev.cutover.sim.momentum;

import dev.cutover.kumo.PolicyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules files in the layout of ad-custom-rules and the shipped rules' appendix, loaded as Momentum reads them. */
class AdaptiveRulesLoaderTest {
    @TempDir
    Path folder;

    static final String CUSTOM = """
            require('msys.adaptive')
            local rules = {
              ["example.com"] = {
                responses = {
                  { code = "^421 .*\\\\[TS01\\\\]", trigger = "1", action = { "throttle", "down" },
                    message = "TS01" },
                  { code = "^450 tempfail", trigger = "5/1", action = { "suspend", "4 hours" } },
                  { code = "^554 Dynamic", trigger = "1", action = { "transcode", "454", "suspend", "2 hours" } },
                  { code = "^421 busy", action = { { "reduce_connections", 2 }, { "greylisted", "15 minutes" } } },
                },
                configuration = {
                  max_deliveries_per_connection = 5,
                  max_outbound_connections = { 30, 300 },
                  outbound_throttle_messages = function(curr, last, age, mc)
                    return math.floor(age / 86400) * 100
                  end,
                  max_retries = 3,
                },
              },
              ["example.net"] = "example.com",
            }
            msys.adaptive.registerRules(rules)
            """;

    private Path write(String name, String text) throws IOException {
        final Path file = folder.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void load_customRules_keepsEveryRuleInOrder() throws IOException {
        final AdaptiveRules rules = AdaptiveRulesLoader.load(List.of(write("custom_ad.lua", CUSTOM)));

        final List<ResponseRule> responses = rules.forDomain("Example.COM").responses();
        assertEquals(4, responses.size());
        assertEquals("^421 .*\\[TS01\\]", responses.get(0).code());
        assertEquals("[throttle down]", responses.get(0).actions().toString());
        assertEquals(1, responses.get(0).count());
        assertEquals(5, responses.get(1).count());
        assertEquals(1, responses.get(1).windowSeconds());
        assertEquals("[suspend 4 hours]", responses.get(1).actions().toString());
        assertEquals("[transcode \"454\", suspend 2 hours]", responses.get(2).actions().toString());
        assertEquals("[reduce_connections 2, greylisted 15 minutes]", responses.get(3).actions().toString());
        assertEquals("custom_ad.lua:22 \"example.com\" #2", responses.get(1).origin());
    }

    @Test
    void load_configuration_forcesClampsAndComputes() throws IOException {
        final AdaptiveRules rules = AdaptiveRulesLoader.load(List.of(write("custom_ad.lua", CUSTOM)));

        final var configuration = rules.forDomain("example.com").configuration();
        assertEquals(5.0, configuration.get("max_deliveries_per_connection").forced());
        assertEquals(30.0, configuration.get("max_outbound_connections").range().low());
        assertEquals(300.0, configuration.get("max_outbound_connections").range().high());
        assertEquals(3000.0, configuration.get("outbound_throttle_messages").function().apply(0, 0, 30 * 86_400.0));
        assertEquals(1, rules.notes().size());
        assertTrue(rules.notes().get(0).contains("sets max_retries, which the model does not manage"),
                rules.notes().get(0));
    }

    @Test
    void load_alias_usesTheNamedDomainsRules() throws IOException {
        final AdaptiveRules rules = AdaptiveRulesLoader.load(List.of(write("custom_ad.lua", CUSTOM)));

        assertEquals(rules.forDomain("example.com"), rules.forDomain("example.net"));
        assertNull(rules.forDomain("example.org"));
    }

    @Test
    void load_augmentThenReplace_replaceDropsEarlierRules() throws IOException {
        final Path more = write("more.lua", """
                msys.adaptive.registerRules({ ["example.com"] = { responses = {
                  { code = "^452", trigger = "1", action = { "reduce_deliveries", 1 } } } } }, "augment")
                """);
        final Path replace = write("replace.lua", """
                msys.adaptive.registerRules({ ["example.org"] = { responses = {
                  { code = "^452", trigger = "1", action = { "warmup", 86400 } } } } }, "replace")
                """);

        final AdaptiveRules augmented = AdaptiveRulesLoader.load(List.of(write("custom_ad.lua", CUSTOM), more));
        final AdaptiveRules replaced = AdaptiveRulesLoader.load(List.of(write("custom_ad.lua", CUSTOM), more,
                replace));

        assertEquals(5, augmented.forDomain("example.com").responses().size());
        assertEquals("^452", augmented.forDomain("example.com").responses().get(4).code());
        assertNull(replaced.forDomain("example.com"));
        assertEquals(1, replaced.domainCount());
    }

    @Test
    void load_badTrigger_namesFileLineAndRule() throws IOException {
        final Path bad = write("bad.lua", """
                local r = { ["example.com"] = { responses = {
                  { code = "^421", trigger = "5-1", action = { "suspend", "4 hours" } } } } }
                msys.adaptive.registerRules(r)
                """);

        final PolicyException e = assertThrows(PolicyException.class, () -> AdaptiveRulesLoader.load(List.of(bad)));

        assertTrue(e.getMessage().contains("bad.lua:3"), e.getMessage());
        assertTrue(e.getMessage().contains("\"example.com\" response 1: trigger must be \"N\" or \"N/S\""),
                e.getMessage());
    }

    @Test
    void load_unknownActionOrDuration_saysWhatWasExpected() throws IOException {
        final Path unknown = write("unknown.lua", """
                msys.adaptive.registerRules({ ["example.com"] = { responses = {
                  { code = "^421", action = { "pause", "4 hours" } } } } })
                """);
        final Path duration = write("duration.lua", """
                msys.adaptive.registerRules({ ["example.com"] = { responses = {
                  { code = "^421", action = { "suspend", "four hours" } } } } })
                """);

        final PolicyException e1 = assertThrows(PolicyException.class,
                () -> AdaptiveRulesLoader.load(List.of(unknown)));
        final PolicyException e2 = assertThrows(PolicyException.class,
                () -> AdaptiveRulesLoader.load(List.of(duration)));

        assertTrue(e1.getMessage().contains("unknown action \"pause\""), e1.getMessage());
        assertTrue(e2.getMessage().contains("takes a duration such as \"4 hours\""), e2.getMessage());
    }

    @Test
    void load_badPattern_namesIt() throws IOException {
        final Path bad = write("pattern.lua", """
                msys.adaptive.registerRules({ ["example.com"] = { responses = {
                  { code = "^421 (", action = { "suspend", "1 hours" } } } } })
                """);

        final PolicyException e = assertThrows(PolicyException.class, () -> AdaptiveRulesLoader.load(List.of(bad)));

        assertTrue(e.getMessage().contains("code \"^421 (\" is not a valid pattern"), e.getMessage());
    }

    @Test
    void load_fileThatNeverRegisters_isRefused() throws IOException {
        final Path empty = write("empty.lua", "-- nothing here\n");

        final PolicyException e = assertThrows(PolicyException.class, () -> AdaptiveRulesLoader.load(List.of(empty)));

        assertTrue(e.getMessage().startsWith("empty.lua"), e.getMessage());
        assertTrue(e.getMessage().contains("never calls msys.adaptive.registerRules"), e.getMessage());
    }

    @Test
    void load_valuesBelowWhatAnOptionTakes_areRefused() throws IOException {
        final Path zeroConnections = write("zero.lua", "msys.adaptive.registerRules({ [\"example.com\"] = "
                + "{ configuration = { max_outbound_connections = 0 } } })\n");
        final Path zeroSuspend = write("suspend.lua", "msys.adaptive.registerRules({ [\"example.com\"] = "
                + "{ responses = { { code = \"^421\", action = { \"suspend\", \"0 hours\" } } } } })\n");

        final PolicyException e1 = assertThrows(PolicyException.class,
                () -> AdaptiveRulesLoader.load(List.of(zeroConnections)));
        final PolicyException e2 = assertThrows(PolicyException.class,
                () -> AdaptiveRulesLoader.load(List.of(zeroSuspend)));

        assertTrue(e1.getMessage().contains("max_outbound_connections of \"example.com\" must be a number of at "
                + "least 1, not 0"), e1.getMessage());
        assertTrue(e2.getMessage().contains("action \"suspend\" takes a duration above 0"), e2.getMessage());
    }

    @Test
    void load_aliasToAnAliasOrToNothing_isNoted() throws IOException {
        final Path aliases = write("aliases.lua", "msys.adaptive.registerRules({ [\"a.example\"] = \"b.example\", "
                + "[\"b.example\"] = \"a.example\", [\"c.example\"] = \"nowhere.example\" })\n");

        final AdaptiveRules rules = AdaptiveRulesLoader.load(List.of(aliases));

        assertEquals(List.of(
                "\"a.example\" uses the rules of \"b.example\", which is itself an alias; aliases are not followed "
                        + "further, so \"a.example\" has no rules",
                "\"b.example\" uses the rules of \"a.example\", which is itself an alias; aliases are not followed "
                        + "further, so \"b.example\" has no rules",
                "\"c.example\" uses the rules of \"nowhere.example\", which has none"), rules.notes());
    }

    @Test
    void load_sandboxRefusals_speakOfRulesFilesNotKumoPolicies() throws IOException {
        final Path reads = write("reads.lua", "local f = io.open('/etc/hostname')\n");
        final Path loops = write("loops.lua", "while true do end\n");
        final Path latin1 = folder.resolve("latin1.lua");
        Files.write(latin1, new byte[] {'-', '-', ' ', (byte) 0xE9, '\n'});

        final String io = assertThrows(PolicyException.class, () -> AdaptiveRulesLoader.load(List.of(reads)))
                .getMessage();
        final String loop = assertThrows(PolicyException.class, () -> AdaptiveRulesLoader.load(List.of(loops)))
                .getMessage();
        final String encoding = assertThrows(PolicyException.class, () -> AdaptiveRulesLoader.load(List.of(latin1)))
                .getMessage();

        assertTrue(io.contains("a rules file reads no files; it hands its rules to msys.adaptive.registerRules"), io);
        assertTrue(loop.startsWith("loops.lua:1: rules file ran longer than"), loop);
        assertEquals("latin1.lua: is not UTF-8 text; cutover reads rules files as UTF-8", encoding);
        assertFalse((io + loop + encoding).contains("kumod"), io + loop + encoding);
    }
}
