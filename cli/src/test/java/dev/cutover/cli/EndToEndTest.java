package dev.cutover.cli;

import dev.cutover.cli.CommandRuns.Result;
import dev.cutover.ingest.IngestInput;
import dev.cutover.ingest.IngestListener;
import dev.cutover.ingest.IngestOptions;
import dev.cutover.ingest.Ingestor;
import dev.cutover.ingest.LogSource;
import dev.cutover.ingest.RejectSink;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import static dev.cutover.cli.CommandRuns.copy;
import static dev.cutover.cli.CommandRuns.cutover;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole path on a small estate: synthesize, ingest, replay through three engines, report. */
class EndToEndTest extends OnE2eEstate {
    @Test
    void run_halvedYahooRate_divergesOnYahooAndExplainsIt() throws IOException {
        final Path out = dir.resolve("out-a");

        final Result result = cutover("run", estate.toString(), "--out", out.toString());
        final String report = Files.readString(out.resolve("report.json"));

        assertEquals(1, result.status(), result.err());
        assertTrue(report.contains("\"schema\": 1"), report);
        assertTrue(report.contains("\"messages\": 6000"), report);
        assertTrue(report.indexOf("\"domain\": \"aol.com\"") < report.indexOf("\"domain\": \"gmail.com\""));
        assertTrue(result.out().matches("(?s).*yahoo\\.com\\s+delivered_per_minute.*diverged.*"), result.out());
        assertTrue(result.out().contains("max_message_rate = 30/m per (egress source, site) "
                + "[shaping.toml:10 [\"yahoo.com\"]"), result.out());
        assertTrue(Files.exists(out.resolve("rejects.tsv")));
    }

    @Test
    void run_twice_writesByteIdenticalReports() throws IOException {
        cutover("run", estate.toString(), "--out", dir.resolve("out-1").toString());
        cutover("run", estate.toString(), "--out", dir.resolve("out-2").toString());

        assertArrayEquals(Files.readAllBytes(dir.resolve("out-1/report.json")),
                Files.readAllBytes(dir.resolve("out-2/report.json")));
    }

    @Test
    void run_badAndOrphanLines_areCountedTheSameOnEveryRun() throws IOException {
        final Path messy = dir.resolve("messy");
        copy(estate, messy);
        Files.writeString(messy.resolve("logs/mainlog.ec"), String.join("\n",
                "not a mainlog line",
                "1717430403@ZZ/00-00000-00000000@ZZ/00-00000-00000000@5D/00-23311-91E221F9@D@aol.com@48874@pool"
                        + "@pool-a@0@3.18@203.0.113.25",
                ""), java.nio.file.StandardOpenOption.APPEND);

        cutover("run", messy.toString(), "--out", dir.resolve("out-messy-1").toString());
        cutover("run", messy.toString(), "--out", dir.resolve("out-messy-2").toString());
        final String first = Files.readString(dir.resolve("out-messy-1/report.json"));
        final String rejects = Files.readString(dir.resolve("out-messy-2/rejects.tsv"));

        assertTrue(first.contains("\"rejected_lines\": 1,"), first);
        assertTrue(first.contains("\"orphan_attempt_lines\": 1,"), first);
        assertEquals(first, Files.readString(dir.resolve("out-messy-2/report.json")));
        assertTrue(rejects.contains("\tORPHAN_ATTEMPT\t"), rejects);
        assertEquals(3, rejects.lines().count());

        final Result strict = cutover("run", messy.toString(), "--strict", "--out", dir.resolve("out-messy-3")
                .toString());
        assertEquals(2, strict.status());
        assertTrue(strict.err().contains("2 log line(s) were set aside"), strict.err());
        assertTrue(Files.exists(dir.resolve("out-messy-3/report.json")), "the report is written all the same");
    }

