package dev.cutover.ingest.bounce;

import dev.cutover.ingest.RejectReason;
import dev.cutover.ingest.bounce.ParsedBounceLine.Heartbeat;
import dev.cutover.ingest.bounce.ParsedBounceLine.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BouncelogParserTest {
    private static final String HEAD = "1717430405@A3/00-23311-2C7C21F9@A3/00-23311-2C7C21F9@5D/00-23311-91E221F9@";
    private static final String ENVELOPE = "@carol@example.net@bounce-7731@news.example.com@";
    private static final String TEXT = "@203.0.113.25@550 5.1.1 User unknown";

    /**
     * One expectation per line of {@code bouncelog/example.ec}, in file order, written from the documented field
     * layout (see the README beside the fixture).
     */
    private static final List<ParsedBounceLine> EXPECTED = List.of(
            new BounceLine(1_717_430_405_000_000L, "A3/00-23311-2C7C21F9", "A3/00-23311-2C7C21F9",
                    "5D/00-23311-91E221F9", BounceKind.B, "carol", "example.net", "bounce-7731", "news.example.com",
                    "retail", "retail-ip-03", 5, 10, 48402, "203.0.113.25",
                    "550 5.1.1 <carol@example.net>: Recipient address rejected: User unknown", 550),
            new BounceLine(1_717_433_012_000_000L, "A5/00-23311-4E7C21F9", "A5/00-23311-4E7C21F9",
                    "9B/00-23311-F7E221F9", BounceKind.B, "dave", "example.org", "bounce-7731", "news.example.com",
                    "retail", "retail-ip-04", 21, 22, 3120, "198.51.100.23", "552 5.2.2 Mailbox full", 552),
            new BounceLine(1_717_436_100_000_000L, "A8/00-23311-7B7C21F9", "A8/00-23311-7B7C21F9",
                    "9C/00-23311-08F221F9", BounceKind.B, "gina", "example.com", "bounce-7731", "news.example.com",
                    "retail", "retail-ip-03", 21, 1, 2988, "192.0.2.80",
                    "Delivery to this recipient failed; no further detail", 0),
            new BounceLine(1_718_035_300_000_000L, "A4/00-23311-3D7C21F9", "A4/00-23311-3D7C21F9",
                    "81/00-23311-D5E221F9", BounceKind.B, "erin", "example.com", "bounce-7731", "news.example.com",
                    "retail", "retail-ip-05", 0, 24, 47980, "",
                    "554 5.4.7 [internal] exceeded max time without delivery", 554),
            new BounceLine(1_717_430_404_000_000L, "A2/00-23311-1B7C21F9", "A2/00-23311-1B7C21F9",
                    "6E/00-23311-A2E221F9", BounceKind.T, "bob", "example.org", "bounce-7731", "news.example.com",
                    "retail", "retail-ip-04", 4, 70, 48190, "198.51.100.7",
                    "421 4.7.0 [GL01] Message from 192.0.2.44 temporarily deferred", 421),
            new BounceLine(1_717_431_604_250_731L, "A2/00-23311-1B7C21F9", "A2/00-23311-1B7C21F9",
                    "7F/00-23311-B3E221F9", BounceKind.T, "bob", "example.org", "bounce-7731", "news.example.com",
                    "retail", "retail-ip-04", 12, 20, 48190, "198.51.100.8", "451 4.4.2 [internal] no banner", 451),
            new BounceLine(1_717_430_530_000_000L, "A6/00-23311-5F7C21F9", "A6/00-23311-5F7C21F9",
                    "5D/00-23311-91E221F9", BounceKind.B, "\"dan@home\"", "example.net", "bounce-7731",
                    "news.example.com", "retail", "retail-ip-03", 5, 10, 48377, "203.0.113.25",
                    "550 5.1.1 User unknown", 550),
            new BounceLine(1_717_430_590_000_000L, "A7/00-23311-6A7C21F9", "A7/00-23311-6A7C21F9",
                    "6E/00-23311-A2E221F9", BounceKind.T, "frank", "example.org", "\"ops@desk\"", "news.example.com",
                    "retail", "retail-ip-04", 5, 22, 51200, "198.51.100.7",
                    "452 4.2.2 <frank@example.org>: mailbox over quota", 452),
            new Heartbeat(1_717_430_460_000_000L, "M1"),
            new Heartbeat(1_717_430_520_000_000L, "M"),
            new Rejected(RejectReason.EMPTY_LINE),
            new Rejected(RejectReason.TOO_FEW_FIELDS),
            new Rejected(RejectReason.BAD_TIMESTAMP),
            new Rejected(RejectReason.UNKNOWN_RECORD_TYPE),
            new Rejected(RejectReason.BAD_HEARTBEAT),
            new Rejected(RejectReason.MISSING_MESSAGE_ID),
            new Rejected(RejectReason.BAD_NUMBER));

    private static final List<String> FIXTURE = fixtureLines();

    private final BouncelogParser parser = new BouncelogParser();

    @Test
    void fixture_everyLine_hasOneExpectation() {
        assertEquals(EXPECTED.size(), FIXTURE.size());
    }

    @ParameterizedTest(name = "example.ec line {0}")
    @MethodSource("fixtureLineNumbers")
    void parse_fixtureLine_everyFieldAsDocumented(int lineNumber) {
        assertEquals(EXPECTED.get(lineNumber - 1), parser.parse(FIXTURE.get(lineNumber - 1)));
    }

    @Test
    void parse_outOfBandBounce_isOutOfBandWithDocumentedClass() {
        final BounceLine b = assertInstanceOf(BounceLine.class, parser.parse(FIXTURE.get(1)));

        assertTrue(b.isOutOfBand());
        assertEquals(BounceClass.MAILBOX_FULL, b.bounceClass());
    }

    @Test
    void parse_inBandBounce_notOutOfBand() {
        final BounceLine b = assertInstanceOf(BounceLine.class, parser.parse(FIXTURE.get(0)));

        assertFalse(b.isOutOfBand());
        assertEquals(BounceClass.INVALID_RECIPIENT, b.bounceClass());
    }

    @Test
    void parse_transientAtStage21_notOutOfBand() {
        final String line = HEAD.replace("@5D/", "@6E/") + "T" + ENVELOPE + "retail@retail-ip-03@21@70@48402" + TEXT;

        final BounceLine t = assertInstanceOf(BounceLine.class, parser.parse(line));

        assertEquals(21, t.stage());
        assertFalse(t.isOutOfBand());
    }

    @Test
    void parse_undocumentedClassCode_codeKeptAndClassNull() {
        final BounceLine b = assertInstanceOf(BounceLine.class,
                parser.parse(HEAD + "B" + ENVELOPE + "retail@retail-ip-03@5@45@48402" + TEXT));

        assertEquals(45, b.bounceClassCode());
        assertNull(b.bounceClass());
    }

    @Test
    void parse_quotedLocalpartsBothWithAtAndTextWithAt_allRejoined() {
        final String line = HEAD + "B@\"a@b\"@Example.NET@\"c@d@e\"@News.Example.com@retail@retail-ip-03@5@10@48402"
                + "@203.0.113.25@550 5.1.1 <a@b@example.net>: no such user @ here";

        final BounceLine b = assertInstanceOf(BounceLine.class, parser.parse(line));

        assertEquals("\"a@b\"", b.recipientLocalpart());
        assertEquals("example.net", b.recipientDomain());
        assertEquals("\"c@d@e\"", b.senderLocalpart());
        assertEquals("news.example.com", b.senderDomain());
        assertEquals("retail-ip-03", b.binding());
        assertEquals(48402, b.sizeBytes());
        assertEquals("550 5.1.1 <a@b@example.net>: no such user @ here", b.responseText());
    }

    @Test
    void parse_unquotedRecipientLocalpartWithAt_domainIsTokenBeforeSender() {
        final BounceLine b = assertInstanceOf(BounceLine.class, parser.parse(
                HEAD + "B@john@home@example.net@bounce-7731@news.example.com@retail@retail-ip-03@5@10@48402" + TEXT));

        assertEquals("john@home", b.recipientLocalpart());
        assertEquals("example.net", b.recipientDomain());
        assertEquals("bounce-7731", b.senderLocalpart());
        assertEquals("retail", b.bindingGroup());
    }

    @Test
    void parse_unquotedAtInRecipientAndQuotedAtInSender_extraAtJoinsRecipientLocalpart() {
        final BounceLine b = assertInstanceOf(BounceLine.class, parser.parse(
                HEAD + "B@john@home@example.net@\"b@x\"@news@retail@retail-ip-03@5@10@48402" + TEXT));

        assertEquals("john@home", b.recipientLocalpart());
        assertEquals("example.net", b.recipientDomain());
        assertEquals("\"b@x\"", b.senderLocalpart());
        assertEquals("news", b.senderDomain());
        assertEquals("retail", b.bindingGroup());
    }

    @Test
    void parse_emptyResponseText_emptyTextAndCodeZero() {
        final BounceLine b = assertInstanceOf(BounceLine.class,
                parser.parse(HEAD + "B" + ENVELOPE + "retail@retail-ip-03@5@10@48402@203.0.113.25@"));

        assertEquals("", b.responseText());
        assertEquals(0, b.responseCode());
    }

    @Test
    void parse_emptyBindingGroupAndBinding_keptEmpty() {
        final BounceLine b = assertInstanceOf(BounceLine.class,
                parser.parse(HEAD + "B" + ENVELOPE + "@@5@10@48402" + TEXT));

        assertEquals("", b.bindingGroup());
        assertEquals("", b.binding());
        assertEquals(5, b.stage());
    }

    @Test
    void parse_carriageReturnAtEnd_ignored() {
        final BounceLine b = assertInstanceOf(BounceLine.class, parser.parse(FIXTURE.get(1) + "\r"));

        assertEquals("552 5.2.2 Mailbox full", b.responseText());
    }

    @Test
    void parse_nullOrCarriageReturnOnly_emptyLine() {
        assertEquals(new Rejected(RejectReason.EMPTY_LINE), parser.parse(null));
        assertEquals(new Rejected(RejectReason.EMPTY_LINE), parser.parse("\r"));
    }

    @Test
    void parse_lineWithNul_binaryData() {
        assertEquals(new Rejected(RejectReason.BINARY_DATA), parser.parse("1717430460@\0@@@M1"));
    }

    @Test
    void parse_lineOverSixtyFourKiB_lineTooLong() {
        final String huge = HEAD + "B" + ENVELOPE + "retail@retail-ip-03@5@10@48402@@" + "x".repeat(64 * 1024);

        assertEquals(new Rejected(RejectReason.LINE_TOO_LONG), parser.parse(huge));
    }

    @Test
    void parse_fourFields_tooFewFields() {
        assertEquals(new Rejected(RejectReason.TOO_FEW_FIELDS), parser.parse("1717430460@@@"));
    }

    @Test
    void parse_fifteenFields_tooFewFields() {
        assertEquals(new Rejected(RejectReason.TOO_FEW_FIELDS),
                parser.parse(HEAD + "B" + ENVELOPE + "retail@retail-ip-03@5@10@48402@203.0.113.25"));
    }

    @Test
    void parse_seventeenDigitTimestamp_badTimestamp() {
        assertEquals(new Rejected(RejectReason.BAD_TIMESTAMP), parser.parse("17174304600000000@@@@M1"));
    }

    @Test
    void parse_lowerCaseRecordType_unknownRecordType() {
        assertEquals(new Rejected(RejectReason.UNKNOWN_RECORD_TYPE),
                parser.parse(HEAD + "b" + ENVELOPE + "retail@retail-ip-03@5@10@48402" + TEXT));
    }

    @Test
    void parse_heartbeatWithTrailingField_badHeartbeat() {
        assertEquals(new Rejected(RejectReason.BAD_HEARTBEAT), parser.parse("1717430460@@@@M1@x"));
    }

    @Test
    void parse_stageBeyondInt_badNumber() {
        assertEquals(new Rejected(RejectReason.BAD_NUMBER),
                parser.parse(HEAD + "B" + ENVELOPE + "retail@retail-ip-03@99999999999@10@48402" + TEXT));
    }

    @Test
    void parse_negativeBounceClass_badNumber() {
        assertEquals(new Rejected(RejectReason.BAD_NUMBER),
                parser.parse(HEAD + "B" + ENVELOPE + "retail@retail-ip-03@5@-10@48402" + TEXT));
    }

    @Test
    void parse_sameDefectTwice_sameRejectionInstance() {
        assertSame(parser.parse("1717430460@@@"), parser.parse("1717430461@@@"));
    }

    @Test
    void parse_randomBytes_rejectedWithoutThrowing() {
        final Random random = new Random(42);
        int rejected = 0;

        for (int i = 0; i < 2_000; i++) {
            final byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            rejected += parser.parse(new String(bytes, StandardCharsets.UTF_8)) instanceof Rejected ? 1 : 0;
        }

        assertEquals(2_000, rejected);
    }

    @Test
    void parse_randomMutationsOfFixtureLines_parsedOrRejectedWithoutThrowing() {
        final Random random = new Random(7);
        int parsed = 0;
        int rejected = 0;

        for (int i = 0; i < 5_000; i++) {
            final StringBuilder line = new StringBuilder(FIXTURE.get(i % 10));
            line.setCharAt(random.nextInt(line.length()), "@0a.\"\r".charAt(random.nextInt(6)));
            final ParsedBounceLine result = parser.parse(line.toString());
            parsed += result instanceof Rejected ? 0 : 1;
            rejected += result instanceof Rejected ? 1 : 0;
        }

        assertEquals(5_000, parsed + rejected);
        assertTrue(parsed > 0 && rejected > 0, parsed + " parsed, " + rejected + " rejected");
    }

    static IntStream fixtureLineNumbers() {
        return IntStream.rangeClosed(1, EXPECTED.size());
    }

    private static List<String> fixtureLines() {
        try (InputStream in = BouncelogParserTest.class.getResourceAsStream("/bouncelog/example.ec")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
