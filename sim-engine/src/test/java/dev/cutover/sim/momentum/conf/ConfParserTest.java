package dev.cutover.sim.momentum.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfParserTest {

    private static List<String> optionNames(ConfStanza stanza) {
        return stanza.options().stream().map(ConfOption::name).toList();
    }

    private static String scalarOf(ConfStanza stanza, String option) {
        return stanza.options().stream().filter(o -> o.name().equals(option))
            .reduce((first, second) -> second).map(o -> ((ConfValue.Scalar) o.value()).text()).orElseThrow();
    }

    private static ConfException parseFailure(String fixture) {
        return assertThrows(ConfException.class, () -> new ConfParser().parse(Fixtures.path(fixture)));
    }

    @Test
    void parse_severalAssignmentsOnOneLine_keepsEachWithItsLine() {
        final ConfStanza binding = Fixtures.parseText(
            "\nBinding \"b\" { Bind_Address = \"192.0.2.3\"  EHLO_Hostname = mta3.example.com }").stanzas().get(0);

        assertEquals(List.of("bind_address", "ehlo_hostname"), optionNames(binding));
        assertEquals("mta3.example.com", scalarOf(binding, "ehlo_hostname"));
        assertEquals(new SourceLocation("ecelerity.conf", 2), binding.options().get(1).location());
    }

    @Test
    void parse_listWithCommasAndSpaces_keepsItemsInOrder() {
        final ConfOption option = Fixtures.parseText("Relay_Hosts = ( 127.0.0.0/8, \"10.0.0.0/8\" ::1 )")
            .options().get(0);

        assertEquals(new ConfValue.ListValue(List.of(new ConfValue.Scalar("127.0.0.0/8", false),
            new ConfValue.Scalar("10.0.0.0/8", true), new ConfValue.Scalar("::1", false))), option.value());
    }

    @Test
    void parse_bracketDictionary_keepsEntries() {
        final ConfOption option = Fixtures.parseText("custom_classes = [ 99 = \"profanity\" 98 = \"spam\" ]")
            .options().get(0);

        assertEquals(new ConfValue.DictValue(Map.of("99", new ConfValue.Scalar("profanity", true),
            "98", new ConfValue.Scalar("spam", true))), option.value());
    }

    @Test
    void parse_namedAndUnnamedStanzas_keepsKeywordsAndNames() {
        final ConfStanza global = Fixtures.parseText(
            "ThreadPool accept-pool { concurrency = 4 }\nESMTP_Listener { Listen \":25\" { } }\n"
                + "domain mx.example.com { }\nDomain \"/(?:^|[.])example[.](?:com|net)$/\" { }");

        assertEquals(List.of("threadpool", "esmtp_listener", "domain", "domain"),
            global.stanzas().stream().map(ConfStanza::keyword).toList());
        assertEquals(List.of(Optional.of("accept-pool"), Optional.empty(), Optional.of("mx.example.com"),
            Optional.of("/(?:^|[.])example[.](?:com|net)$/")),
            global.stanzas().stream().map(ConfStanza::name).toList());
        assertEquals("Listen \":25\"", global.stanzas().get(1).stanzas().get(0).describe());
    }

    @Test
    void parse_mixedCaseKeywords_normalisesToLowerCaseAndKeepsSpelling() {
        final ConfStanza global = Fixtures.parseText("MAX_Outbound_CONNECTIONS = 3\nBINDING_group \"Retail\" { }");

        assertEquals("max_outbound_connections", global.options().get(0).name());
        assertEquals("MAX_Outbound_CONNECTIONS", global.options().get(0).spelling());
        assertEquals("binding_group", global.stanzas().get(0).keyword());
        assertEquals(Optional.of("Retail"), global.stanzas().get(0).name());
    }

    @Test
    void parse_includeFile_insertsContentWhereTheStatementStands() {
        final ConfStanza global = new ConfParser().parse(Fixtures.path("includes/ecelerity.conf"));

        assertEquals(List.of("retry_interval", "retry_interval", "idle_timeout"), optionNames(global));
        assertEquals(new SourceLocation("parts/bindings.conf", 1), global.options().get(1).location());
        assertEquals("700", scalarOf(global, "retry_interval"));
    }

    @Test
    void parse_readonlyIncludeOfDirectoryInsideGroup_readsFilesAlphabeticallyIntoTheGroup() {
        final ConfStanza global = new ConfParser().parse(Fixtures.path("includes/ecelerity.conf"));
        final ConfStanza secondBulk = global.stanzas().get(1);

        assertEquals(List.of("Domain \"gmail.com\"", "Domain \"yahoo.com\""),
            secondBulk.stanzas().stream().map(ConfStanza::describe).toList());
        assertEquals(List.of("domains.d/a-gmail.conf:2", "domains.d/b-yahoo.conf:2"),
            secondBulk.options().stream().map(o -> o.location().toString()).toList());
    }

    @Test
    void parse_includeDirectory_skipsHiddenFiles() {
        final ConfStanza global = new ConfParser().withPathPrefix(Fixtures.INSTALLED_CONF, Fixtures.path("minimal"))
            .parse(Fixtures.path("minimal/ecelerity.conf"));

        assertEquals(List.of("Domain \"/(?:^|[.])example[.](?:com|net)$/\"", "Binding_Group \"retail\"",
            "Binding_Group \"wholesale\"", "binding_group \"wholesale\""),
            global.stanzas().stream().map(ConfStanza::describe).toList());
    }

    @Test
    void parse_includeCycle_namesTheIncludeThatClosesTheLoop() {
        final ConfException error = parseFailure("cycle/ecelerity.conf");

        assertEquals("loop.conf:3: expected an include that does not lead back to a file being read, but "
            + "ecelerity.conf is already open (loop.conf < ecelerity.conf)", error.getMessage());
    }

    @Test
    void parse_missingInclude_namesFileAndLine() {
        final ConfException error = parseFailure("errors/missing-include.conf");

        assertEquals(new SourceLocation("missing-include.conf", 3), error.location());
        assertEquals("missing-include.conf:3: expected an existing file or directory for include "
            + "\"no-such-dir/bindings.conf\" (looked for "
            + Fixtures.path("errors").resolve("no-such-dir/bindings.conf") + ")", error.getMessage());
    }

    @Test
    void parse_unclosedBrace_namesStanzaAndOpeningLine() {
        final ConfException error = parseFailure("errors/unclosed-brace.conf");

        assertEquals("unclosed-brace.conf:6: expected '}' to close Binding_Group \"retail\" opened at line 1",
            error.getMessage());
    }

    @Test
    void parse_strayClosingBrace_namesItsLine() {
        final ConfException error = parseFailure("errors/stray-brace.conf");

        assertEquals("stray-brace.conf:4: found '}' with no stanza open; expected an option, a stanza or end of file",
            error.getMessage());
    }

    @Test
    void parse_unterminatedString_namesFileAndOpeningLine() {
        final ConfException error = parseFailure("errors/unterminated-string.conf");

        assertEquals("unterminated-string.conf:3: expected '\"' to close the string opened at line 3 "
            + "before end of file", error.getMessage());
    }

    @Test
    void parse_optionWithoutEquals_saysWhatWasExpected() {
        final ConfException error = assertThrows(ConfException.class,
            () -> Fixtures.parseText("Retry_Interval = 900\nIdle_Timeout 5\n"));

        assertEquals("ecelerity.conf:2: expected '=' or '{' after 'Idle_Timeout' but found '5'", error.getMessage());
    }

    @Test
    void parse_unclosedList_namesOpeningLine() {
        final ConfException error = assertThrows(ConfException.class,
            () -> Fixtures.parseText("Relay_Hosts = ( 127.0.0.0/8\n10.0.0.0/8\n"));

        assertEquals("ecelerity.conf:2: expected ')' to close the list opened at line 1", error.getMessage());
    }

    @Test
    void parse_includeWithRelativePath_resolvesAgainstTheAsFileFolder() {
        final ConfStanza global = new ConfParser().parse("include \"parts/bindings.conf\"",
            Fixtures.path("includes").resolve("virtual.conf"));

        assertEquals(List.of("retry_interval"), optionNames(global));
        assertEquals("700", scalarOf(global, "retry_interval"));
        assertEquals(Path.of("parts/bindings.conf").toString(), global.options().get(0).location().file());
    }
}
