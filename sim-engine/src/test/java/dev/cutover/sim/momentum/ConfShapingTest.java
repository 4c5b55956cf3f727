package dev.cutover.sim.momentum;

import dev.cutover.sim.momentum.conf.ConfParser;
import dev.cutover.sim.momentum.conf.EcelerityConf;
import dev.cutover.sim.momentum.conf.FallbackOrder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ConfShapingTest {

    private static QueueSettings settings(String conf, String binding) {
        final EcelerityConf parsed = EcelerityConf.from(new ConfParser().parse(conf, Path.of("ecelerity.conf")));
        return new ConfShaping(parsed, FallbackOrder.DOCUMENTATION).settings("g", binding, "x.test");
    }

    @Test
    void serverCap_setGlobally_hasTheReserveOnTopAndIsOneForTheServer() {
        final String conf = "Server_Max_Outbound_Connections = 500\nServer_Reserve_Outbound_Connections = 50\n";

        final QueueSettings one = settings(conf, "b1");
        final QueueSettings two = settings(conf, "b2");

        assertEquals(550, one.serverCap().limit());
        assertEquals(one.serverCap().key(), two.serverCap().key());
    }

    @Test
    void serverCap_setInABinding_capsThatBindingWithoutTheReserve() {
        final String conf = "Binding_Group \"g\" {\n  Binding \"b1\" {\n    Server_Max_Outbound_Connections = 40\n"
                + "  }\n  Binding \"b2\" {\n  }\n}\n";

        final QueueSettings one = settings(conf, "b1");
        final QueueSettings two = settings(conf, "b2");

        assertEquals(40, one.serverCap().limit());
        assertEquals(75_200, two.serverCap().limit(), "the built-in 75,000 plus the default reserve of 200");
        assertNotEquals(one.serverCap().key(), two.serverCap().key());
    }

    @Test
    void connectionThrottle_resolvedBesideTheMessageThrottleOfTheSameStanza() {
        final QueueSettings s = settings("Outbound_Throttle_Messages = \"600/60\"\n"
                + "Outbound_Throttle_Connections = \"10/60\"\n", "b1");

        assertEquals(10, s.connectionThrottle().count());
        assertEquals(600, s.messageThrottle().count());
    }
}
