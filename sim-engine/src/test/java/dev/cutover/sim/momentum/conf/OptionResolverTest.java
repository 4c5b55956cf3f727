package dev.cutover.sim.momentum.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionResolverTest {

    private static final ConfValue.Scalar THROTTLE_600_PER_MINUTE = new ConfValue.Scalar("600/60", true);

    private final OptionResolver minimal = new OptionResolver(Fixtures.minimalExample());

    private ResolvedOption retail(String option, String binding, String domain) {
        return minimal.resolve(option, "retail", binding, domain);
    }

    private static String text(ResolvedOption resolved) {
        return ((ConfValue.Scalar) resolved.value()).text();
    }

    @Test
    void resolve_bindingDomainStanza_winsOverGroupValue() {
        final ResolvedOption resolved = retail("max_outbound_connections", "retail-ip-04", "example.org");

        assertEquals("4", text(resolved));
        assertEquals("ecelerity.conf:18 Binding_Group \"retail\" > Binding \"retail-ip-04\" > Domain \"example.org\"",
            resolved.location());
    }

    @Test
    void resolve_bindingWithoutOwnValue_inheritsGroupValue() {
        final ResolvedOption resolved = retail("Max_Outbound_Connections", "retail-ip-03", "example.org");

        assertEquals("10", text(resolved));
        assertEquals(StanzaKey.bindingGroup("retail"), resolved.definingStanza());
        assertEquals("ecelerity.conf:13 Binding_Group \"retail\"", resolved.location());
    }

    @Test
    void resolve_regexDomainThrottle_isOneStanzaForEveryMatchingDomainAndBinding() {
        final ResolvedOption com = retail("outbound_throttle_messages", "retail-ip-03", "example.com");
        final ResolvedOption net = retail("outbound_throttle_messages", "retail-ip-04", "example.net");
        final ResolvedOption wholesale = minimal.resolve("outbound_throttle_messages", "wholesale", "wholesale-ip-01",
            "mail.example.com");

        assertEquals(THROTTLE_600_PER_MINUTE, com.value());
        assertEquals(com.definingStanza(), net.definingStanza());
        assertEquals(com.definingStanza(), wholesale.definingStanza());
        assertEquals("ecelerity.conf:9 Domain \"/(?:^|[.])example[.](?:com|net)$/\"", net.location());
    }

    @Test
    void resolve_regexDomain_doesNotMatchLookalike() {
        assertFalse(retail("outbound_throttle_messages", "retail-ip-03", "notexample.com").isDefined());
    }

    @Test
    void resolve_groupDomainThrottle_isSharedByBothRetailBindings() {
        final ResolvedOption ip03 = retail("outbound_throttle_messages", "retail-ip-03", "example.org");
        final ResolvedOption ip04 = retail("outbound_throttle_messages", "retail-ip-04", "example.org");

        assertEquals("1000/3600", text(ip04));
        assertEquals(new StanzaKey("retail", null, "example.org", false), ip03.definingStanza());
        assertEquals(ip03.definingStanza(), ip04.definingStanza());
        assertEquals("ecelerity.conf:14 Binding_Group \"retail\" > Domain \"example.org\"", ip03.location());
    }

    @Test
    void resolve_globalValue_appliesToEveryPairFromTheGlobalStanza() {
        final List<ResolvedOption> resolved = List.of(
            retail("retry_interval", "retail-ip-03", "example.org"),
            minimal.resolve("retry_interval", "wholesale", "wholesale-ip-02", "gmail.com"),
            minimal.resolve("retry_interval", null, "unknown-binding", "example.net"));

        for (ResolvedOption each : resolved) {
            assertEquals("900", text(each));
            assertEquals(StanzaKey.GLOBAL, each.definingStanza());
            assertEquals("ecelerity.conf:3 global", each.location());
        }
    }

    @Test
    void resolve_groupFromLaterIncludedFile_winsAfterMerge() {
        final ResolvedOption resolved =
            minimal.resolve("max_outbound_connections", "wholesale", "wholesale-ip-01", "gmail.com");

        assertEquals("8", text(resolved));
        assertEquals("default/bindings.d/20-wholesale-limits.conf:3 Binding_Group \"wholesale\"", resolved.location());
    }

    @Test
    void resolve_optionNobodySets_reportsBuiltInDefault() {
        final ResolvedOption resolved = retail("idle_timeout", "retail-ip-03", "example.org");

        assertFalse(resolved.isDefined());
        assertEquals(StanzaKey.BUILT_IN, resolved.definingStanza());
        assertEquals("built-in default", resolved.location());
    }

    @Test
    void resolve_nullBindingGroup_takesGroupFromBindingDeclaration() {
        assertEquals("4", text(minimal.resolve("max_outbound_connections", null, "retail-ip-04", "EXAMPLE.ORG")));
    }

    @Test
    void resolve_fallbackOrderParameter_changesWinnerBetweenGroupDomainAndBinding() {
        final EcelerityConf conf = Fixtures.confOf("Binding_Group \"g\" {\n"
            + "  Domain \"x.test\" { Max_Outbound_Connections = 3 }\n"
            + "  Binding \"b\" { Max_Outbound_Connections = 7 }\n}");

        assertEquals("3", text(new OptionResolver(conf).resolve("max_outbound_connections", "g", "b", "x.test")));
        assertEquals("7", text(new OptionResolver(conf, FallbackOrder.KNOWLEDGE_BASE)
            .resolve("max_outbound_connections", "g", "b", "x.test")));
        assertEquals("7", text(new OptionResolver(conf).resolve("max_outbound_connections", "g", "b", "y.test")));
    }

    @Test
    void resolve_globalBindingDomain_outranksGroupDomainAndGlobalDomain() {
        final EcelerityConf conf = Fixtures.confOf("Domain \"x.test\" { Idle_Timeout = 1 }\n"
            + "Binding_Group \"g\" { Domain \"x.test\" { Idle_Timeout = 2 } }\n"
            + "Binding \"b\" { Domain \"x.test\" { Idle_Timeout = 3 } }");
        final ResolvedOption resolved = new OptionResolver(conf).resolve("idle_timeout", "g", "b", "x.test");

        assertEquals("3", text(resolved));
        assertEquals("ecelerity.conf:3 Binding \"b\" > Domain \"x.test\"", resolved.location());
    }

    @Test
    void resolve_globalDomain_outranksGlobalButNotGroup() {
        final EcelerityConf conf = Fixtures.confOf("Idle_Timeout = 1\nDomain \"x.test\" { Idle_Timeout = 2 }\n"
            + "Binding_Group \"g\" { Retry_Interval = 60 }\nBinding_Group \"h\" { Idle_Timeout = 4 }");
        final OptionResolver resolver = new OptionResolver(conf);

        assertEquals("2", text(resolver.resolve("idle_timeout", "g", "b", "x.test")));
        assertEquals("4", text(resolver.resolve("idle_timeout", "h", "b", "x.test")));
        assertEquals("1", text(resolver.resolve("idle_timeout", "g", "b", "y.test")));
    }

    @Test
    void resolve_sameQueryTwice_returnsTheCachedResolution() {
        final ResolvedOption first = retail("outbound_throttle_messages", "retail-ip-03", "example.org");

        assertSame(first, retail("Outbound_Throttle_Messages", "retail-ip-03", "Example.Org"));
        assertNotEquals(first.definingStanza(),
            retail("outbound_throttle_messages", "retail-ip-03", "example.com").definingStanza());
    }

    @Test
    void scopeChain_documentationOrder_listsScopesMostSpecificFirst() {
        final List<StanzaKey> chain = minimal.scopeChain("retail", "retail-ip-04", "example.org").stream()
            .map(Scope::key).toList();

        assertEquals(List.of(new StanzaKey("retail", "retail-ip-04", "example.org", false),
            new StanzaKey("retail", null, "example.org", false), new StanzaKey("retail", "retail-ip-04", null, false),
            StanzaKey.bindingGroup("retail"), StanzaKey.GLOBAL), chain);
    }
}
