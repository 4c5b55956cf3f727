package dev.cutover.ingest;

import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The heap encoder must write exactly what Chronicle's own writers write for the same layout, and the heap decoder
 * read what they wrote; stores written in the earlier layouts must read back unchanged.
 */
class MessageCodecTest {

    @BeforeAll
    static void disableChronicleAnalytics() {
        System.setProperty("chronicle.analytics.disable", "true");
    }

    @Test
    void encoder_typicalDelivery_sameBytesAsChronicleWriters() {
        final MessageRecord message = delivered(1_717_430_400_123_456L, 48_874);

        assertArrayEquals(chronicleReference(7, message), new MessageCodec.Encoder().message(7, message)
                .toByteArray());
    }

    @Test
    void encoder_numbersAtEveryStopBitWidth_sameBytesAsChronicleWriters() {
        final long[] values = {0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, Integer.MAX_VALUE,
            1L << 35, Long.MAX_VALUE, -1, -2, -64, -65, -128, -129, -16_384, Integer.MIN_VALUE, Long.MIN_VALUE};
        final MessageCodec.Encoder encoder = new MessageCodec.Encoder();
        for (long value : values) {
            final MessageRecord message = delivered(value, value);

            assertArrayEquals(chronicleReference(value, message), encoder.message(value, message).toByteArray(),
                    "size " + value);
        }
    }

    @Test
    void decoder_numbersAtEveryStopBitWidthWrittenByChronicle_readBackOneAfterAnother() {
        final long[] values = {0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, Integer.MAX_VALUE,
            1L << 35, Long.MAX_VALUE, -1, -2, -64, -65, -128, -129, -16_384, Integer.MIN_VALUE, Long.MIN_VALUE};
        final Bytes<?> written = Bytes.allocateElasticOnHeap(64);
        for (long value : values) {
            writeBody(delivered(value, value), written, MessageCodec.LAYOUT_VERSION);
        }
        final MessageCodec.Decoder decoder = new MessageCodec.Decoder(new StringPool());
        for (long value : values) {
            assertEquals(delivered(value, value), decoder.read(written), "size " + value);
        }
        assertEquals(0, written.readRemaining());
    }

    @Test
    void decoder_pooledValues_sameInstanceForEachRepeat() {
        final MessageCodec.Decoder decoder = new MessageCodec.Decoder(new StringPool());
        final byte[] encoded = new MessageCodec.Encoder().message(delivered(1, 2)).toByteArray();

        final MessageRecord first = decoder.read(Bytes.wrapForRead(encoded));
        final MessageRecord second = decoder.read(Bytes.wrapForRead(encoded));

        assertEquals(first, second);
        assertSame(first.recipientDomain(), second.recipientDomain());
        assertSame(first.attempts().get(0).remoteIp(), second.attempts().get(0).remoteIp());
    }

    @Test
    void decoder_excerptCutShort_refusedAsEndingInsideAMessage() {
        final byte[] encoded = new MessageCodec.Encoder().message(delivered(1, 2)).toByteArray();

        final IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> MessageCodec.read(Bytes.wrapForRead(Arrays.copyOf(encoded, encoded.length - 3))));

