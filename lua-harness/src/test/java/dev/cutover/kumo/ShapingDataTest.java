package dev.cutover.kumo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShapingDataTest {

    private static final String GMAIL_SITE = "(alt1|alt2|alt3|alt4)?.gmail-smtp-in.l.google.com";

    private final MxFixture mx = MxFixture.builtIn();

    /** @return the shipped shaping file loaded; skips the test when the file is absent */
    private ShapingData shipped() {
        return ShapingData.load(List.of(SharedFolder.shippedShaping()), mx, ShapingOptions.defaults());
    }

    @Test
    void automationRuleWithoutRegex_refusedAsKumodRefusesIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        final java.nio.file.Path file = dir.resolve("shaping.toml");
        java.nio.file.Files.writeString(file, "[\"example.com\"]\n[[\"example.com\".automation]]\n"
                + "action = \"Suspend\"\nduration = \"1h\"\n");

        final PolicyException e = org.junit.jupiter.api.Assertions.assertThrows(PolicyException.class,
                () -> ShapingData.load(List.of(file), mx, ShapingOptions.defaults()));

        assertEquals("shaping.toml:1 [\"example.com\"]: automation[0]: automation rule: missing field `regex`",
                e.getMessage());
    }

    @Test
    void rulesFor_shippedFile_defaultThenProviderOrSiteRulesWithTheirRollup() {
        final ShapingData data = shipped();

        final List<AutomationRule.Scoped> yahoo = data.rulesFor("yahoo.com", mx.siteName("yahoo.com"));
        final List<AutomationRule.Scoped> comcast = data.rulesFor("comcast.net", mx.siteName("comcast.net"));

        assertEquals(List.of(true, false), yahoo.stream().map(AutomationRule.Scoped::rollup).toList());
        assertEquals(List.of("Suspend"), yahoo.get(1).rule().actions());
        assertTrue(yahoo.get(1).rule().matches("421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred"));
        assertTrue(yahoo.get(0).rule().matches("421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred"),
                "the default block's rule matches the same text");
        assertEquals(3, comcast.size());
        assertTrue(comcast.stream().allMatch(AutomationRule.Scoped::rollup), "comcast.net is rolled up to its site");
        assertEquals(2, comcast.get(1).rule().threshold().limit());
        assertTrue(comcast.get(2).rule().matches("421 4.2.0 RL000010 throttled"));
        assertFalse(comcast.get(2).rule().matches("451 4.4.4 KumoMTA internal: RL000010"),
                "internal responses are skipped without match_internal");
    }

    @Test
    void lookup_gmailWithSource_mergesDefaultAndGoogleProvider() {
        final ShapingResult r = shipped().lookup("gmail.com", "ip-1", GMAIL_SITE);

        assertEquals(10L, r.params().get("connection_limit"));
        assertEquals(50L, r.params().get("max_deliveries_per_connection"));
        assertEquals("google", r.params().get("provider_name"));
        assertEquals(Map.of("shaping-provider-google-ip-1-limit", "5"), r.params().get("additional_connection_limits"));
        assertEquals("Required", r.params().get("enable_tls"));
        assertEquals("60s", r.params().get("idle_timeout"));
    }

    @Test
    void lookup_gmailWithSource_recordsOrigins() {
        final ShapingResult r = shipped().lookup("gmail.com", "ip-1", GMAIL_SITE);

        assertEquals("kumomta-default-shaping.toml:54 [\"default\"]", r.origins().get("connection_limit"));
        assertEquals("kumomta-default-shaping.toml:92 [provider.\"google\"]",
                r.origins().get("max_deliveries_per_connection"));
        assertEquals("kumomta-default-shaping.toml:92 [provider.\"google\"]",
                r.origins().get("additional_connection_limits[shaping-provider-google-ip-1-limit]"));
    }

    @Test
    void lookup_yahoo_takesProviderDeliveriesPerConnection() {
        final ShapingResult r = shipped().lookup("yahoo.com", "ip-1", mx.siteName("yahoo.com"));

        assertEquals(20L, r.params().get("max_deliveries_per_connection"));
        assertEquals("yahoo", r.params().get("provider_name"));
        assertFalse(r.params().containsKey("additional_connection_limits"));
    }

    @Test
    void lookup_comcast_takesSiteBlockOverDefault() {
        final ShapingResult r = shipped().lookup("comcast.net", "ip-1", mx.siteName("comcast.net"));

        assertEquals(25L, r.params().get("connection_limit"));
        assertEquals(1000L, r.params().get("max_deliveries_per_connection"));
        assertEquals("30s", r.params().get("idle_timeout"));
        assertEquals("kumomta-default-shaping.toml:156 [\"comcast.net\"] (site (mx1h1|mx2h1).comcast.net)",
                r.origins().get("connection_limit"));
    }

    @Test
    void lookup_mixedMxVanityDomain_matchesNoProvider() {
        final MxFixture vanity = mx.overriddenBy(MxFixture.parse(
                "\"vanity.example\" = [\"aspmx.l.google.com\", \"mx.vanity.example\"]\n", "mx.toml"));
        final ShapingData data = ShapingData.load(List.of(SharedFolder.shippedShaping()), vanity,
                ShapingOptions.defaults());

        final ShapingResult r = data.lookup("vanity.example", "ip-1", vanity.siteName("vanity.example"));

        assertNull(r.params().get("provider_name"));
        assertEquals(100L, r.params().get("max_deliveries_per_connection"));
    }

    @Test
    void lookup_noRollupDomainWithSource_appliesDomainSourceLast() {
        final ShapingResult r = shipped().lookup("example.com", "my source name", "whatever");

        assertEquals(5L, r.params().get("connection_limit"));
        assertEquals("kumomta-default-shaping.toml:214 [\"example.com\".sources.\"my source name\"]",
                r.origins().get("connection_limit"));
    }

    @Test
    void lookup_urlPseudoDomain_skipsProviders() {
        final ShapingResult r = shipped().lookup("http://127.0.0.1:8008.tsa.kumomta", "ip-1", "x");

        assertEquals("local:5", r.params().get("connection_limit"));
        assertEquals(10000L, r.params().get("max_ready"));
    }

    @Test
    void automationRules_shippedFile_keepsAllFourRules() {
        final List<AutomationRule> rules = shipped().automationRules();

        assertEquals(4, rules.size());
        assertEquals(5_400_000_000L, rules.get(0).durationMicros());
        assertEquals(new ThrottleSpec(2, 3_600_000_000L, -1, false), rules.get(2).threshold());
    }

    @Test
    void load_laterFileReplaceBase_resetsAccumulatedParams(@TempDir Path dir) throws Exception {
        final Path custom = dir.resolve("custom.toml");
        Files.writeString(custom, "[\"comcast.net\"]\nreplace_base = true\nmax_ready = 7\n");
        final ShapingData data = ShapingData.load(List.of(SharedFolder.shippedShaping(), custom), mx,
                ShapingOptions.defaults());

        final ShapingResult r = data.lookup("comcast.net", "ip-1", mx.siteName("comcast.net"));

        assertEquals(7L, r.params().get("max_ready"));
        assertEquals(10L, r.params().get("connection_limit"));
        assertEquals("60s", r.params().get("idle_timeout"));
    }

    @Test
    void load_twoDomainsOneSite_notesAliasAndWarnsWhenAsked(@TempDir Path dir) throws Exception {
        final Path custom = dir.resolve("custom.toml");
        Files.writeString(custom, "[\"me.com\"]\nconnection_limit = 2\n[\"mac.com\"]\nconnection_limit = 3\n");
        final ShapingOptions warn = new ShapingOptions("Ignore", "Ignore", "Ignore", "Warn", "Ignore", "Error",
                false);

        final ShapingData data = ShapingData.load(List.of(custom), mx, warn);

        final String expected = "multiple domain blocks alias to the same site: (mx01|mx02).mail.icloud.com: "
                + "me.com, mac.com";
        assertEquals(List.of(expected), data.warnings());
        assertEquals(List.of(expected), ShapingData.load(List.of(custom), mx, ShapingOptions.defaults()).notes());
    }

    @Test
    void load_invalidParam_failsNamingBlock(@TempDir Path dir) throws Exception {
        final Path custom = dir.resolve("bad.toml");
        Files.writeString(custom, "[\"default\"]\nmax_message_rate = \"100/hours\"\n");

        final PolicyException e = org.junit.jupiter.api.Assertions.assertThrows(PolicyException.class,
                () -> ShapingData.load(List.of(custom), mx, ShapingOptions.defaults()));

        assertTrue(e.getMessage().contains("unknown period quantity hours"), e.getMessage());
        assertEquals("bad.toml:1 [\"default\"]", e.file());
    }

    @Test
    void load_severalInvalidBlocks_namesEveryBadKeyOfEachInLineOrder(@TempDir Path dir) throws Exception {
        final Path custom = dir.resolve("bad.toml");
        Files.writeString(custom, "[\"example.net\"]\nmx_rollup = false\nenable_tls = \"Opportunistik\"\n\n"
                + "[\"default\"]\nconnection_limit = 10\n\n[\"example.com\"]\nmx_rollup = false\n"
                + "max_message_rate = \"100\"\nidle_timeout = \"5 parsecs\"\n");

        final PolicyException e = org.junit.jupiter.api.Assertions.assertThrows(PolicyException.class,
                () -> ShapingData.load(List.of(custom), mx, ShapingOptions.defaults()));

        assertEquals("bad.toml:1 [\"example.net\"]", e.file());
        assertEquals("bad.toml:1 [\"example.net\"]: domain: example.net: interpreting params as EgressPathConfig: "
                + "enable_tls: unknown variant `Opportunistik`, expected one of `Opportunistic`, "
                + "`OpportunisticInsecure`, `Required`, `RequiredInsecure`, `Disabled`; kumod would also refuse 1 "
                + "more: bad.toml:8 [\"example.com\"]: domain: example.com: interpreting params as "
                + "EgressPathConfig: max_message_rate: expected 'limit/period', got 100; idle_timeout: invalid value: "
                + "string \"5 parsecs\", expected a duration", e.getMessage());
    }

    @Test
    void load_badAutomationRuleAndNonBooleanFlag_namedWithTheOtherRefusals(@TempDir Path dir) throws Exception {
        final Path custom = dir.resolve("bad.toml");
        Files.writeString(custom, "[\"example.com\"]\nmx_rollup = \"yes\"\n\n[\"example.net\"]\nmx_rollup = false\n"
                + "[[\"example.net\".automation]]\nregex = \"(unclosed\"\naction = \"Suspend\"\nduration = \"2h\"\n\n"
                + "[\"example.org\"]\nmx_rollup = false\nidle_timeout = \"5 parsecs\"\n");

        final PolicyException e = org.junit.jupiter.api.Assertions.assertThrows(PolicyException.class,
                () -> ShapingData.load(List.of(custom), mx, ShapingOptions.defaults()));

        assertEquals("bad.toml:1 [\"example.com\"]: mx_rollup: invalid type: string \"yes\", expected a boolean; kumod "
                + "would also refuse 2 more: bad.toml:4 [\"example.net\"]: automation[0]: automation regex: Unclosed "
                + "group; bad.toml:11 [\"example.org\"]: domain: example.org: interpreting params as EgressPathConfig: "
                + "idle_timeout: invalid value: string \"5 parsecs\", expected a duration", e.getMessage());
    }

    @Test
    void load_missingLocalFile_isCollectedAsError() {
        final ShapingData data = ShapingData.load(List.of(Path.of("no-such-shaping.toml")), mx,
                ShapingOptions.defaults());

        assertEquals(List.of("local shaping source no-such-shaping.toml error: file not found"), data.errors());
    }

    @Test
    void load_oneDomainOverriddenInASecondFile_isNoAlias(@TempDir Path dir) throws Exception {
        final Path base = dir.resolve("base.toml");
        final Path ours = dir.resolve("ours.toml");
        Files.writeString(base, "[\"me.com\"]\nconnection_limit = 2\n");
        Files.writeString(ours, "[\"me.com\"]\nconnection_limit = 5\n");

        final ShapingData data = ShapingData.load(List.of(base, ours), mx, ShapingOptions.defaults());

        assertEquals(List.of(), data.aliasFindings());
        assertEquals(List.of(), data.notes());
    }
}
