package dev.cutover.sim.momentum.conf;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HostStanzasTest {

    @Test
    void of_hostOptionsTheModelDoesNotApply_namedWithWhereTheyAre() {
        final EcelerityConf conf = Fixtures.confOf("Max_Outbound_Connections = 20\n"
                + "Host \"gmail-smtp-in.l.google.com\" {\n  Max_Outbound_Connections = 2\n"
                + "  Scope_Max_Outbound_Connections = 5\n  Rollup_MX = true\n}\n"
                + "Binding \"b1\" {\n  Host \"mta5.am0.yahoodns.net\" {\n    max_outbound_connections = 3\n  }\n}\n"
                + "Binding_Group \"g\" {\n  Host \"mx.example\" {\n    max_outbound_connections = 3\n  }\n}\n"
                + "Host \"/^mx[0-9]\\.example$/\" {\n  max_outbound_connections = 4\n}\n"
                + "Host \"empty.example\" {\n}\n");

        assertEquals(List.of("Host \"gmail-smtp-in.l.google.com\" at ecelerity.conf:2 sets rollup_mx, which the "
                        + "model does not apply, so Momentum's doing so is not in its results",
                "Host \"mx.example\" at ecelerity.conf:13 sets max_outbound_connections, which the model does not "
                        + "apply in a Binding_Group stanza, so Momentum's doing so is not in its results",
                "Host \"/^mx[0-9]\\.example$/\" at ecelerity.conf:17 sets max_outbound_connections, which the model "
                        + "does not apply to a host named by a regular expression, so Momentum's doing so is not in "
                        + "its results"),
                HostStanzas.of(conf));
    }

    @Test
    void of_onlyHostCapsTheModelApplies_nothing() {
        assertEquals(List.of(), HostStanzas.of(Fixtures.confOf("Host \"mx.example\" {\n"
                + "  max_outbound_connections = 2\n  scope_max_outbound_connections = 4\n}\n")));
    }
}