    @Test
    void run_unknownScenarioKey_exitsTwoNamingTheLine() throws IOException {
        final Path bad = dir.resolve("bad-key");
        copy(estate, bad);
        Files.writeString(bad.resolve("scenario.toml"),
                Files.readString(bad.resolve("scenario.toml")).replace("seed = 3", "seed = 3\nsede = 4"));

        final Result result = cutover("run", bad.toString(), "--out", dir.resolve("out-bad").toString());

        assertEquals(2, result.status());
        assertTrue(result.err().startsWith("cutover: scenario.toml:3: unknown key `sede`"), result.err());
    }

    @Test
    void run_shapingHelperWithKumoDefaultsButNoHelperFolder_exitsTwoSayingWhereTheFileLives() throws IOException {
        final Path helped = dir.resolve("helped");
        copy(estate, helped);
        final Path init = helped.resolve("kumo/init.lua");
        Files.writeString(init, Files.readString(init).replace("kumo.on('get_egress_path_config'",
                "local helper = require 'policy-extras.shaping'\n"
                        + "local from_helper = helper:setup { '/opt/kumomta/etc/policy/shaping.toml' }\n"
                        + "kumo.on('get_egress_path_config'"));

        final Result result = cutover("run", helped.toString(), "--out", dir.resolve("out-helped").toString());

        assertEquals(2, result.status(), result.out());
        assertTrue(result.err().contains("init.lua: kumo.shaping.load reported local shaping source "
                + "/opt/kumomta/share/policy-extras/shaping.toml error: file not found"), result.err());
    }

    @Test
    void run_chattyPolicyWithAutomationRules_notesCappedAndRulesSaidToBeIdle() throws IOException {
        final Path chatty = dir.resolve("chatty");
        copy(estate, chatty);
        final Path init = chatty.resolve("kumo/init.lua");
        Files.writeString(init, "for i = 1, 60 do print('line ' .. i) end\n" + Files.readString(init));
        Files.writeString(chatty.resolve("kumo/shaping.toml"), Files.readString(chatty.resolve("kumo/shaping.toml"))
                + "\n[[\"yahoo.com\".automation]]\nregex = \"TSS04\"\naction = \"Suspend\"\nduration = \"2h\"\n"
                + "\n[[\"yahoo.com\".automation]]\nregex = \"TSS05\"\naction = \"Suspend\"\nduration = \"1h\"\n"
                + "trigger = { Threshold = \"3/10m\" }\n");

        cutover("run", chatty.toString(), "--out", dir.resolve("out-chatty").toString());
        final String report = Files.readString(dir.resolve("out-chatty/report.json"));

        assertTrue(report.contains("\"policy: print: line 50\""), report);
        assertTrue(!report.contains("\"policy: print: line 51\""), report);
        assertTrue(report.contains("policy: 10 more lines of policy output"), report);
        assertTrue(report.contains("policy: the shaping files hold 2 automation rule(s), but the policy publishes no "
                + "delivery logs to a TSA daemon (set [kumomta] tsa = \\\"on\\\" to see them act), so none of them "
                + "acts"), report);

        final Result explained = cutover("explain", chatty.toString(), "yahoo.com");

        assertTrue(explained.out().contains("  TSA rule shaping.toml:10 [\"yahoo.com\"]"), explained.out());
        assertTrue(explained.out().contains(": TSS04 -> Suspend on every match, for 2h (it acts when TSA is on"),
                explained.out());
        assertTrue(explained.out().contains(": TSS05 -> Suspend at 3 matches within its duration (Threshold \"3/10m\": "
                + "TSA counts over the duration and ignores the period), for 1h"), explained.out());
    }

    @Test
    void run_luaSyntaxError_exitsTwoNamingFileAndLine() throws IOException {
        final Path bad = dir.resolve("bad-lua");
        copy(estate, bad);
        Files.writeString(bad.resolve("kumo/init.lua"), "local x = 1\nlocal y = x // 2\n");

        final Result result = cutover("run", bad.toString(), "--out", dir.resolve("out-lua").toString());

        assertEquals(2, result.status());
        assertTrue(result.err().contains("init.lua:2"), result.err());
        assertTrue(result.err().contains("//"), result.err());
    }

