package dev.cutover.sim.momentum.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EcelerityConfTest {

    private static Optional<String> domainStanzaFor(EcelerityConf conf, String domain) {
        return conf.global().domain(domain).map(scope -> scope.key().domain());
    }

    @Test
    void from_bindingGroupDeclaredTwice_mergesOptionsAndBindings() {
        final EcelerityConf conf = Fixtures.minimalExample();
        final Scope wholesale = conf.bindingGroup("wholesale").orElseThrow();

        assertEquals(List.of("retail", "wholesale"), conf.bindingGroupNames());
        assertEquals(List.of("wholesale-ip-01", "wholesale-ip-02"), wholesale.bindingNames());
        assertEquals(new SourceLocation("default/bindings.d/20-wholesale-limits.conf", 3),
            wholesale.option("Max_Outbound_Connections").orElseThrow().location());
    }

    @Test
    void bindingGroupOf_nestedAndGlobalBindings_followsDeclaration() {
        final EcelerityConf conf = Fixtures.confOf(
            "Binding_Group \"retail\" { Binding \"retail-ip-03\" { } }\nBinding \"default\" { }");

        assertEquals(Optional.of("retail"), conf.bindingGroupOf("retail-ip-03"));
        assertEquals(Optional.empty(), conf.bindingGroupOf("default"));
        assertEquals(List.of("default"), conf.global().bindingNames());
        assertEquals(Optional.empty(), conf.bindingGroupOf("Retail-IP-03"));
    }

    @Test
    void domain_literalAndRegexBothMatch_prefersLiteralDeclaredLater() {
        final EcelerityConf conf = Fixtures.confOf("Domain \"/example[.]com$/\" { }\nDomain \"example.com\" { }");

        assertEquals(Optional.of("example.com"), domainStanzaFor(conf, "example.com"));
        assertEquals(Optional.of("/example[.]com$/"), domainStanzaFor(conf, "mail.example.com"));
    }

    @Test
    void domain_twoRegexesMatch_firstInFileOrderWins() {
        final EcelerityConf conf = Fixtures.confOf("Domain \"/[.]net$/\" { }\nDomain \"/^example/\" { }");

        assertEquals(Optional.of("/[.]net$/"), domainStanzaFor(conf, "example.net"));
        assertEquals(Optional.of("/^example/"), domainStanzaFor(conf, "example.org"));
        assertEquals(Optional.empty(), domainStanzaFor(conf, "other.org"));
    }

    @Test
    void domain_mixedCaseNames_compareInLowerCase() {
        final EcelerityConf conf = Fixtures.confOf("Domain \"Example.ORG\" { Idle_Timeout = 9 }\n"
            + "domain example.org { Retry_Interval = 60 }");
        final Scope domain = conf.global().domain("EXAMPLE.org").orElseThrow();

        assertEquals("example.org", domain.key().domain());
        assertEquals(List.of("idle_timeout", "retry_interval"), List.copyOf(domain.options().keySet()));
    }

    @Test
    void from_moduleAndListenerStanzas_keptGenerically() {
        final EcelerityConf conf = Fixtures.confOf(
            "ec_logger \"ec_logger\" { mainlog = \"/var/log/ecelerity/mainlog.ec\" }\n"
            + "Binding \"b\" { Domain \"d.test\" { Host \"mx.d.test\" { Max_Outbound_Connections = 2 } } }");

        assertEquals(List.of("ec_logger \"ec_logger\""),
            conf.otherStanzas().stream().map(ConfStanza::describe).toList());
        assertEquals(List.of("Host \"mx.d.test\""), conf.global().binding("b").orElseThrow().domain("d.test")
            .orElseThrow().otherStanzas().stream().map(ConfStanza::describe).toList());
    }

    @Test
    void from_invalidRegexDomain_namesItsLine() {
        final ConfException error = assertThrows(ConfException.class,
            () -> Fixtures.confOf("Retry_Interval = 60\nDomain \"/(unclosed/\" { }"));

        assertEquals(new SourceLocation("ecelerity.conf", 2), error.location());
    }

    @Test
    void from_bindingInTwoGroups_namesBothDeclarations() {
        final ConfException error = assertThrows(ConfException.class,
            () -> Fixtures.confOf("Binding_Group \"a\" { Binding \"x\" { } }\n"
                + "Binding_Group \"b\" { Binding \"x\" { } }"));

        assertEquals("ecelerity.conf:2: expected Binding \"x\" in one binding group only, but it is already in "
            + "Binding_Group \"a\" at ecelerity.conf:1", error.getMessage());
    }

    @Test
    void from_domainWithoutName_saysNameExpected() {
        final ConfException error = assertThrows(ConfException.class, () -> Fixtures.confOf("\nDomain { }"));

        assertEquals("ecelerity.conf:2: expected a name after 'Domain'", error.getMessage());
    }
}
