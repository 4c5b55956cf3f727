package dev.cutover.sim.momentum.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MomentumSettingsTest {

    private static MomentumSettings settingsOf(String text) {
        return MomentumSettings.resolve(new OptionResolver(Fixtures.confOf(text)), "g", "b", "x.test");
    }

    private static ConfException failureOf(String text) {
        return assertThrows(ConfException.class, () -> settingsOf(text));
    }

    @Test
    void resolve_nothingSet_usesBuiltInDefaults() {
        final MomentumSettings settings = settingsOf("");

        assertEquals(new Setting<>(32, "built-in default"), settings.maxOutboundConnections());
        assertNull(settings.outboundThrottleMessages());
        assertNull(settings.outboundThrottleConnections());
        assertEquals(0, settings.maxDeliveriesPerConnection().value());
        assertEquals(1200L, settings.retryIntervalSeconds().value());
        assertEquals(43_200L, settings.maxRetryIntervalSeconds().value());
        assertEquals(86_400L, settings.messageExpirationSeconds().value());
        assertEquals(MaxRetries.AUTO, settings.maxRetries().value());
        assertEquals(5L, settings.idleTimeoutSeconds().value());
        assertEquals(ConnectionAllocationAggressiveness.NORMAL, settings.connectionAllocationAggressiveness().value());
        assertEquals(false, settings.suspendDelivery().value());
        assertEquals(50, settings.mxFailuresToDelay().value());
        assertEquals(900L, settings.connectTimeoutToDelaySeconds().value());
    }

    @Test
    void resolve_domainSweepOptions_fromTheDomainAndTheBinding() {
        final MomentumSettings settings = settingsOf("Domain \"x.test\" {\n  MX_Failures_To_Delay = 10\n}\n"
            + "Binding \"b\" {\n  Connect_Timeout_To_Delay = 300\n}\n");

        assertEquals(new Setting<>(10, "ecelerity.conf:2 Domain \"x.test\""), settings.mxFailuresToDelay());
        assertEquals(300L, settings.connectTimeoutToDelaySeconds().value());
    }

    @Test
    void resolve_connectionCaps_eachWithItsDefiningStanza() {
        final MomentumSettings none = settingsOf("");
        final MomentumSettings set = settingsOf("Server_Max_Outbound_Connections = 500\n"
                + "Binding_Group \"g\" {\n  Domain \"x.test\" {\n    Scope_Max_Outbound_Connections = 20\n  }\n}\n");

        assertNull(none.scopeMaxOutboundConnections());
        assertEquals(new SharedLimit(75_000, StanzaKey.BUILT_IN, "built-in default"),
                none.serverMaxOutboundConnections());
        assertEquals(200, none.serverReserveOutboundConnections().value());
        assertEquals(new SharedLimit(20, new StanzaKey("g", null, "x.test", false),
                "ecelerity.conf:4 Binding_Group \"g\" > Domain \"x.test\""), set.scopeMaxOutboundConnections());
        assertEquals(new SharedLimit(500, StanzaKey.GLOBAL, "ecelerity.conf:1 global"),
                set.serverMaxOutboundConnections());
    }

    @Test
    void resolve_minimalExample_typesEachValueWithItsLocation() {
        final OptionResolver resolver = new OptionResolver(Fixtures.minimalExample());
        final MomentumSettings settings = MomentumSettings.resolve(resolver, "retail", "retail-ip-04", "example.org");
        final MomentumThrottle throttle = settings.outboundThrottleMessages();

        assertEquals(4, settings.maxOutboundConnections().value());
        assertEquals(50, settings.maxDeliveriesPerConnection().value());
        assertEquals(new Setting<>(900L, "ecelerity.conf:3 global"), settings.retryIntervalSeconds());
        assertEquals(259_200L, settings.messageExpirationSeconds().value());
        assertEquals(1000, throttle.count());
        assertEquals(3600, throttle.periodSeconds());
        assertEquals(new StanzaKey("retail", null, "example.org", false), throttle.definingStanza());
        assertEquals("ecelerity.conf:14 Binding_Group \"retail\" > Domain \"example.org\"", throttle.location());
    }

    @Test
    void resolve_throttleWithoutPeriod_meansPerSecond() {
        final MomentumThrottle throttle = settingsOf("Outbound_Throttle_Connections = 25")
            .outboundThrottleConnections();

        assertEquals(new MomentumThrottle(25, 1, StanzaKey.GLOBAL, "ecelerity.conf:1 global"), throttle);
        assertEquals(25.0, throttle.ratePerSecond());
    }

    @Test
    void resolve_throttleZero_isUnlimited() {
        assertNull(settingsOf("Outbound_Throttle_Messages = \"0/60\"").outboundThrottleMessages());
    }

    @Test
    void resolve_quotedNumbersAndWordValues_areAccepted() {
        final MomentumSettings settings = settingsOf("Idle_Timeout = \"30\"\nMax_Retries = \"5\"\n"
            + "Suspend_Delivery = on\nConnection_Allocation_Aggressiveness = High\nMax_Outbound_Connections = \"12\"");

        assertEquals(30L, settings.idleTimeoutSeconds().value());
        assertEquals(MaxRetries.of(5), settings.maxRetries().value());
        assertEquals(true, settings.suspendDelivery().value());
        assertEquals(ConnectionAllocationAggressiveness.HIGH, settings.connectionAllocationAggressiveness().value());
        assertEquals(new Setting<>(12, "ecelerity.conf:5 global"), settings.maxOutboundConnections());
    }

    @Test
    void resolve_booleanWordsAndMaxRetriesNone_mapToValues() {
        assertEquals(false, settingsOf("suspend_delivery = \"disabled\"").suspendDelivery().value());
        assertEquals(true, settingsOf("suspend_delivery = yes").suspendDelivery().value());
        assertEquals(MaxRetries.NONE, settingsOf("max_retries = NONE").maxRetries().value());
    }

    @Test
    void resolve_mxFailuresToDelayInABinding_refusedAsOutOfItsScopes() {
        final ConfException error = failureOf("Binding \"b\" {\n  Mx_Failures_To_Delay = 3\n}");

        assertEquals("ecelerity.conf:2: mx_failures_to_delay is valid in the domain and global scopes only, but is set "
            + "in Binding \"b\"", error.getMessage());
    }

    @Test
    void resolve_durationOfCenturies_refusedBeforeItOverflows() {
        final ConfException error = failureOf("Connect_Timeout_To_Delay = 9300000000000");

        assertEquals("ecelerity.conf:1: expected a whole number of seconds up to 10000000000 for "
            + "connect_timeout_to_delay but found \"9300000000000\"", error.getMessage());
    }

    @Test
    void resolve_malformedNumber_namesFileAndLineOfTheValue() {
        final ConfException error = failureOf("Binding_Group \"g\" {\n  Retry_Interval = \"20m\"\n}");

        assertEquals("ecelerity.conf:2: expected a whole number of seconds for retry_interval but found \"20m\"",
            error.getMessage());
    }

    @Test
    void resolve_malformedThrottle_namesFileAndLineOfTheValue() {
        final ConfException error = failureOf("\n\nOutbound_Throttle_Messages = \"10 per minute\"");

        assertEquals("ecelerity.conf:3: expected \"N\" or \"N/S\" with whole numbers and S at least 1 for "
            + "outbound_throttle_messages but found \"10 per minute\"", error.getMessage());
    }

    @Test
    void resolve_throttlePeriodZero_isRejected() {
        assertEquals(new SourceLocation("ecelerity.conf", 1),
            failureOf("Outbound_Throttle_Messages = \"10/0\"").location());
    }

    @Test
    void resolve_listWhereSingleValueExpected_isRejected() {
        final ConfException error = failureOf("Max_Outbound_Connections = ( 10 100 )");

        assertEquals("ecelerity.conf:1: expected a single value for max_outbound_connections but found a list or "
            + "dictionary", error.getMessage());
    }

    @Test
    void resolve_unknownBooleanWord_isRejected() {
        final ConfException error = failureOf("Suspend_Delivery = maybe");

        assertEquals("ecelerity.conf:1: expected true or false (also on/off, yes/no, enabled/disabled) for "
            + "suspend_delivery but found \"maybe\"", error.getMessage());
    }
}