    @Test
    void explain_policyFailingForAGroup_saysSoInThatGroupsPartShowsTheRestAndExitsTwo() throws IOException {
        final Path failing = dir.resolve("failing-group");
        copy(estate, failing);
        final Path init = failing.resolve("kumo/init.lua");
        Files.writeString(init, Files.readString(init).replace("kumo.on('get_egress_pool', function(name)",
                "kumo.on('get_egress_pool', function(name)\n"
                        + "  if name == 'pool' then error('no egress pool named pool') end"));

        final Result explained = cutover("explain", failing.toString(), "gmail.com");

        assertEquals(2, explained.status(), "the policy fails, as a run would say");
        assertTrue(explained.err().contains("no egress pool named pool"), explained.err());
        assertTrue(explained.out().contains("  KumoMTA: the policy fails for this group's messages, as kumod would: "
                + "init.lua:9: no egress pool named pool"), explained.out());
        assertTrue(explained.out().contains("Momentum"), "the group's Momentum side is still shown");
    }

    @Test
    void run_everyLineSetAside_exitsTwoWithTheRejectsListedAndNoEarlierReportLeft() throws IOException {
        final Path spoilt = dir.resolve("spoilt");
        copy(estate, spoilt);
        final Path out = dir.resolve("out-spoilt");
        assertEquals(1, cutover("run", spoilt.toString(), "--out", out.toString()).status());
        final Path log = spoilt.resolve("logs/mainlog.ec");
        // deliveries whose receptions are gone: each line parses, and none can be joined to a message
        Files.writeString(log, Files.readAllLines(log).stream().filter(line -> line.contains("@D@")).limit(40)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n")));

        final Result failed = cutover("run", spoilt.toString(), "--out", out.toString());

        assertEquals(2, failed.status(), failed.err());
        assertTrue(failed.err().contains("40 log line(s) were set aside, listed in " + out.resolve("rejects.tsv")),
                failed.err());
        assertEquals(41, Files.readAllLines(out.resolve("rejects.tsv")).size(), "a header and each line set aside");
        assertFalse(Files.exists(out.resolve("report.json")), "the earlier run's report is not left behind");
    }

    @Test
    void run_missingShapingFile_exitsTwoInsteadOfComparingAgainstDefaults() throws IOException {
        final Path bad = dir.resolve("no-shaping");
        copy(estate, bad);
        Files.delete(bad.resolve("kumo/shaping.toml"));

        final Result result = cutover("run", bad.toString(), "--out", dir.resolve("out-shaping").toString());

        assertEquals(2, result.status());
        assertTrue(result.err().contains("init.lua:2: kumo.shaping.load reported local shaping source shaping.toml "
                + "error: file not found"), "the line that names the file: " + result.err());
    }

    @Test
    void run_emptyLog_exitsTwoNamingTheFile() throws IOException {
        final Path bad = dir.resolve("empty-log");
        copy(estate, bad);
        Files.writeString(bad.resolve("logs/mainlog.ec"), "");

        final Result result = cutover("run", bad.toString(), "--out", dir.resolve("out-empty").toString());

        assertEquals(2, result.status());
        assertTrue(result.err().contains("mainlog.ec"), result.err());
    }

    @Test
    void run_logReplacedAfterAnEarlierRun_replaysOnlyTheCurrentLog() throws IOException {
        final Path changing = dir.resolve("changing");
        copy(estate, changing);
        final Path log = changing.resolve("logs/mainlog.ec");
        final List<String> lines = Files.readAllLines(log);
        Files.write(log, lines.subList(0, lines.size() / 2));
        cutover("run", changing.toString(), "--out", dir.resolve("out-half").toString());
        Files.write(log, lines);

        cutover("run", changing.toString(), "--out", dir.resolve("out-full").toString());
        final String report = Files.readString(dir.resolve("out-full/report.json"));

        assertTrue(report.contains("\"messages\": 6000,"), report.substring(0, 400));
        assertTrue(report.contains("\"rejected_lines\": 0,"), report.substring(0, 400));
    }

    @Test
    void run_logSwappedForAnotherAfterAnEarlierRun_storeRebuiltAndSaidSo() throws IOException {
        final Path changing = dir.resolve("swapped");
        copy(estate, changing);
        final Path log = changing.resolve("logs/mainlog.ec");
        final List<String> lines = Files.readAllLines(log);
        Files.write(log, lines.subList(0, lines.size() / 2));
        cutover("run", changing.toString(), "--out", dir.resolve("out-first-half").toString());
        Files.write(log, lines.subList(lines.size() / 2, lines.size()));

        final Result second = cutover("run", changing.toString(), "--out", dir.resolve("out-second-half").toString());

        assertTrue(second.err().contains("cutover: the traffic store was emptied to be filled again from the logs: it "
                + "holds mainlog.ec as it was, and that file is not among the logs now or was rewritten"),
                second.err());
        final Path fresh = dir.resolve("swapped-fresh");
        copy(changing.resolve("logs"), fresh.resolve("logs"));
        for (String file : List.of("scenario.toml", "ecelerity.conf", "mx.toml")) {
            Files.copy(changing.resolve(file), fresh.resolve(file));
        }
        copy(changing.resolve("kumo"), fresh.resolve("kumo"));
        cutover("run", fresh.toString(), "--out", dir.resolve("out-fresh").toString());
        assertEquals(Files.readString(dir.resolve("out-fresh/report.json")),
                Files.readString(dir.resolve("out-second-half/report.json")), "as from a store never used before");
    }

    @Test
    void open_storeAlreadyLocked_isABadInputError() {
        final Path store = dir.resolve("locked-store");
        try (ScenarioStore first = ScenarioStore.openForAppend(store)) {
            final UserError error = org.junit.jupiter.api.Assertions.assertThrows(UserError.class,
                    () -> ScenarioStore.openForAppend(store));

            assertTrue(error.getMessage().contains("in use by another cutover run"), error.getMessage());
            assertEquals(0, first.traffic().messageCount());
        }
    }

    @Test
    void open_sameLogReadAsAnotherNode_emptiesTheStore() throws IOException {
        final Path store = dir.resolve("inputs-store");
        final Path log = Files.writeString(dir.resolve("node-mainlog.ec"), "1717430400@A1@B@C@R@u@gmail.com@s"
                + "@s.example@192.0.2.1@10@esmtp@pool@pool-a\n1717430401@A1@B@C@D@gmail.com@10@pool@pool-a@0@1.0"
                + "@192.0.2.9\n");
        final List<IngestInput> asMta1 = List.of(IngestInput.mainlog(new LogSource(log, "mta1")));
        try (ScenarioStore first = ScenarioStore.open(store, asMta1)) {
            Ingestor.ingestInputs(asMta1, first.traffic(), RejectSink.DISCARD, IngestListener.NONE,
                    IngestOptions.defaults());
        }
        try (ScenarioStore same = ScenarioStore.open(store, asMta1)) {
            assertEquals(1, same.traffic().messageCount());
        }

        final List<IngestInput> asMta2 = List.of(IngestInput.mainlog(new LogSource(log, "mta2")));
        try (ScenarioStore other = ScenarioStore.open(store, asMta2)) {
            assertEquals(0, other.traffic().messageCount());
        }
    }

    @Test
    void run_storeInsideTheScenarioFolderItself_isRefusedAndDeletesNothing() throws IOException {
        final Path shared = dir.resolve("store-dot");
        copy(estate, shared);
        Files.writeString(shared.resolve("scenario.toml"), Files.readString(shared.resolve("scenario.toml"))
                .replace("[traffic]", "[traffic]\nstore = \".\""));

        final Result result = cutover("run", shared.toString(), "--out", dir.resolve("out-dot").toString());

        assertEquals(2, result.status());
        assertTrue(result.err().contains("holds files that are not part of a cutover traffic store"), result.err());
        assertTrue(Files.exists(shared.resolve("scenario.toml")));
        assertTrue(Files.exists(shared.resolve("logs/mainlog.ec")));
    }

    @Test
    void run_bindingGroupMatchingNothing_exitsTwo() throws IOException {
        final Path other = dir.resolve("other-group");
        copy(estate, other);
        Files.writeString(other.resolve("scenario.toml"), Files.readString(other.resolve("scenario.toml"))
                .replace("[traffic]", "[traffic]\nbinding_groups = [\"nosuchgroup\"]"));

        final Result result = cutover("run", other.toString(), "--out", dir.resolve("out-other").toString());

        assertEquals(2, result.status());
        assertTrue(result.err().contains("matched none of the 6000 messages"), result.err());
    }

    @Test
    void run_badConfValue_exitsTwoNamingFileAndLine() throws IOException {
        final Path bad = dir.resolve("bad-conf");
        copy(estate, bad);
        Files.writeString(bad.resolve("ecelerity.conf"), Files.readString(bad.resolve("ecelerity.conf"))
                .replace("Max_Outbound_Connections = 4", "Max_Outbound_Connections = lots"));

        final Result result = cutover("run", bad.toString(), "--out", dir.resolve("out-conf").toString());

        assertEquals(2, result.status(), result.err());
        assertTrue(result.err().startsWith("cutover: ecelerity.conf:2: "), result.err());
    }

    /** @return a copy of the estate named {@code name}, with {@code file} rewritten by {@code edit} */
    private static Path copyEditing(String name, String file, UnaryOperator<String> edit) throws IOException {
        return E2eEstate.copyEditing(estate, dir.resolve(name), file, edit);
    }

    @Test
    void run_capacityReceiver_limitsNotedAndNoiseFloorFromRecordedAnswers() throws IOException {
        final Path capacity = copyEditing("capacity", "scenario.toml", text -> text
                + "model = \"capacity\"\n[receivers.capacity]\n\"gmail.com\" = 20\n"
                + "\"yahoo.com\" = { connections = 1 }\n\"nosuch.example\" = 5\n");

        final Result result = cutover("run", capacity.toString(), "--out", dir.resolve("out-capacity").toString());
        final String report = Files.readString(dir.resolve("out-capacity/report.json"));

        assertTrue(result.status() <= 1, result.err());
        assertTrue(report.contains("\"tolerance.noise_floor\": \"the distance from the log of a Momentum model given "
                + "the recorded answers only"), report);
        assertTrue(report.contains("1 site(s) with a connection limit set in the scenario; attempts refused for "
                + "going over it"), report);
        assertTrue(report.contains("names site(s) the log shows no attempt to, so their figures act on nothing: "
                + "nosuch.example"), report);
        assertTrue(cutover("explain", capacity.toString(), "yahoo.com").out().contains("  receiver (capacity): "
                + "[receivers.capacity] \"yahoo.com\" sets 1 connections at once"));
    }

    @Test
    void run_capacityForTwoNamesOfOneSite_exitsTwoNamingBoth() throws IOException {
        final Path conflict = copyEditing("capacity-conflict", "scenario.toml", text -> text
                + "model = \"capacity\"\n[receivers.capacity]\n\"yahoo.com\" = 20\n\"aol.com\" = 30\n");
        Files.writeString(conflict.resolve("mx.toml"), Files.readString(conflict.resolve("mx.toml")).replace(
                "[\"mx-aol.mail.gm0.yahoodns.net\"]", "[\"mta5.am0.yahoodns.net\", \"mta6.am0.yahoodns.net\"]"));

        final Result result = cutover("run", conflict.toString(), "--out", dir.resolve("out-conflict").toString());

        assertEquals(2, result.status(), result.err());
        assertTrue(result.err().contains("[receivers.capacity]: yahoo.com and aol.com are both site"), result.err());
    }

    @Test
    void synth_impossibleVolume_exitsTwoAndLeavesTheOldFile() throws IOException {
        final Path spec = dir.resolve("spec.toml");
        Files.writeString(spec, "messages = 10\n[domains.\"gmail.com\"]\nweight = 1\n");
        final Path existing = dir.resolve("existing.ec");
        Files.writeString(existing, "keep me\n");

        final Result result = cutover("synth", "--spec", spec.toString(), "--out", existing.toString(),
                "--volume", "Infinity");

        assertEquals(2, result.status(), result.err());
        assertEquals("keep me\n", Files.readString(existing));
    }

    @Test
    void run_policyWithoutPathHandler_saysKumodDefaultsApply() throws IOException {
        final Path bare = dir.resolve("bare-policy");
        copy(estate, bare);
        Files.writeString(bare.resolve("kumo/init.lua"), String.join("\n",
                "kumo.on('get_egress_pool', function(name)",
                "  return kumo.make_egress_pool { name = name, entries = { { name = 'pool-a' } } }",
                "end)",
                "kumo.on('get_egress_source', function(name) return kumo.make_egress_source { name = name } end)",
                ""));

        final Result result = cutover("run", bare.toString(), "--out", dir.resolve("out-bare").toString());

        assertTrue(result.status() == 0 || result.status() == 1, result.err());
        assertTrue(result.out().contains("note: policy: no get_egress_path_config handler is registered, so "
                + "kumod's defaults apply to every egress path"), result.out());
    }

    @Test
    void run_bindingMissingFromConf_isNoted() throws IOException {
        final Path partial = dir.resolve("partial-conf");
        copy(estate, partial);
        Files.writeString(partial.resolve("ecelerity.conf"), Files.readString(partial.resolve("ecelerity.conf"))
                .replace("  Binding \"pool-b\" { Bind_Address = 192.0.2.2 }\n", ""));

        final Result result = cutover("run", partial.toString(), "--out", dir.resolve("out-partial").toString());

        assertTrue(result.out().contains("note: ecelerity.conf declares no Binding \"pool-b\", which the logs use"),
                result.out());
    }

    @Test
    void explain_yahoo_printsEachEnginesSettingsWithWhereEachWasSet() throws Exception {
        final Result result = cutover("explain", estate.toString(), "Yahoo.com");

        assertEquals(0, result.status(), result.err());
        final Path golden = Path.of(EndToEndTest.class.getResource("/golden/explain-yahoo.com.txt").toURI());
        assertEquals(Files.readString(golden), result.out());
    }

    @Test
    void explain_oneSource_showsOnlyItAndTheBindingOfTheSameName() {
        final Result result = cutover("explain", estate.toString(), "gmail.com", "--source", "pool-b");

        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().contains("  Momentum queue to gmail.com, binding \"pool-b\"\n"), result.out());
        assertTrue(result.out().contains("    max_outbound_connections              2  [ecelerity.conf:12 "
                + "Binding_Group \"pool\" > Domain \"gmail.com\"]"), result.out());
        assertTrue(!result.out().contains("pool-a"), result.out());
    }

