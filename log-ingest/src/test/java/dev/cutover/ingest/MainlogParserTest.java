package dev.cutover.ingest;

import dev.cutover.ingest.ParsedLine.AttemptLine;
import dev.cutover.ingest.ParsedLine.Heartbeat;
import dev.cutover.ingest.ParsedLine.Reception;
import dev.cutover.ingest.ParsedLine.Rejected;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class MainlogParserTest {
    private static final String HEAD = "1717430400@A5/00-23311-4E7C21F9@A5/00-23311-4E7C21F9@3C/00-23311-7E0C21F9@";
    private static final String R_TAIL = "@192.0.2.15@1000@esmtp@retail@retail-ip-03";

    private final MainlogParser parser = new MainlogParser();
    private final List<String> example = exampleLines();

    @Test
    void parse_exampleReception_allFourteenFields() {
        final Reception r = assertInstanceOf(Reception.class, parser.parse(example.get(0)));

        assertEquals(new Reception(1_717_430_400_000_000L, "A1/00-23311-0B7C21F9", "A1/00-23311-0B7C21F9",
                "3C/00-23311-7E0C21F9", "alice.smith", "example.net", "bounce-7731", "news.example.com",
                "192.0.2.15", 48211, "esmtp", "retail", "retail-ip-03"), r);
    }

    @Test
    void forJoin_exampleReception_keepsWhatTheJoinStoresAndEmptiesTheRest() {
        final Reception r = assertInstanceOf(Reception.class, MainlogParser.forJoin().parse(example.get(0)));

        assertEquals(new Reception(1_717_430_400_000_000L, "A1/00-23311-0B7C21F9", "", "", "", "example.net", "",
                "news.example.com", "", 48211, "esmtp", "retail", "retail-ip-03"), r);
    }

    @Test
    void forJoin_everyExampleLine_sameAsFullParserBarBatchAndInboundFields() {
        final MainlogParser lean = MainlogParser.forJoin();
        for (String line : example) {
            final ParsedLine full = parser.parse(line);
            final ParsedLine kept = lean.parse(line);
            if (full instanceof AttemptLine a) {
                final AttemptLine k = assertInstanceOf(AttemptLine.class, kept);
                assertEquals("", k.batchId());
                assertEquals(new AttemptLine(a.timeMicros(), a.kind(), a.messageId(), "", a.connectionId(),
                        a.domain(), a.bytes(), a.bindingGroup(), a.binding(), a.stage(), a.retryCount(),
                        a.queueSeconds(), a.remoteIp(), a.responseCode(), a.responseText()), k, line);
            } else if (full instanceof Reception f) {
                final Reception k = assertInstanceOf(Reception.class, kept);
                assertEquals(List.of(f.timeMicros(), f.messageId(), f.recipientDomain(), f.senderDomain(),
                        f.sizeBytes(), f.bindingGroup(), f.binding()), List.of(k.timeMicros(), k.messageId(),
                        k.recipientDomain(), k.senderDomain(), k.sizeBytes(), k.bindingGroup(), k.binding()), line);
            } else {
                assertEquals(full, kept, line);
            }
        }
    }

    @Test
    void parse_exampleRestReception_peerUnknown() {
        final Reception r = assertInstanceOf(Reception.class, parser.parse(example.get(1)));

        assertEquals("unknown", r.peerIp());
        assertEquals("rest", r.protocol());
        assertEquals("example.org", r.recipientDomain());
        assertEquals(48190, r.sizeBytes());
    }

    @Test
    void parse_exampleDelivery_code250AndNoStage() {
        final AttemptLine d = assertInstanceOf(AttemptLine.class, parser.parse(example.get(2)));

        assertEquals(new AttemptLine(1_717_430_403_000_000L, AttemptKind.D, "A1/00-23311-0B7C21F9",
                "A1/00-23311-0B7C21F9", "5D/00-23311-91E221F9", "example.net", 48874, "retail", "retail-ip-03",
                -1, 0, 3.18, "203.0.113.25", 250, ""), d);
    }

    @Test
    void parse_exampleTransient_codeFromText() {
        final AttemptLine t = assertInstanceOf(AttemptLine.class, parser.parse(example.get(3)));

        assertEquals(AttemptKind.T, t.kind());
        assertEquals(143, t.bytes());
        assertEquals(4, t.stage());
        assertEquals(0, t.retryCount());
        assertEquals(2.71, t.queueSeconds());
        assertEquals("198.51.100.7", t.remoteIp());
        assertEquals(421, t.responseCode());
        assertEquals("421 4.7.0 [GL01] Message from 192.0.2.44 temporarily deferred", t.responseText());
    }

    @Test
    void parse_transientWithEmptyIp_ipEmpty() {
        final AttemptLine t = assertInstanceOf(AttemptLine.class, parser.parse(example.get(4)));

        assertEquals("", t.remoteIp());
        assertEquals(1, t.retryCount());
        assertEquals(1203.40, t.queueSeconds());
        assertEquals("421 4.4.0 [internal] no MXs for this domain could be reached at this time", t.responseText());
    }

    @Test
    void parse_permanentWithAtInText_textKeptWhole() {
        final AttemptLine p = assertInstanceOf(AttemptLine.class, parser.parse(example.get(6)));

        assertEquals(AttemptKind.P, p.kind());
        assertEquals(550, p.responseCode());
        assertEquals("550 5.1.1 <carol@example.net>: Recipient address rejected: User unknown", p.responseText());
        assertEquals(Outcome.PERMANENT, p.toAttempt().outcome());
    }

    @Test
    void parse_expiryPermanent_queueSecondsAndCode() {
        final AttemptLine p = assertInstanceOf(AttemptLine.class, parser.parse(example.get(7)));

        assertEquals(604810.55, p.queueSeconds());
        assertEquals(0, p.stage());
        assertEquals(8, p.retryCount());
        assertEquals(554, p.responseCode());
    }

    @Test
    void parse_exampleHeartbeat_heartbeatM() {
        assertEquals(new Heartbeat(1_717_430_460_000_000L, "M"), parser.parse(example.get(8)));
    }

    @Test
    void parse_heartbeatM1_heartbeatM1() {
        assertEquals(new Heartbeat(1_251_470_342_000_000L, "M1"), parser.parse("1251470342@@@@M1"));
    }

    @Test
    void parse_heartbeatWithIds_badHeartbeat() {
        assertEquals(new Rejected(RejectReason.BAD_HEARTBEAT), parser.parse("1251470342@x@@@M"));
    }

    @Test
    void parse_sixteenDigitTimestamp_microsKept() {
        final String line = example.get(2).replaceFirst("^1717430403", "1717430403123456");

        final AttemptLine d = assertInstanceOf(AttemptLine.class, parser.parse(line));

        assertEquals(1_717_430_403_123_456L, d.timeMicros());
    }

    @Test
    void parse_quotedRecipientLocalpartWithAt_rejoinedAndDomainLowered() {
        final String line = HEAD + "R@\"john@home\"@Example.NET@bounce-7731@news.example.com" + R_TAIL;

        final Reception r = assertInstanceOf(Reception.class, parser.parse(line));

        assertEquals("\"john@home\"", r.recipientLocalpart());
        assertEquals("example.net", r.recipientDomain());
        assertEquals("bounce-7731", r.senderLocalpart());
        assertEquals("retail-ip-03", r.binding());
    }

    @Test
    void parse_quotedSenderLocalpartWithAt_rejoined() {
        final String line = HEAD + "R@bob@example.org@\"b@x\"@news.example.com" + R_TAIL;

        final Reception r = assertInstanceOf(Reception.class, parser.parse(line));

        assertEquals("bob", r.recipientLocalpart());
        assertEquals("example.org", r.recipientDomain());
        assertEquals("\"b@x\"", r.senderLocalpart());
        assertEquals("news.example.com", r.senderDomain());
    }

    @Test
    void parse_unquotedRecipientLocalpartWithAt_domainIsTokenBeforeSender() {
        final String line = HEAD + "R@john@home@example.net@bounce-7731@news.example.com" + R_TAIL;

        final Reception r = assertInstanceOf(Reception.class, parser.parse(line));

        assertEquals("john@home", r.recipientLocalpart());
        assertEquals("example.net", r.recipientDomain());
        assertEquals("bounce-7731", r.senderLocalpart());
    }

    @Test
    void parse_unquotedAtInRecipientAndQuotedAtInSender_extraAtJoinsRecipientLocalpart() {
        final String line = "1717430400@A1@B1@C1@R@john@home@example.net@\"b@x\"@news@1.2.3.4@10@esmtp@g@b";

        final Reception r = assertInstanceOf(Reception.class, parser.parse(line));

        assertEquals(new Reception(1_717_430_400_000_000L, "A1", "B1", "C1", "john@home", "example.net",
                "\"b@x\"", "news", "1.2.3.4", 10, "esmtp", "g", "b"), r);
    }

    @Test
    void parse_quotedRecipientAndQuotedSenderBothWithAt_bothRejoined() {
        final String line = HEAD + "R@\"john@home\"@example.net@\"b@x@y\"@News.Example.com" + R_TAIL;

        final Reception r = assertInstanceOf(Reception.class, parser.parse(line));

        assertEquals("\"john@home\"", r.recipientLocalpart());
        assertEquals("example.net", r.recipientDomain());
        assertEquals("\"b@x@y\"", r.senderLocalpart());
        assertEquals("news.example.com", r.senderDomain());
        assertEquals("192.0.2.15", r.peerIp());
    }

    @Test
    void parse_quotedRecipientAndUnquotedAtInSender_extraAtJoinsSenderLocalpart() {
        final String line = HEAD + "R@\"bob\"@example.org@bounce@7731@news.example.com" + R_TAIL;

        final Reception r = assertInstanceOf(Reception.class, parser.parse(line));

        assertEquals("\"bob\"", r.recipientLocalpart());
        assertEquals("example.org", r.recipientDomain());
        assertEquals("bounce@7731", r.senderLocalpart());
        assertEquals("news.example.com", r.senderDomain());
    }

    @Test
    void parse_quotedAtInRecipientAndUnquotedAtInSender_extraAtJoinsSenderLocalpart() {
        final String line = HEAD + "R@\"john@home\"@example.net@bounce@7731@news.example.com" + R_TAIL;

        final Reception r = assertInstanceOf(Reception.class, parser.parse(line));

        assertEquals("\"john@home\"", r.recipientLocalpart());
        assertEquals("example.net", r.recipientDomain());
        assertEquals("bounce@7731", r.senderLocalpart());
        assertEquals("news.example.com", r.senderDomain());
    }

    /** The documented caveat: with no quotes on either localpart the extra {@code @} is given to the recipient. */
    @Test
    void parse_unquotedAtInSenderAndNoQuotes_extraAtJoinsRecipientLocalpart() {
        final String line = HEAD + "R@bob@example.org@bounce@7731@news.example.com" + R_TAIL;

        final Reception r = assertInstanceOf(Reception.class, parser.parse(line));

        assertEquals("bob@example.org", r.recipientLocalpart());
        assertEquals("bounce", r.recipientDomain());
        assertEquals("7731", r.senderLocalpart());
        assertEquals("news.example.com", r.senderDomain());
    }

    @Test
    void parse_quotedRecipientWithEscapedQuoteAndAt_runEndsAtUnescapedQuote() {
        final String line = HEAD + "R@\"a\\\"@b\"@example.net@bounce-7731@news.example.com" + R_TAIL;

        final Reception r = assertInstanceOf(Reception.class, parser.parse(line));

        assertEquals("\"a\\\"@b\"", r.recipientLocalpart());
        assertEquals("example.net", r.recipientDomain());
        assertEquals("bounce-7731", r.senderLocalpart());
    }

    @Test
    void parse_recipientQuoteNeverClosed_quoteReadAsOrdinaryCharacter() {
        final String line = HEAD + "R@\"john@home@example.net@bounce-7731@news.example.com" + R_TAIL;

        final Reception r = assertInstanceOf(Reception.class, parser.parse(line));

        assertEquals("\"john@home", r.recipientLocalpart());
        assertEquals("example.net", r.recipientDomain());
        assertEquals("bounce-7731", r.senderLocalpart());
        assertEquals("news.example.com", r.senderDomain());
    }

    @Test
    void parse_deliveryWithoutIpField_ipEmpty() {
        final String line = "1717430403@A1@A1@C1@D@example.net@48874@retail@retail-ip-03@0@3.18";

        final AttemptLine d = assertInstanceOf(AttemptLine.class, parser.parse(line));

        assertEquals("", d.remoteIp());
    }

    @Test
    void parse_transferLine_kindXCodeZero() {
        final AttemptLine x = assertInstanceOf(AttemptLine.class,
                parser.parse("1717430403@A1@A1@C1@X@Example.net@48874@retail@retail-ip-03@0@3.18@192.0.2.9"));

        assertEquals(AttemptKind.X, x.kind());
        assertEquals(0, x.responseCode());
        assertEquals("example.net", x.domain());
    }

    @Test
    void parse_failureTextWithoutCode_codeZero() {
        final AttemptLine t = assertInstanceOf(AttemptLine.class,
                parser.parse("1717430403@A1@A1@C1@T@example.net@0@g@b@0@0@1.00@@connection refused"));

        assertEquals(0, t.responseCode());
    }

    @Test
    void parse_carriageReturnAtEnd_ignored() {
        final AttemptLine d = assertInstanceOf(AttemptLine.class, parser.parse(example.get(2) + "\r"));

        assertEquals("203.0.113.25", d.remoteIp());
    }

    @Test
    void parse_byteOrderMarkBeforeTheFirstLine_ignored() {
        final AttemptLine d = assertInstanceOf(AttemptLine.class, parser.parse("\uFEFF" + example.get(2) + "\r"));
        final ParsedLine r = parser.parse("\uFEFF" + example.get(0));

        assertEquals("203.0.113.25", d.remoteIp());
        assertEquals(parser.parse(example.get(0)), r);
    }

    @Test
    void parse_unknownRecordType_unknownRecordType() {
        assertEquals(new Rejected(RejectReason.UNKNOWN_RECORD_TYPE), parser.parse("1717430400@A1@A1@C1@Z@x@y"));
    }

    @Test
    void parse_version2TransferLine_unsupportedLayout() {
        assertEquals(new Rejected(RejectReason.UNSUPPORTED_LAYOUT),
                parser.parse("1191248269@A1@X@example.net@100@g@b@0@1.00@192.0.2.1"));
    }

    @Test
    void parse_truncatedDelivery_tooFewFields() {
        assertEquals(new Rejected(RejectReason.TOO_FEW_FIELDS),
                parser.parse(example.get(2).substring(0, 100)));
    }

    @Test
    void parse_truncatedHead_tooFewFields() {
        assertEquals(new Rejected(RejectReason.TOO_FEW_FIELDS), parser.parse("1717430400@A1/00-23"));
    }

    @Test
    void parse_deliveryWithExtraField_tooManyFields() {
        assertEquals(new Rejected(RejectReason.TOO_MANY_FIELDS), parser.parse(example.get(2) + "@extra"));
    }

    @Test
    void parse_nineDigitTimestamp_badTimestamp() {
        assertEquals(new Rejected(RejectReason.BAD_TIMESTAMP), parser.parse(example.get(2).substring(1)));
    }

    @Test
    void parse_exponentQueueTime_badNumber() {
        assertEquals(new Rejected(RejectReason.BAD_NUMBER),
                parser.parse("1717430403@A1@A1@C1@D@example.net@48874@retail@retail-ip-03@0@1e5@192.0.2.9"));
    }

    @Test
    void parse_missingMessageId_missingMessageId() {
        assertEquals(new Rejected(RejectReason.MISSING_MESSAGE_ID),
                parser.parse("1717430403@@A1@C1@D@example.net@48874@retail@retail-ip-03@0@3.18@192.0.2.9"));
    }

    @Test
    void parse_emptyOrNull_emptyLine() {
        assertEquals(new Rejected(RejectReason.EMPTY_LINE), parser.parse(""));
        assertEquals(new Rejected(RejectReason.EMPTY_LINE), parser.parse(null));
    }

    @Test
    void parse_lineWithNul_binaryData() {
        assertEquals(new Rejected(RejectReason.BINARY_DATA), parser.parse("1717430400@\0@@@M"));
    }

    @Test
    void parse_tenMegabyteLine_lineTooLong() {
        final String huge = "1717430400@A1@A1@C1@T@example.net@0@g@b@0@0@1.00@@" + "x".repeat(10 << 20);

        assertEquals(new Rejected(RejectReason.LINE_TOO_LONG), parser.parse(huge));
    }

    @Test
    void parse_randomBytes_rejectedWithoutThrowing() {
        final Random random = new Random(42);
        int rejected = 0;

        for (int i = 0; i < 2_000; i++) {
            final byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            final ParsedLine parsed = parser.parse(new String(bytes, StandardCharsets.UTF_8));
            rejected += parsed instanceof Rejected ? 1 : 0;
        }

        assertEquals(2_000, rejected);
    }

    @Test
    void parse_randomMutationsOfValidLines_neverThrows() {
        final Random random = new Random(7);
        int parsed = 0;

        for (int i = 0; i < 5_000; i++) {
            final StringBuilder line = new StringBuilder(example.get(i % example.size()));
            line.setCharAt(random.nextInt(line.length()), "@0a.\"\r".charAt(random.nextInt(6)));
            parsed += parser.parse(line.toString()) != null ? 1 : 0;
        }

        assertEquals(5_000, parsed);
    }

    static List<String> exampleLines() {
        try (InputStream in = MainlogParserTest.class.getResourceAsStream("/mainlog/example-4x.ec")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
