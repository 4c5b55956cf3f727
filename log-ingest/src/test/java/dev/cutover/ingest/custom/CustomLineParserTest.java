package dev.cutover.ingest.custom;

import dev.cutover.ingest.AttemptKind;
import dev.cutover.ingest.ParsedLine.AttemptLine;
import dev.cutover.ingest.ParsedLine.Reception;
import dev.cutover.ingest.RejectReason;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CustomLineParserTest {
    static final String DELIVERY_FORMAT = "%t,%i,%BI,%CI,%g,%b,%r,%R,%d,%H,%N,%T{3},%n";
    static final String FAILURE_FORMAT = "%t,%i,%BI,%CI,%g,%b,%r,%R,%d,%H,%N,%T{3},%S,%n";

    private final CustomLineParser delivery = parser(DELIVERY_FORMAT, CustomLogStage.DELIVERY);
    private final CustomLineParser tempfail = parser(FAILURE_FORMAT, CustomLogStage.TRANSIENT_FAILURE);

    private static CustomLineParser parser(String format, CustomLogStage stage) {
        return new CustomLineParser(CustomLogFormat.parse(format), stage);
    }

    @Test
    void parse_deliveryLine_givesAttemptAndImpliedReception() {
        final CustomLine line = delivery.parse("1717430403,A1,B1,C5,retail,retail-ip-03,alice,Example.NET,"
                + "mx.example.net,203.0.113.25,0,3.180,250 2.0.0 OK");

        final Reception reception = line.reception();
        final AttemptLine attempt = line.attempt();
        assertNull(line.rejected());
        assertEquals(1_717_430_399_820_000L, reception.timeMicros());
        assertEquals("example.net", reception.recipientDomain());
        assertEquals("retail-ip-03", reception.binding());
        assertEquals(new AttemptLine(1_717_430_403_000_000L, AttemptKind.D, "A1", "B1", "C5", "mx.example.net", 0,
                "retail", "retail-ip-03", -1, 0, 3.18, "203.0.113.25", 250, ""), attempt);
    }

    @Test
    void parse_quotedResponseHoldingDelimiter_isOneField() {
        final CustomLine line = tempfail.parse("1717430404,A2,A2,C6,retail,ip-04,bob,example.org,example.org,"
                + "198.51.100.7,0,2.710,4,\"421 4.7.0 deferred, try later\"");

        assertEquals("421 4.7.0 deferred, try later", line.attempt().responseText());
        assertEquals(421, line.attempt().responseCode());
        assertEquals(4, line.attempt().stage());
        assertEquals(AttemptKind.T, line.attempt().kind());
    }

    @Test
    void parse_unquotedResponseHoldingDelimiter_lastFieldTakesTheRest() {
        final CustomLine line = tempfail.parse("1717430404,A2,A2,C6,retail,ip-04,bob,example.org,example.org,"
                + ",1,2.710,0,451 no, not, now");

        assertEquals("451 no, not, now", line.attempt().responseText());
        assertEquals("", line.attempt().remoteIp());
        assertEquals(1, line.attempt().retryCount());
    }

    @Test
    void parse_routingDomainOnly_servesAsRecipientDomain() {
        final CustomLineParser parser = parser("%t;%i;%d;%T", CustomLogStage.PERMANENT_FAILURE);

        final CustomLine line = parser.parse("1717430405;A3;Example.com;4");

        assertEquals("example.com", line.reception().recipientDomain());
        assertEquals("example.com", line.attempt().domain());
    }

    @Test
    void parse_mixedSeparatorsAndSubseconds_readsEachField() {
        final CustomLineParser parser = parser("%t.%us{3} [%i] %R %T{2}: %n", CustomLogStage.PERMANENT_FAILURE);

        final CustomLine line = parser.parse("1717430405.250 [A3] example.net 1.25: 550 5.1.1 unknown: user");

        assertEquals(1_717_430_405_250_000L, line.attempt().timeMicros());
        assertEquals(1_717_430_404_000_000L, line.reception().timeMicros());
        assertEquals("550 5.1.1 unknown: user", line.attempt().responseText());
    }

    @Test
    void parse_badLines_areRejectedWithReasons() {
        assertEquals(RejectReason.EMPTY_LINE, delivery.parse("").rejected());
        assertEquals(RejectReason.TOO_FEW_FIELDS, delivery.parse("1717430403,A1,B1").rejected());
        assertEquals(RejectReason.BAD_TIMESTAMP, delivery.parse("17174304,A1,,,g,b,r,d.com,d.com,,0,1,250")
                .rejected());
        assertEquals(RejectReason.MISSING_MESSAGE_ID, delivery.parse("1717430403,,,,g,b,r,d.com,d.com,,0,1,250")
                .rejected());
        assertEquals(RejectReason.BAD_NUMBER, delivery.parse("1717430403,A1,,,g,b,r,d.com,d.com,,x,1,250")
                .rejected());
        assertEquals(RejectReason.BAD_NUMBER, delivery.parse("1717430403,A1,,,g,b,r,d.com,d.com,,0,-1,250")
                .rejected());
        assertEquals(RejectReason.BAD_CUSTOM_FIELD, delivery.parse("1717430403,A1,,,g,b,r,,,,0,1,250")
                .rejected());
        assertEquals(RejectReason.BAD_CUSTOM_FIELD, delivery.parse("1717430403,A1,,,g,b,r,d.com,d.com,,0,1,\"250")
                .rejected());
        assertEquals(RejectReason.BAD_DOMAIN, delivery.parse("1717430403,A1,,,g,b,r,d .com,d.com,,0,1,250")
                .rejected());
    }
}