    @Test
    void explain_unknownSourceOrBadDomain_exitsTwoSayingWhatIsKnown() {
        final Result source = cutover("explain", estate.toString(), "gmail.com", "--source", "pool-z");
        final Result domain = cutover("explain", estate.toString(), "user@gmail.com");
        final Result dots = cutover("explain", estate.toString(), "...");
        final Result label = cutover("explain", estate.toString(), "a".repeat(64) + ".com");

        assertEquals(2, source.status());
        assertTrue(source.err().contains("--source pool-z: no egress source of the pools the replayed binding groups "
                + "use and no binding of theirs in ecelerity.conf has this name; known: "), source.err());
        assertEquals(2, domain.status());
        assertTrue(domain.err().contains("DOMAIN user@gmail.com: expected a destination domain"), domain.err());
        assertEquals(2, dots.status(), dots.out());
        assertEquals(2, label.status(), label.out());
    }

    @Test
    void explain_domainInNoMxData_saysSo() {
        final Result result = cutover("explain", estate.toString(), "nowhere.example");

        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().contains("note: nowhere.example is in neither the scenario's MX data nor the built-in "
                + "list; check its spelling, and that the logs send to it"), result.out());
    }

    @Test
    void explain_trailingDot_explainsTheDomainWithoutIt() {
        final Result dotted = cutover("explain", estate.toString(), "Gmail.COM.");

        assertEquals(0, dotted.status(), dotted.err());
        assertTrue(dotted.out().startsWith("gmail.com in scenario e2e\nKumoMTA site: alt1?.gmail-smtp-in"),
                dotted.out());
    }

    @Test
    void explain_sourceThePolicyRefuses_exitsTwoAsARunWould() throws IOException {
        final Path refusing = dir.resolve("refusing");
        copy(estate, refusing);
        final Path init = refusing.resolve("kumo/init.lua");
        Files.writeString(init, Files.readString(init).replace("return kumo.make_egress_source { name = name }",
                "error('no egress source named ' .. name)"));

        final Result explained = cutover("explain", refusing.toString(), "gmail.com");

        assertEquals(2, explained.status(), explained.out());
        assertTrue(explained.err().contains("no egress source named pool-a"), explained.err());
    }

    @Test
    void runAndExplain_receptionHook_refusesAolAndQueuesByTheBindingHeader() throws IOException {
        final Path hooked = dir.resolve("hooked");
        copy(estate, hooked);
        Files.writeString(hooked.resolve("kumo/init.lua"), String.join("\n",
                "kumo.on('smtp_server_message_received', function(msg)",
                "  if msg:recipient().domain == 'aol.com' then kumo.reject(550, 'aol is not moving') end",
                "  msg:set_meta('campaign', msg:get_first_named_header_value('X-Binding'))",
                "  if msg:recipient().domain == 'yahoo.com' then msg:set_meta('routing_domain', 'aol.com') end",
                "end)", ""), java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(hooked.resolve("scenario.toml"), "\n[kumomta.headers]\n\"X-Binding\" = \"binding\"\n",
                java.nio.file.StandardOpenOption.APPEND);

        final Result run = cutover("run", hooked.toString(), "--out", dir.resolve("out-hooked").toString());
        final String report = Files.readString(dir.resolve("out-hooked/report.json"));
        final Result aol = cutover("explain", hooked.toString(), "aol.com");
        final Result gmail = cutover("explain", hooked.toString(), "gmail.com");
        final Result yahoo = cutover("explain", hooked.toString(), "yahoo.com");

        assertEquals(1, run.status(), run.err());
        final String aolKumo = report.substring(report.indexOf("\"domain\": \"aol.com\""));
        final String kumo = aolKumo.substring(aolKumo.indexOf("\"kumomta\""));
        assertTrue(kumo.matches("(?s)\\{?.*\"delivered\": 0,.*\"refused\": [1-9][0-9]*,.*"), kumo);
        assertTrue(report.contains(" in smtp_server_message_received, never queued"), report);
        assertEquals(0, aol.status(), aol.err());
        assertTrue(aol.out().contains("KumoMTA reception: smtp_server_message_received refuses the message: 550 aol "
                + "is not moving"), aol.out());
        assertTrue(gmail.out().contains("get_queue_config(\"gmail.com\", tenant \"pool\", campaign \"pool-a\")"),
                gmail.out());
        assertTrue(gmail.out().contains("get_queue_config(\"gmail.com\", tenant \"pool\", campaign \"pool-b\")"),
                gmail.out());
        assertTrue(yahoo.out().matches("(?s).*\\n    site +mx-aol\\.mail\\.gm0\\.yahoodns\\.net \\(routing domain "
                + "aol\\.com\\) +\\[queue pool-a:pool@yahoo\\.com!aol\\.com from smtp_server_message_received\\].*"),
                yahoo.out());
        assertTrue(report.matches("(?s).*queue pool-[ab]:pool@yahoo\\.com!aol\\.com \\(named by "
                + "smtp_server_message_received\\).*"), report);
    }

    @Test
    void noSubcommand_exitsTwoWithUsage() {
        final Result result = cutover();

        assertEquals(2, result.status());
        assertTrue(result.err().contains("Usage: cutover"), result.err());
    }

    @Test
    void run_noArguments_exitsTwoWithUsage() {
        final Result result = cutover("run");

        assertEquals(2, result.status());
        assertTrue(result.err().contains("Missing required parameter"), result.err());
    }
}
