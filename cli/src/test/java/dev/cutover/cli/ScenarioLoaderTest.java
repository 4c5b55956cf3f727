package dev.cutover.cli;

import dev.cutover.ingest.LogSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioLoaderTest {
    private static final String VALID = String.join("\n",
            "name = \"t\"",
            "seed = 7",
            "[traffic]",
            "logs = [\"logs/main*.ec\"]",
            "binding_groups = [\"retail\"]",
            "[momentum]",
            "config = \"ecelerity.conf\"",
            "[kumomta]",
            "policy = \"init.lua\"",
            "[receivers]",
            "smtp_latency = \"50ms\"",
            "[tolerance]",
            "connections = \"25%\"",
            "");

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs/mainlog-2.ec"), "x");
        Files.writeString(dir.resolve("logs/mainlog-1.ec"), "x");
        Files.writeString(dir.resolve("ecelerity.conf"), "");
        Files.writeString(dir.resolve("init.lua"), "");
    }

    private UserError failure(String text) throws IOException {
        Files.writeString(dir.resolve("scenario.toml"), text);
        return assertThrows(UserError.class, () -> ScenarioLoader.load(dir));
    }

    @Test
    void load_helperFolder_resolvedWhenItHoldsPolicyExtras() throws IOException {
        Files.createDirectories(dir.resolve("kumo-share/policy-extras"));
        Files.writeString(dir.resolve("scenario.toml"), VALID.replace("policy = \"init.lua\"",
                "policy = \"init.lua\"\nhelpers = \"kumo-share\""));

        assertEquals(dir.resolve("kumo-share"), ScenarioLoader.load(dir).kumoHelpers());
    }

    @Test
    void load_helperFolderWithoutPolicyExtras_namesKeyLineAndWhatItMustHold() throws IOException {
        Files.createDirectories(dir.resolve("kumo-share"));

        final UserError e = failure(VALID.replace("policy = \"init.lua\"", "policy = \"init.lua\"\nhelpers = "
                + "\"kumo-share\""));

        assertEquals("scenario.toml:10: kumomta.helpers names kumo-share, which holds no policy-extras folder; "
                + "expected the folder of KumoMTA's shipped helpers, such as an installation's /opt/kumomta/share",
                e.getMessage());
    }

    @Test
    void load_pathsAndEnv_productionFoldersToLocalOnesAndTheVariablesGiven() throws IOException {
        Files.createDirectories(dir.resolve("prod/etc"));
        Files.writeString(dir.resolve("scenario.toml"), VALID.replace("[receivers]", "[kumomta.paths]\n"
                + "\"/opt/kumomta/etc/policy\" = \"prod/etc\"\n\"/srv/kumo\" = \".\"\n"
                + "[kumomta.env]\nKUMO_ENV = \"production\"\n[receivers]"));

        final Scenario scenario = ScenarioLoader.load(dir);

        assertEquals(List.of("/opt/kumomta/etc/policy", "/srv/kumo"), List.copyOf(scenario.kumoPaths().keySet()));
        assertEquals(dir.resolve("prod/etc"), scenario.kumoPaths().get("/opt/kumomta/etc/policy"));
        assertEquals(Map.of("KUMO_ENV", "production"), scenario.kumoEnv());
    }

    @Test
    void load_pathsNotAbsoluteOrNotAFolder_namesLineAndWhatIsExpected() throws IOException {
        final UserError relative = failure(VALID.replace("[receivers]", "[kumomta.paths]\n"
                + "\"etc/policy\" = \".\"\n[receivers]"));
        final UserError missing = failure(VALID.replace("[receivers]", "[kumomta.paths]\n"
                + "\"/opt/kumomta/etc\" = \"nowhere\"\n[receivers]"));
        final UserError number = failure(VALID.replace("[receivers]", "[kumomta.env]\nWORKERS = 4\n[receivers]"));
        final UserError dotted = failure(VALID.replace("[receivers]", "[kumomta.paths]\n"
                + "\"/opt/kumomta/../etc\" = \".\"\n[receivers]"));
        final UserError doubled = failure(VALID.replace("[receivers]", "[kumomta.paths]\n"
                + "\"/opt//kumomta\" = \".\"\n[receivers]"));
        final UserError twice = failure(VALID.replace("[receivers]", "[kumomta.paths]\n"
                + "\"/srv/kumo\" = \".\"\n\"/srv/kumo/\" = \"logs\"\n[receivers]"));
        final UserError spaced = failure(VALID.replace("[receivers]",
                "[kumomta.env]\n\"KUMO ENV\" = \"x\"\n[receivers]"));

        assertEquals("scenario.toml:11: kumomta.paths: expected an absolute production folder in quotes = a local "
                + "folder, relative to the scenario file, got etc/policy = \".\"", relative.getMessage());
        assertEquals("scenario.toml:11: kumomta.paths maps /opt/kumomta/etc to nowhere, which is not a folder "
                + "(paths are relative to the scenario file)", missing.getMessage());
        assertEquals("scenario.toml:11: kumomta.env: expected a variable name = a string, what os.getenv answers "
                + "for it, got WORKERS = 4", number.getMessage());
        assertTrue(dotted.getMessage().startsWith("scenario.toml:11: kumomta.paths: expected an absolute production "
                + "folder in quotes"), dotted.getMessage());
        assertTrue(doubled.getMessage().endsWith("got /opt//kumomta = \".\""), doubled.getMessage());
        assertEquals("scenario.toml:12: kumomta.paths names the folder /srv/kumo twice (with and without a final /); "
                + "keep one", twice.getMessage());
        assertTrue(spaced.getMessage().startsWith("scenario.toml:11: kumomta.env: expected a variable name"),
                spaced.getMessage());
    }

    @Test
    void load_headers_keptInFileOrder() throws IOException {
        Files.writeString(dir.resolve("scenario.toml"), VALID.replace("[receivers]",
                "[kumomta.headers]\n\"X-Tenant\" = \"binding_group\"\n\"X-Binding\" = \"binding\"\n[receivers]"));

        assertEquals(List.of("X-Tenant", "X-Binding"), List.copyOf(ScenarioLoader.load(dir).headerFields().keySet()));
        assertEquals("{binding}", ScenarioLoader.load(dir).headerFields().get("X-Binding"));
    }

    @Test
    void load_headerFromUnknownField_namesLineAndWhatIsExpected() throws IOException {
        final UserError e = failure(VALID.replace("[receivers]", "[kumomta.headers]\n\"X-Tenant\" = \"{sender}\"\n"
                + "[receivers]"));

        assertEquals("scenario.toml:11: kumomta.headers: expected a header name (printable, no colon or space) = a "
                + "value in which {binding_group} and {binding} stand for the log's fields, got X-Tenant = "
                + "\"{sender}\"", e.getMessage());
    }

    @Test
    void load_headerTemplates_fieldsInTextConstantsAndBareFieldNames() throws IOException {
        Files.writeString(dir.resolve("scenario.toml"), VALID.replace("[receivers]", "[kumomta.headers]\n"
                + "\"X-Tenant\" = \"acme-{binding_group}\"\n\"X-Campaign\" = \"spring\"\n\"X-IP\" = \"binding\"\n"
                + "[receivers]"));

        assertEquals(Map.of("X-Tenant", "acme-{binding_group}", "X-Campaign", "spring", "X-IP", "{binding}"),
                ScenarioLoader.load(dir).headerFields());
    }

    @Test
    void load_httpAuth_defaultsToTheLoopbackInjector_andRefusesAnUnknownField() throws IOException {
        Files.writeString(dir.resolve("scenario.toml"), VALID);
        final String byDefault = ScenarioLoader.load(dir).httpAuth();
        Files.writeString(dir.resolve("scenario.toml"), VALID.replace("[receivers]",
                "http_auth = \"api-{binding_group}\"\n[receivers]"));
        final String templated = ScenarioLoader.load(dir).httpAuth();
        final UserError e = failure(VALID.replace("[receivers]", "http_auth = \"{user}\"\n[receivers]"));

        assertEquals("127.0.0.1", byDefault);
        assertEquals("api-{binding_group}", templated);
        assertEquals("scenario.toml:10: kumomta.http_auth must be a value in which {binding_group} and {binding} "
                + "stand for the log's fields, on one line, not \"{user}\"", e.getMessage());
    }

    @Test
    void load_headerOfThirtyThousandCharacters_readWithoutOverflowingTheStack() throws IOException {
        Files.writeString(dir.resolve("scenario.toml"), VALID.replace("[receivers]", "[kumomta.headers]\n"
                + "\"X-T\" = \"" + "a".repeat(30_000) + "{binding}\"\n[receivers]"));

        assertEquals(30_009, ScenarioLoader.load(dir).headerFields().get("X-T").length());
    }

    @Test
    void load_headerNamedTwiceInAnotherCase_refused() throws IOException {
        final UserError e = failure(VALID.replace("[receivers]", "[kumomta.headers]\n\"X-Tenant\" = \"a\"\n"
                + "\"x-tenant\" = \"b\"\n[receivers]"));

        assertEquals("scenario.toml:10: kumomta.headers names x-tenant twice (header names are the same in any case); "
                + "keep one", e.getMessage());
    }

    @Test
    void load_headerGivenAList_saysItIsAList() throws IOException {
        final UserError e = failure(VALID.replace("[receivers]", "[kumomta.headers]\n\"X-Tenant\" = [\"binding\"]\n"
                + "[receivers]"));

        assertTrue(e.getMessage().endsWith("got X-Tenant = a list"), e.getMessage());
    }

    @Test
    void load_capacityReceiver_modelAndSiteOverrides() throws IOException {
        Files.writeString(dir.resolve("scenario.toml"), VALID.replace("smtp_latency = \"50ms\"",
                "smtp_latency = \"50ms\"\nmodel = \"capacity\"\n[receivers.capacity]\n\"Gmail.com\" = 300"));

        final Scenario scenario = ScenarioLoader.load(dir);

        assertEquals("capacity", scenario.receiverModel());
        assertEquals(java.util.Map.of("gmail.com", 300L), scenario.capacityOverrides());
    }

    @Test
    void load_capacityTables_rateAndConnectionsApart() throws IOException {
        Files.writeString(dir.resolve("scenario.toml"), VALID.replace("smtp_latency = \"50ms\"",
                "smtp_latency = \"50ms\"\nmodel = \"capacity\"\n[receivers.capacity]\n"
                        + "\"yahoo.com\" = { per_minute = 600, connections = 20 }\n\"aol.com\" = { connections = 5 }\n"
                        + "\"gmail.com\" = 300"));

        final Scenario scenario = ScenarioLoader.load(dir);

        assertEquals(java.util.Map.of("yahoo.com", 600L, "gmail.com", 300L), scenario.capacityOverrides());
        assertEquals(java.util.Map.of("yahoo.com", 20L, "aol.com", 5L), scenario.connectionCapacities());
    }

    @Test
    void load_capacityTableWithAnUnknownKeyOrZero_namesLine() throws IOException {
        final UserError unknown = failure(VALID.replace("smtp_latency = \"50ms\"",
                "smtp_latency = \"50ms\"\nmodel = \"capacity\"\n[receivers.capacity]\n"
                        + "\"yahoo.com\" = { conections = 20 }"));
        final UserError zero = failure(VALID.replace("smtp_latency = \"50ms\"",
                "smtp_latency = \"50ms\"\nmodel = \"capacity\"\n[receivers.capacity]\n"
                        + "\"yahoo.com\" = { connections = 0 }"));

        assertEquals("scenario.toml:14: receivers.capacity: unknown key `conections`; a site's table takes "
                + "per_minute and connections", unknown.getMessage());
        assertEquals("scenario.toml:14: receivers.capacity: connections must be a whole number, at least 1, not 0",
                zero.getMessage());
    }

    @Test
    void load_capacityNotAWholeNumber_namesLine() throws IOException {
        final UserError e = failure(VALID.replace("smtp_latency = \"50ms\"",
                "smtp_latency = \"50ms\"\nmodel = \"capacity\"\n[receivers.capacity]\n\"gmail.com\" = \"fast\""));
        final UserError recorded = failure(VALID.replace("smtp_latency = \"50ms\"",
                "smtp_latency = \"50ms\"\n[receivers.capacity]\n\"gmail.com\" = 5"));

        assertEquals("scenario.toml:14: receivers.capacity: expected a site or domain = messages per minute (a whole "
                + "number, at least 1), or = { per_minute = N, connections = N } with either or both, got gmail.com = "
                + "\"fast\"", e.getMessage());
        assertTrue(recorded.getMessage().contains("[receivers.capacity] sets what sites accept for the rate-sensitive "
                + "receiver; add model = \"capacity\""), recorded.getMessage());
    }

    @Test
    void load_binaryFile_saysItIsNotUtf8Text() throws IOException {
        Files.write(dir.resolve("scenario.toml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});

        final UserError e = assertThrows(UserError.class, () -> ScenarioLoader.load(dir));

        assertTrue(e.getMessage().endsWith("scenario.toml: cannot be read (it is not UTF-8 text; expected a TOML "
                + "scenario file)"), e.getMessage());
    }

    @Test
    void load_validFolder_resolvesPathsAndDefaults() throws IOException {
        Files.writeString(dir.resolve("scenario.toml"), VALID);

        final Scenario scenario = ScenarioLoader.load(dir);

        assertEquals("t", scenario.name());
        assertEquals(7, scenario.seed());
        assertEquals(List.of(dir.resolve("logs/mainlog-1.ec"), dir.resolve("logs/mainlog-2.ec")), scenario.logs());
        assertEquals(Set.of("retail"), scenario.bindingGroups());
        assertEquals(50_000, scenario.receivers().smtpLatencyMicros());
        assertEquals(100_000, scenario.receivers().connectLatencyMicros());
        assertEquals(0.25, scenario.tolerances().of(dev.cutover.sim.compare.Metric.CONNECTIONS), 1e-12);
        assertEquals(0.10, scenario.tolerances().of(dev.cutover.sim.compare.Metric.DEFERRALS), 1e-12);
        assertEquals(dir.resolve(".cutover/store"), scenario.store());
        assertNull(scenario.mxFixture());
        assertEquals(java.util.Map.of(), scenario.headerFields());
    }

    @Test
    void load_unknownKey_namesKeyAndLine() throws IOException {
        final UserError error = failure(VALID.replace("seed = 7", "seed = 7\nspeed = 3"));

        assertEquals("scenario.toml:3: unknown key `speed`; expected one of kumomta, momentum, name, receivers, "
                + "replay, seed, tolerance, traffic", error.getMessage());
    }

    @Test
    void load_unknownKeyInTable_namesTable() throws IOException {
        final UserError error = failure(VALID.replace("[receivers]", "[receivers]\nlatency = \"1s\""));

        assertTrue(error.getMessage().startsWith("scenario.toml:11: unknown key `latency` in [receivers]"),
                error.getMessage());
    }

    @Test
    void load_missingPolicyFile_saysWhichKeyAndFile() throws IOException {
        Files.delete(dir.resolve("init.lua"));

        final UserError error = failure(VALID);

        assertEquals("scenario.toml:9: kumomta.policy names init.lua, which does not exist (paths are relative "
                + "to the scenario file)", error.getMessage());
    }

    @Test
    void load_globMatchingNothing_isAnError() throws IOException {
        final UserError error = failure(VALID.replace("logs/main*.ec", "logs/none*.ec"));

        assertEquals("scenario.toml:4: no log file matches logs/none*.ec", error.getMessage());
    }

    @Test
    void load_badTolerance_saysWhatWasExpected() throws IOException {
        final UserError error = failure(VALID.replace("\"25%\"", "\"lots\""));

        assertEquals("scenario.toml:13: tolerance.connections must be a percentage from \"0%\" to \"1000%\", "
                + "such as \"10%\"",
                error.getMessage());
    }

    @Test
    void load_tomlSyntaxError_namesLine() throws IOException {
        final UserError error = failure("name = \"t\"\nseed = = 1\n");

        assertTrue(error.getMessage().startsWith("scenario.toml:2: "), error.getMessage());
    }

    @Test
    void load_logTablesWithNodes_eachFileKeepsItsNode() throws IOException {
        final String logs = String.join("\n", "logs = [",
                "  { path = \"logs/mainlog-1.ec\", node = \"mta1\" },",
                "  { path = \"logs/mainlog-2*\", node = \"mta2\" },",
                "  \"logs/mainlog-1.ec\",",
                "]");
        Files.writeString(dir.resolve("scenario.toml"), VALID.replace("logs = [\"logs/main*.ec\"]", logs));

        final Scenario scenario = ScenarioLoader.load(dir);

        assertEquals(List.of(new LogSource(dir.resolve("logs/mainlog-1.ec"), "mta1"),
                new LogSource(dir.resolve("logs/mainlog-2.ec"), "mta2"),
                new LogSource(dir.resolve("logs/mainlog-1.ec"), "")), scenario.mainlogs());
    }

    @Test
    void load_bouncelogsAndCustomLogNode_becomeInputsOfTheirKindAndNode() throws IOException {
        Files.writeString(dir.resolve("logs/bouncelog.ec"), "x");
        Files.writeString(dir.resolve("logs/delivery.csv"), "x");
        final String traffic = String.join("\n", "logs = [\"logs/main*.ec\"]",
                "bouncelogs = [{ path = \"logs/bouncelog.ec\", node = \"mta1\" }]",
                "binding_groups = [\"retail\"]",
                "[[traffic.custom_logs]]", "stage = \"delivery\"", "format = \"%t,%i,%d,%T\"",
                "files = [\"logs/delivery.csv\"]", "node = \"mta2\"");
        Files.writeString(dir.resolve("scenario.toml"), VALID.replace("binding_groups = [\"retail\"]\n", "")
                .replace("logs = [\"logs/main*.ec\"]", traffic));

        final Scenario scenario = ScenarioLoader.load(dir);

        assertEquals(List.of("MAINLOG mainlog-1.ec ", "MAINLOG mainlog-2.ec ", "BOUNCELOG bouncelog.ec mta1",
                "CUSTOM delivery.csv mta2"), scenario.inputs().stream().map(input -> input.kind() + " "
                + input.path().getFileName() + " " + input.node()).toList());
    }

    @Test
    void load_logTableUnknownKey_namesKeyAndLine() throws IOException {
        final UserError error = failure(VALID.replace("logs = [\"logs/main*.ec\"]",
                "logs = [\n  { path = \"logs/mainlog-1.ec\", nodes = \"mta1\" },\n]"));

        assertEquals("scenario.toml:5: unknown key `nodes` in a traffic.logs entry; expected one of node, path",
                error.getMessage());
    }

    @Test
    void load_logTableWithoutPath_namesLine() throws IOException {
        final UserError error = failure(VALID.replace("logs = [\"logs/main*.ec\"]", "logs = [{ node = \"mta1\" }]"));

        assertEquals("scenario.toml:4: a traffic.logs entry needs `path`, a string: the node's mainlog file or glob",
                error.getMessage());
    }

    @Test
    void load_logTableNodeNotString_namesLine() throws IOException {
        final UserError error = failure(VALID.replace("logs = [\"logs/main*.ec\"]",
                "logs = [\n\n  { path = \"logs/mainlog-1.ec\", node = 2 }]"));

        assertEquals("scenario.toml:6: `node` in a traffic.logs entry must be a string: the name of the cluster "
                + "node that wrote the file", error.getMessage());
    }

    @Test
    void load_noScenarioFile_isAnError() {
        final UserError error = assertThrows(UserError.class, () -> ScenarioLoader.load(dir.resolve("nowhere")));

        assertTrue(error.getMessage().contains("no scenario file here"), error.getMessage());
    }
}
