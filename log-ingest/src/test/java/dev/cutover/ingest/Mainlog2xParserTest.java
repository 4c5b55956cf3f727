package dev.cutover.ingest;

import dev.cutover.ingest.ParsedLine.AttemptLine;
import dev.cutover.ingest.ParsedLine.Heartbeat;
import dev.cutover.ingest.ParsedLine.Reception;
import dev.cutover.ingest.ParsedLine.Rejected;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Golden tests: every line of the 2.1, 2.2 and mixed fixtures, each field asserted. */
class Mainlog2xParserTest {
    private static final String ID_A = "00/00-25004-31B987F3";
    private static final String ID_B = "00/00-25004-41B987F3";
    private static final String ID_C = "00/00-25004-51B987F3";
    private static final String ID_D = "00/00-25004-61B987F3";
    private static final String MIXED_A = "00/00-11111-0A000001";
    private static final String MIXED_B = "00/00-11111-0A000002";
    private static final String MIXED_C = "B1/00-22222-0B000003";

    private final MainlogParser parser = new MainlogParser();

    @Test
    void parse_example22_everyLineGolden() {
        final List<ParsedLine> parsed = parseAll("/mainlog/example-22.ec");

        assertEquals(List.of(
                new Reception(1_191_248_200_000_000L, ID_A, "", "", "alice", "example.net", "bounce-12",
                        "news.example.com", "192.0.2.15", 2048, "esmtp", "retail", "retail-ip-01"),
                new Reception(1_191_248_201_000_000L, ID_B, "", "", "bob", "example.org", "bounce-12",
                        "news.example.com", "192.0.2.16", 3072, "xfer", "retail", "retail-ip-02"),
                new AttemptLine(1_191_248_203_000_000L, AttemptKind.D, ID_A, "", "", "example.net", 2101, "retail",
                        "retail-ip-01", -1, 0, 3.25, "203.0.113.25", 250, ""),
                new AttemptLine(1_191_248_204_000_000L, AttemptKind.T, ID_B, "", "", "example.org", 0, "retail",
                        "retail-ip-02", 0, 0, 3.40, "", 421,
                        "421 4.4.0 [internal] no MXs for this domain could be reached at this time"),
                new Heartbeat(1_191_248_269_000_000L, "M"),
                new AttemptLine(1_191_249_404_000_000L, AttemptKind.P, ID_B, "", "", "example.org", 143, "retail",
                        "retail-ip-02", 5, 1, 1203.10, "198.51.100.7", 550,
                        "550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown")), parsed);
    }

    @Test
    void parse_example21_everyLineGolden() {
        final List<ParsedLine> parsed = parseAll("/mainlog/example-21.ec");

        assertEquals(List.of(
                new Reception(1_064_868_656_000_000L, ID_C, "", "", "carol", "example.com", "info",
                        "shop.example.com", "192.0.2.20", 1201, "esmtp", "", "outbound-1"),
                new Reception(1_064_868_657_000_000L, ID_D, "", "", "\"dan@home\"", "example.com", "info",
                        "shop.example.com", "192.0.2.21", 980, "ecstream", "", "outbound-2"),
                new AttemptLine(1_064_868_660_000_000L, AttemptKind.D, ID_C, "", "", "example.com", 1250, "",
                        "outbound-1", -1, 0, 3.50, "", 250, ""),
                new AttemptLine(1_064_868_661_000_000L, AttemptKind.T, ID_D, "", "", "example.com", 0, "",
                        "outbound-2", 15, 0, 4.10, "", 421, "421 no adequate servers"),
                new Heartbeat(1_064_868_716_000_000L, "M"),
                new AttemptLine(1_064_869_900_000_000L, AttemptKind.P, ID_D, "", "", "example.com", 31, "",
                        "outbound-2", 5, 1, 1243.00, "", 552,
                        "552 5.1.1 <\"dan@home\"@example.com>: No such account")), parsed);
    }

