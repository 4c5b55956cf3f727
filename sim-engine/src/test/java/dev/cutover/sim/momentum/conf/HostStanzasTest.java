package dev.cutover.sim.momentum.conf;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HostStanzasTest {

    @Test
    void of_hostStanzasThatSetOptions_namedWithWhereTheyAreAndWhatTheySet() {
        final EcelerityConf conf = Fixtures.confOf("Max_Outbound_Connections = 20\n"
                + "Host \"gmail-smtp-in.l.google.com\" {\n  Max_Outbound_Connections = 2\n"
                + "  Scope_Max_Outbound_Connections = 5\n}\n"
                + "Binding \"b1\" {\n  Host \"mta5.am0.yahoodns.net\" {\n    max_outbound_connections = 3\n  }\n}\n"
                + "Host \"empty.example\" {\n}\n");

        assertEquals(List.of("Host \"gmail-smtp-in.l.google.com\" at ecelerity.conf:2 sets max_outbound_connections, "
                + "scope_max_outbound_connections, which the model does not apply: it resolves options per binding and "
                + "domain, so Momentum's limits on the connections to that MX are not in its results",
                "Host \"mta5.am0.yahoodns.net\" at ecelerity.conf:7 sets max_outbound_connections, which the model "
                + "does not apply: it resolves options per binding and domain, so Momentum's limits on the "
                + "connections to that MX are not in its results"), HostStanzas.of(conf));
    }

    @Test
    void of_noHostStanza_nothing() {
        assertEquals(List.of(), HostStanzas.of(Fixtures.confOf("Domain \"gmail.com\" {\n  idle_timeout = 5\n}\n")));
    }
}
