package dev.cutover.sim.momentum;

import dev.cutover.ingest.MessageRecord;
import dev.cutover.sim.Destinations;
import dev.cutover.sim.DomainSnapshot;
import dev.cutover.sim.ReceiverParameters;
import dev.cutover.sim.Traffic;
import dev.cutover.sim.momentum.conf.ConfException;
import dev.cutover.sim.momentum.conf.ConfParser;
import dev.cutover.sim.momentum.conf.EcelerityConf;
import dev.cutover.sim.momentum.conf.FallbackOrder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.cutover.sim.Traffic.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connection limits per MX host from Host stanzas ({@link HostCaps}), with the MX hosts best first. */
class MomentumHostCapsTest {
    private static final ReceiverParameters SINK = new ReceiverParameters(10_000, 100_000);
    private static final Map<String, List<String>> MX = Map.of(
            "gmail.com", List.of("mx1.gmail.test", "mx2.gmail.test"),
            "yahoo.com", List.of("mx.yahoo.test"));

    private static MomentumModel model(String conf) {
        final EcelerityConf parsed = EcelerityConf.from(new ConfParser().parse(conf, Path.of("ecelerity.conf")));
        return new MomentumModel(new ConfShaping(parsed, FallbackOrder.DOCUMENTATION), MomentumParameters.defaults(),
                SINK, Destinations.of(d -> d, d -> MX.getOrDefault(d, List.of(d))));
    }

    private static List<MessageRecord> burst(String domain, String... bindings) {
        final List<MessageRecord> messages = new ArrayList<>();
        for (String binding : bindings) {
            messages.addAll(Traffic.burst(1000, domain, binding, T0));
        }
        return messages;
    }

    @Test
    void maxOutboundConnections_inAGlobalHostStanza_capsEachBindingsConnectionsToThatMx() {
        final MomentumModel model = model("Max_Outbound_Connections = 10\n"
                + "Host \"MX.yahoo.test\" {\n  max_outbound_connections = 2\n}\n");

        final DomainSnapshot result = Traffic.replay(model, burst("yahoo.com", "b1", "b2"), "yahoo.com");

        assertEquals(4L, result.peakConnections(), "2 per binding to the one MX, where the domain allows 10");
        assertEquals(2000, result.delivered());
        assertTrue(model.metrics().governing("yahoo.com", "connections").contains("the best MX host with room "
                + "takes each new connection, under the caps of its Host stanza: mx.yahoo.test 2 per binding "
                + "[ecelerity.conf:3 Host \"MX.yahoo.test\"]"), model.metrics().governing("yahoo.com", "connections"));
    }

    @Test
    void maxOutboundConnections_bestMxFull_newConnectionsGoToTheNext() {
        final MomentumModel model = model("Max_Outbound_Connections = 10\n"
                + "Host \"mx1.gmail.test\" {\n  max_outbound_connections = 2\n}\n"
                + "Host \"mx2.gmail.test\" {\n  max_outbound_connections = 3\n}\n");

        final DomainSnapshot result = Traffic.replay(model, burst("gmail.com", "b1"), "gmail.com");

        assertEquals(5L, result.peakConnections(), "2 to the best MX, then 3 to the next");
    }

    @Test
    void maxOutboundConnections_onlyALaterMxCapped_theBestTakesAllConnections() {
        final MomentumModel model = model("Max_Outbound_Connections = 10\n"
                + "Host \"mx2.gmail.test\" {\n  max_outbound_connections = 1\n}\n");

        final DomainSnapshot result = Traffic.replay(model, burst("gmail.com", "b1"), "gmail.com");

        assertEquals(10L, result.peakConnections(), "never a worse MX while a better one has room");
    }

    @Test
    void maxOutboundConnections_inABindingsHostStanza_winsOverTheGlobalHostForThatBinding() {
        final MomentumModel model = model("Max_Outbound_Connections = 10\n"
                + "Host \"mx.yahoo.test\" {\n  max_outbound_connections = 3\n}\n"
                + "Binding \"b1\" {\n  Host \"mx.yahoo.test\" {\n    max_outbound_connections = 1\n  }\n}\n");

        final DomainSnapshot result = Traffic.replay(model, burst("yahoo.com", "b1", "b2"), "yahoo.com");

        assertEquals(4L, result.peakConnections(), "1 for b1, 3 for b2");
    }

    @Test
    void scopeMaxOutboundConnections_inAGlobalHostStanzaNamedWithAFinalDot_capsAllBindingsTogether() {
        final MomentumModel model = model("Max_Outbound_Connections = 10\n"
                + "Host \"mx.yahoo.test.\" {\n  scope_max_outbound_connections = 3\n}\n");

        final DomainSnapshot result = Traffic.replay(model, burst("yahoo.com", "b1", "b2"), "yahoo.com");

        assertEquals(3L, result.peakConnections());
        assertEquals(2000, result.delivered());
    }

    @Test
    void maxOutboundConnections_minusOne_isNoLimit() {
        final MomentumModel model = model("Max_Outbound_Connections = 6\n"
                + "Host \"mx.yahoo.test\" {\n  max_outbound_connections = -1\n}\n");

        final DomainSnapshot result = Traffic.replay(model, burst("yahoo.com", "b1"), "yahoo.com");

        assertEquals(6L, result.peakConnections());
    }

    @Test
    void hostCap_notAWholeNumber_stopsTheLoadNamingFileAndLine() {
        final ConfException thrown = assertThrows(ConfException.class, () -> model("Host \"mx.yahoo.test\" {\n"
                + "  max_outbound_connections = \"lots\"\n}\n"));

        assertTrue(thrown.getMessage().contains("ecelerity.conf:2"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("expected a whole number of connections up to 999999999, or -1 for "
                + "no limit, for max_outbound_connections"), thrown.getMessage());
    }
}