    @Test
    void parse_mixed22And4x_eachLineInItsOwnLayout() {
        final List<ParsedLine> parsed = parseAll("/mainlog/example-mixed-22-4x.ec");

        assertEquals(List.of(
                new Reception(1_400_000_000_000_000L, MIXED_A, "", "", "alice", "example.net", "news",
                        "mail.example.com", "192.0.2.10", 5000, "esmtp", "retail", "retail-ip-01"),
                new Reception(1_400_000_001_000_000L, MIXED_B, "", "", "bob", "example.org", "news",
                        "mail.example.com", "192.0.2.11", 6000, "xfer", "retail", "retail-ip-02"),
                new AttemptLine(1_400_000_005_000_000L, AttemptKind.D, MIXED_A, "", "", "example.net", 5012, "retail",
                        "retail-ip-01", -1, 0, 5.02, "203.0.113.5", 250, ""),
                new AttemptLine(1_400_000_006_000_000L, AttemptKind.T, MIXED_B, "", "", "example.org", 0, "retail",
                        "retail-ip-02", 0, 0, 5.10, "", 451,
                        "451 4.4.1 [internal] No valid hosts (unable to make any connections)"),
                new Heartbeat(1_400_000_060_000_000L, "M"),
                new Reception(1_400_000_100_000_000L, MIXED_C, MIXED_C, "C1/00-22222-0C000001", "carol",
                        "example.com", "news", "mail.example.com", "192.0.2.12", 7000, "esmtp", "retail",
                        "retail-ip-03"),
                new Heartbeat(1_400_000_120_000_000L, "M"),
                new AttemptLine(1_400_000_301_000_000L, AttemptKind.D, MIXED_B, MIXED_B, "C1/00-22222-0C000002",
                        "example.org", 6020, "retail", "retail-ip-02", -1, 1, 300.50, "198.51.100.20", 250, ""),
                new AttemptLine(1_400_000_302_000_000L, AttemptKind.P, MIXED_C, MIXED_C, "C1/00-22222-0C000002",
                        "example.com", 210, "retail", "retail-ip-03", 5, 0, 202.40, "198.51.100.21", 550,
                        "550 5.1.1 <carol@example.com>: Recipient address rejected: User unknown")), parsed);
    }

    @Test
    void parse_22DeliveryWithoutIp_ipEmpty() {
        final AttemptLine d = assertInstanceOf(AttemptLine.class,
                parser.parse("1191248203@" + ID_A + "@D@example.net@2101@retail@retail-ip-01@0@3.25"));

        assertEquals("retail", d.bindingGroup());
        assertEquals("retail-ip-01", d.binding());
        assertEquals("", d.remoteIp());
    }

    @Test
    void parse_21TransientWithOneAtInText_read21() {
        final AttemptLine t = assertInstanceOf(AttemptLine.class,
                parser.parse("1064868661@" + ID_D + "@T@example.com@0@outbound-2@4@2@60.00@450 <d@example.com> busy"));

        assertEquals("", t.bindingGroup());
        assertEquals(4, t.stage());
        assertEquals(2, t.retryCount());
        assertEquals("450 <d@example.com> busy", t.responseText());
    }

    @Test
    void parse_21PermanentWholeSecondQueueTimeAndAtsInText_read21() {
        final String line = "1064869900@" + ID_D + "@P@example.com@31@outbound-2@5@1@1243@552 <a@b@example.com> no";

        final AttemptLine p = assertInstanceOf(AttemptLine.class, parser.parse(line));

        assertEquals("outbound-2", p.binding());
        assertEquals(5, p.stage());
        assertEquals(1243.0, p.queueSeconds());
        assertEquals("552 <a@b@example.com> no", p.responseText());
    }

    @Test
    void parse_22ReceptionWithUnquotedAtInLocalpart_read22() {
        final Reception r = assertInstanceOf(Reception.class, parser.parse(
                "1191248200@" + ID_A + "@R@john@home@example.net@bounce-12@news.example.com@192.0.2.15@2048"
                        + "@esmtp@g@b"));

        assertEquals("john@home", r.recipientLocalpart());
        assertEquals("example.net", r.recipientDomain());
        assertEquals("g", r.bindingGroup());
        assertEquals(2048, r.sizeBytes());
    }