        assertEquals("traffic store excerpt ends inside a message", refused.getMessage());
    }

    @Test
    void encoder_textOutsideAsciiAndEmpty_sameBytesAsChronicleWritersAndReadsBack() {
        final String response = "550 Empfänger unbekannt \u2014 ✉" + "x".repeat(300);
        final MessageRecord message = new MessageRecord(-5, "nœud", "", "bücher.example", "bücher.example", "",
                "pool", "pool-a", 0, List.of(new Attempt(2, Outcome.PERMANENT, 550, response, -1, Double.NaN, "c1", "",
                "pool-a", -1, "192.0.2.1", 10)), Completeness.COMPLETE);

        final byte[] encoded = new MessageCodec.Encoder().message(message).toByteArray();

        final Bytes<?> reference = Bytes.allocateElasticOnHeap(64);
        writeBody(message, reference, MessageCodec.LAYOUT_VERSION);
        assertArrayEquals(reference.toByteArray(), encoded);
        final Bytes<?> read = Bytes.wrapForRead(encoded);
        assertEquals(message, MessageCodec.read(read));
        assertEquals(0, read.readRemaining());
    }

    @Test
    void encoder_reused_forgetsTheMessageBefore() {
        final MessageCodec.Encoder encoder = new MessageCodec.Encoder();
        encoder.message(1, delivered(9, 1_000_000));
        final MessageRecord second = delivered(3, 4);

        assertArrayEquals(chronicleReference(2, second), encoder.message(2, second).toByteArray());
    }

    @Test
    void encoder_repeatedRoutingDomainAndBindings_writtenAsSameAndReadBackEqual() {
        final MessageRecord message = delivered(1_717_430_400_123_456L, 48_874);

        final byte[] encoded = new MessageCodec.Encoder().message(message).toByteArray();

        final Bytes<?> full = Bytes.allocateElasticOnHeap(64);
        writeBody(message, full, MessageCodec.LAYOUT_WITHOUT_REPEATS);
        final int saved = (1 + "example.net".length() - 2) + (1 + "retail".length() - 2)
                + (1 + "retail-ip-03".length() - 2);
        assertEquals(full.toByteArray().length - saved + 1, encoded.length, "routing domain, the attempt's binding "
                + "group and binding each written as two bytes instead of a length byte and the text; the empty "
                + "protocol, which that layout lacked, one byte");
        assertEquals(message, MessageCodec.read(Bytes.wrapForRead(encoded)));
    }

    @Test
    void read_excerptsOfLayoutsTwoAndOne_sameMessage() {
        final MessageRecord classified = new MessageRecord(5, "n1", "id", "example.net", "mx.example.net",
                "s.example", "pool", "pool-a", 10, List.of(new Attempt(6, Outcome.PERMANENT, 550, "550 no", 0, 1.5,
                "c1", "other-pool", "pool-a", 5, "192.0.2.1", 10)), Completeness.COMPLETE);
        final Bytes<?> layoutTwo = Bytes.allocateElasticOnHeap(64);
        writeBody(classified, layoutTwo, MessageCodec.LAYOUT_WITHOUT_REPEATS);
        final MessageRecord unclassified = new MessageRecord(5, "n1", "id", "example.net", "example.net",
                "s.example", "pool", "pool-a", 10, List.of(new Attempt(6, Outcome.PERMANENT, 550, "550 no", 0, 1.5,
                "c1", "pool", "pool-a", 5, "192.0.2.1")), Completeness.COMPLETE);
        final Bytes<?> layoutOne = Bytes.allocateElasticOnHeap(64);
        writeBody(unclassified, layoutOne, (byte) 1);

        assertEquals(classified, MessageCodec.read(layoutTwo));
        assertEquals(unclassified, MessageCodec.read(layoutOne));
    }

    private static MessageRecord delivered(long receptionMicros, long sizeBytes) {
        return new MessageRecord(receptionMicros, "", "A1/00-23311-0B7C21F9", "example.net", "example.net",
                "sender.example", "retail", "retail-ip-03", sizeBytes, List.of(new Attempt(receptionMicros + 3_180_000,
                Outcome.DELIVERED, 250, "", 0, 3.18, "5D/00-23311-91E221F9", "retail", "retail-ip-03", -1,
                "203.0.113.25")), Completeness.COMPLETE);
    }

    @Test
    void decoder_protocol_readBackAndEmptyFromTheLayoutBeforeIt() {
        final MessageRecord rest = withProtocol(delivered(7, 4_096), "rest");
        final Bytes<?> older = Bytes.allocateElasticOnHeap(64);
        writeBody(rest, older, MessageCodec.LAYOUT_WITHOUT_PROTOCOL);
        final byte[] encoded = new MessageCodec.Encoder().message(rest).toByteArray();

        assertEquals(rest, MessageCodec.read(Bytes.wrapForRead(encoded)));
        assertEquals(withProtocol(rest, ""), MessageCodec.read(older));
    }

    private static MessageRecord withProtocol(MessageRecord m, String protocol) {
        return new MessageRecord(m.receptionMicros(), m.node(), m.messageId(), m.recipientDomain(), m.routingDomain(),
                m.senderDomain(), m.bindingGroup(), m.binding(), m.sizeBytes(), m.attempts(), m.completeness(),
                protocol);
    }

    /** The layout of the class comment of {@link MessageCodec}, written with Chronicle's writers. */
    private static byte[] chronicleReference(long sequence, MessageRecord message) {
        final Bytes<?> bytes = Bytes.allocateElasticOnHeap(64);
        bytes.writeLong(sequence);
        writeBody(message, bytes, MessageCodec.LAYOUT_VERSION);
        return bytes.toByteArray();
    }

    /** The layout as the class comment of {@link MessageCodec} gives it for {@code version}. */
    private static void writeBody(MessageRecord message, Bytes<?> bytes, byte version) {
        final boolean repeats = version > MessageCodec.LAYOUT_WITHOUT_REPEATS;
        bytes.writeByte(version);
        bytes.writeLong(message.receptionMicros());
        bytes.writeUtf8(message.node());
        bytes.writeUtf8(message.messageId());
        bytes.writeUtf8(message.recipientDomain());
        writeOrSame(message.routingDomain(), message.recipientDomain(), repeats, bytes);
        bytes.writeUtf8(message.senderDomain());
        bytes.writeUtf8(message.bindingGroup());
        bytes.writeUtf8(message.binding());
        bytes.writeStopBit(message.sizeBytes());
        bytes.writeStopBit(message.attempts().size());
        for (Attempt attempt : message.attempts()) {
            bytes.writeLong(attempt.timeMicros());
            bytes.writeByte((byte) attempt.outcome().ordinal());
            bytes.writeStopBit(attempt.responseCode());
            bytes.writeStopBit(attempt.retryCount());
            bytes.writeStopBit(attempt.stage() + 1L);
            bytes.writeDouble(attempt.queueSeconds());
            bytes.writeUtf8(attempt.responseText());
            bytes.writeUtf8(attempt.connectionId());
            writeOrSame(attempt.bindingGroup(), message.bindingGroup(), repeats, bytes);
            writeOrSame(attempt.binding(), message.binding(), repeats, bytes);
            bytes.writeUtf8(attempt.remoteIp());
            if (version > 1) {
                bytes.writeStopBit(attempt.bounceClass());
            }
        }
        bytes.writeByte((byte) message.completeness().ordinal());
        if (version > MessageCodec.LAYOUT_WITHOUT_PROTOCOL) {
            bytes.writeUtf8(message.protocol());
        }
    }

    private static void writeOrSame(String text, String repeated, boolean repeats, Bytes<?> bytes) {
        if (repeats && !text.isEmpty() && text.equals(repeated)) {
            bytes.writeStopBit(MessageCodec.SAME);
        } else {
            bytes.writeUtf8(text);
        }
    }
}
