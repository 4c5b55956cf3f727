package dev.cutover.ingest;

import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The heap encoder must write exactly what Chronicle's own writers wrote for the same layout, so stores written
 * before it read back unchanged and {@link MessageCodec#read} can keep using Chronicle's readers.
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
    void encoder_textOutsideAsciiAndEmpty_sameBytesAsChronicleWritersAndReadsBack() {
        final MessageRecord message = new MessageRecord(-5, "nœud", "", "bücher.example", "bücher.example", "",
                "pool", "pool-a", 0, List.of(new Attempt(2, Outcome.PERMANENT, 550, "550 Empfänger unbekannt \u2014 ✉"
                + "x".repeat(300), -1, Double.NaN, "c1", "", "pool-a", -1, "192.0.2.1", 10)),
                Completeness.COMPLETE);

        final byte[] encoded = new MessageCodec.Encoder().message(message).toByteArray();

        final Bytes<?> reference = Bytes.allocateElasticOnHeap(64);
        writeBody(message, reference);
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

    private static MessageRecord delivered(long receptionMicros, long sizeBytes) {
        return new MessageRecord(receptionMicros, "", "A1/00-23311-0B7C21F9", "example.net", "example.net",
                "sender.example", "retail", "retail-ip-03", sizeBytes, List.of(new Attempt(receptionMicros + 3_180_000,
                Outcome.DELIVERED, 250, "", 0, 3.18, "5D/00-23311-91E221F9", "retail", "retail-ip-03", -1,
                "203.0.113.25")), Completeness.COMPLETE);
    }

    /** The layout of the class comment of {@link MessageCodec}, written with Chronicle's writers. */
    private static byte[] chronicleReference(long sequence, MessageRecord message) {
        final Bytes<?> bytes = Bytes.allocateElasticOnHeap(64);
        bytes.writeLong(sequence);
        writeBody(message, bytes);
        return bytes.toByteArray();
    }

    private static void writeBody(MessageRecord message, Bytes<?> bytes) {
        bytes.writeByte(MessageCodec.LAYOUT_VERSION);
        bytes.writeLong(message.receptionMicros());
        for (String text : List.of(message.node(), message.messageId(), message.recipientDomain(),
                message.routingDomain(), message.senderDomain(), message.bindingGroup(), message.binding())) {
            bytes.writeUtf8(text);
        }
        bytes.writeStopBit(message.sizeBytes());
        bytes.writeStopBit(message.attempts().size());
        for (Attempt attempt : message.attempts()) {
            bytes.writeLong(attempt.timeMicros());
            bytes.writeByte((byte) attempt.outcome().ordinal());
            bytes.writeStopBit(attempt.responseCode());
            bytes.writeStopBit(attempt.retryCount());
            bytes.writeStopBit(attempt.stage() + 1L);
            bytes.writeDouble(attempt.queueSeconds());
            for (String text : List.of(attempt.responseText(), attempt.connectionId(), attempt.bindingGroup(),
                    attempt.binding(), attempt.remoteIp())) {
                bytes.writeUtf8(text);
            }
            bytes.writeStopBit(attempt.bounceClass());
        }
        bytes.writeByte((byte) message.completeness().ordinal());
    }
}