    @Test
    void parse_22ReceptionWithUnquotedAtInRecipientAndQuotedAtInSender_extraAtJoinsRecipientLocalpart() {
        final Reception r = assertInstanceOf(Reception.class, parser.parse(
                "1191248200@" + ID_A + "@R@john@home@example.net@\"b@x\"@news@192.0.2.15@2048@esmtp@g@b"));

        assertEquals("john@home", r.recipientLocalpart());
        assertEquals("example.net", r.recipientDomain());
        assertEquals("\"b@x\"", r.senderLocalpart());
        assertEquals("news", r.senderDomain());
    }

    @Test
    void parse_22LineWithCarriageReturn_lastFieldClean() {
        final AttemptLine d = assertInstanceOf(AttemptLine.class, parser.parse(
                "1191248203@" + ID_A + "@D@example.net@2101@retail@retail-ip-01@0@3.25@203.0.113.25\r"));

        assertEquals("203.0.113.25", d.remoteIp());
    }

    @Test
    void parse_21DeliveryWithBadRetryCount_badNumber() {
        assertEquals(new Rejected(RejectReason.BAD_NUMBER),
                parser.parse("1064868660@" + ID_C + "@D@example.com@1250@outbound-1@x@3.50"));
    }

    @Test
    void parse_2xDeliveryWithSevenFields_tooFewFields() {
        assertEquals(new Rejected(RejectReason.TOO_FEW_FIELDS),
                parser.parse("1064868660@" + ID_C + "@D@example.com@1250@outbound-1@0"));
    }

    @Test
    void parse_2xDeliveryWithElevenFields_tooManyFields() {
        assertEquals(new Rejected(RejectReason.TOO_MANY_FIELDS),
                parser.parse("1191248203@" + ID_A + "@D@example.net@2101@retail@retail-ip-01@0@3.25@203.0.113.25@x"));
    }

    @Test
    void parse_2xReceptionWithTenFields_tooFewFields() {
        assertEquals(new Rejected(RejectReason.TOO_FEW_FIELDS),
                parser.parse("1064868656@" + ID_C + "@R@carol@example.com@info@shop.example.com@192.0.2.20"
                        + "@1201@esmtp"));
    }

    @Test
    void parse_2xLineWithoutMessageId_missingMessageId() {
        assertEquals(new Rejected(RejectReason.MISSING_MESSAGE_ID),
                parser.parse("1064868660@@D@example.com@1250@outbound-1@0@3.50"));
    }

    @Test
    void parse_2xHeartbeatWithId_badHeartbeat() {
        assertEquals(new Rejected(RejectReason.BAD_HEARTBEAT), parser.parse("1191248269@x@M"));
        assertEquals(new Rejected(RejectReason.BAD_HEARTBEAT), parser.parse("1191248269@@M@extra"));
    }

    @Test
    void parse_2xBadTimestamp_badTimestamp() {
        assertEquals(new Rejected(RejectReason.BAD_TIMESTAMP), parser.parse("119124826@@M"));
    }

    @Test
    void parse_randomMutationsOf2xLines_neverThrows() {
        final List<String> lines = new ArrayList<>(fixtureLines("/mainlog/example-22.ec"));
        lines.addAll(fixtureLines("/mainlog/example-21.ec"));
        final Random random = new Random(11);
        int parsed = 0;

        for (int i = 0; i < 5_000; i++) {
            final StringBuilder line = new StringBuilder(lines.get(i % lines.size()));
            line.setCharAt(random.nextInt(line.length()), "@0a.\"\r".charAt(random.nextInt(6)));
            parsed += parser.parse(line.toString()) != null ? 1 : 0;
        }

        assertEquals(5_000, parsed);
    }

    static List<ParsedLine> parseAll(String resource) {
        final MainlogParser parser = new MainlogParser();
        return fixtureLines(resource).stream().map(parser::parse).toList();
    }

    static List<String> fixtureLines(String resource) {
        try (InputStream in = Mainlog2xParserTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
