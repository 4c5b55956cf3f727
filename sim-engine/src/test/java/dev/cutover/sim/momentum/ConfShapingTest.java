package dev.cutover.sim.momentum;

import dev.cutover.sim.momentum.conf.ConfException;
import dev.cutover.sim.momentum.conf.ConfParser;
import dev.cutover.sim.momentum.conf.EcelerityConf;
import dev.cutover.sim.momentum.conf.FallbackOrder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void adaptive_enabledInADomain_readsItsBoundsThere() {
        final QueueSettings s = settings("adaptive_max_outbound_connections = ( 10 100 )\n"
                + "Domain \"x.test\" {\n  adaptive_enabled = true\n"
                + "  adaptive_outbound_throttle_messages = ( 1000, 50000 )\n}\n", "b1");

        assertEquals(10, s.adaptive().connections().low());
        assertEquals(100, s.adaptive().connections().high());
        assertEquals(50_000, s.adaptive().throttlePerHour().high());
        assertEquals(null, s.adaptive().deliveries());
        assertTrue(s.adaptive().enabledAt().startsWith("ecelerity.conf:3"), s.adaptive().enabledAt());
    }

    @Test
    void adaptive_notEnabled_isNull() {
        assertEquals(null, settings("adaptive_max_outbound_connections = ( 10 100 )\n", "b1").adaptive());
    }

    @Test
    void adaptive_boundsNotALowHighPair_namesLineAndForm() {
        final ConfException e = assertThrows(ConfException.class, () -> settings(
                "adaptive_enabled = true\nadaptive_max_outbound_connections = ( 100 10 )\n", "b1"));

        assertTrue(e.getMessage().contains("ecelerity.conf:2"), e.getMessage());
        assertTrue(e.getMessage().contains("two whole numbers in parentheses, low then high"), e.getMessage());
    }

    @Test
    void adaptiveModule_timersFromItsStanza() {
        final EcelerityConf parsed = EcelerityConf.from(new ConfParser().parse("adaptive {\n"
                + "  adaptive_adjustment_interval = 120\n  suspend_sweep_interval = 30\n}\n",
                Path.of("ecelerity.conf")));

        final AdaptiveModule module = new ConfShaping(parsed, FallbackOrder.DOCUMENTATION).adaptiveModule();

        assertEquals(new AdaptiveModule(120, 3600, 30, 4096, 3600, 2000,
                "adaptive stanza at ecelerity.conf:1"), module);
    }

    @Test
    void suspendDelivery_trueInTheBinding_isNamed() {
        final QueueSettings s = settings("Binding_Group \"g\" {\n  Binding \"b1\" {\n"
                + "    Suspend_Delivery = true\n  }\n}\n", "b1");

        assertTrue(s.deliverySuspended());
        assertTrue(s.suspendDeliveryAt().startsWith("ecelerity.conf:3"), s.suspendDeliveryAt());
        assertEquals(false, settings("", "b1").deliverySuspended());
    }

    @Test
    void adaptive_boundsOfWords_showsTheListAsWritten() {
        final ConfException e = assertThrows(ConfException.class, () -> settings(
                "adaptive_enabled = true\nadaptive_max_outbound_connections = ( \"a\" \"b\" )\n", "b1"));

        assertTrue(e.getMessage().endsWith("but found ( \"a\" \"b\" )"), e.getMessage());
    }
}
