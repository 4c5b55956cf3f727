package dev.cutover.ingest;

import net.openhft.chronicle.bytes.Bytes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary layout of one {@link MessageRecord} in a traffic-store excerpt.
 *
 * <p>Layout version 2, in order: the version byte; reception micros (8 bytes); node, message id,
 * recipient domain, routing domain, sender domain, binding group, binding (length-prefixed UTF-8);
 * size (stop-bit); attempt count (stop-bit) and per attempt: time micros (8 bytes), outcome ordinal
 * (1 byte), response code, retry count, stage + 1 (stop-bit each), queue seconds (8-byte double), response
 * text, connection id, binding group, binding, remote IP (length-prefixed UTF-8), bounce class (stop-bit);
 * last the completeness ordinal (1 byte). Version 1 lacked the bounce class, which reads as 0. Fields are in
 * the order of the record components, so reading is one constructor call whose arguments Java evaluates left to
 * right. The store puts an 8-byte sequence number before each message ({@link TrafficStore}).
 * A delivered message with one attempt takes about 150 bytes.
 */
final class MessageCodec {
    static final byte LAYOUT_VERSION = 2;
    private static final byte LAYOUT_WITHOUT_BOUNCE_CLASS = 1;

    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final Completeness[] COMPLETENESS = Completeness.values();

    private MessageCodec() {
    }

    static void write(MessageRecord message, Bytes<?> bytes) {
        bytes.writeByte(LAYOUT_VERSION);
        bytes.writeLong(message.receptionMicros());
        writeString(message.node(), bytes);
        writeString(message.messageId(), bytes);
        writeString(message.recipientDomain(), bytes);
        writeString(message.routingDomain(), bytes);
        writeString(message.senderDomain(), bytes);
        writeString(message.bindingGroup(), bytes);
        writeString(message.binding(), bytes);
        bytes.writeStopBit(message.sizeBytes());
        bytes.writeStopBit(message.attempts().size());
        for (Attempt attempt : message.attempts()) {
            writeAttempt(attempt, bytes);
        }
        bytes.writeByte((byte) message.completeness().ordinal());
    }

    static MessageRecord read(Bytes<?> bytes) {
        final byte version = bytes.readByte();
        if (version != LAYOUT_VERSION && version != LAYOUT_WITHOUT_BOUNCE_CLASS) {
            throw new IllegalStateException("traffic store excerpt has layout version " + version
                    + ", this build reads versions " + LAYOUT_WITHOUT_BOUNCE_CLASS + " and " + LAYOUT_VERSION);
        }
        final boolean bounceClasses = version == LAYOUT_VERSION;
        return new MessageRecord(bytes.readLong(), readString(bytes), readString(bytes), readString(bytes),
                readString(bytes), readString(bytes), readString(bytes), readString(bytes), bytes.readStopBit(),
                readAttempts(bytes, bounceClasses), COMPLETENESS[bytes.readByte()]);
    }

    /**
     * Writes {@code text} as {@code Bytes.readUtf8} reads it: the stop-bit length of its UTF-8 bytes, then the
     * bytes. Encoding with the JDK is several times faster than Chronicle's own writer, which looks up each
     * string's coder by reflection.
     */
    private static void writeString(String text, Bytes<?> bytes) {
        final byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        bytes.writeStopBit(utf8.length);
        bytes.write(utf8);
    }

    /**
     * Reads what {@link #writeString} (or Chronicle's {@code writeUtf8}) wrote, decoding with the JDK: Chronicle's
     * own reader interns every string it reads, which costs more than the decoding.
     */
    private static String readString(Bytes<?> bytes) {
        final int length = (int) bytes.readStopBit();
        if (length <= 0) {
            return "";
        }
        final byte[] utf8 = new byte[length];
        bytes.read(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void writeAttempt(Attempt attempt, Bytes<?> bytes) {
        bytes.writeLong(attempt.timeMicros());
        bytes.writeByte((byte) attempt.outcome().ordinal());
        bytes.writeStopBit(attempt.responseCode());
        bytes.writeStopBit(attempt.retryCount());
        bytes.writeStopBit(attempt.stage() + 1L);
        bytes.writeDouble(attempt.queueSeconds());
        writeString(attempt.responseText(), bytes);
        writeString(attempt.connectionId(), bytes);
        writeString(attempt.bindingGroup(), bytes);
        writeString(attempt.binding(), bytes);
        writeString(attempt.remoteIp(), bytes);
        bytes.writeStopBit(attempt.bounceClass());
    }

    private static List<Attempt> readAttempts(Bytes<?> bytes, boolean bounceClasses) {
        final int count = (int) bytes.readStopBit();
        final List<Attempt> attempts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            attempts.add(readAttempt(bytes, bounceClasses));
        }
        return attempts;
    }

    private static Attempt readAttempt(Bytes<?> bytes, boolean bounceClasses) {
        final long timeMicros = bytes.readLong();
        final Outcome outcome = OUTCOMES[bytes.readByte()];
        final int responseCode = (int) bytes.readStopBit();
        final int retryCount = (int) bytes.readStopBit();
        final int stage = (int) bytes.readStopBit() - 1;
        final double queueSeconds = bytes.readDouble();
        final String responseText = readString(bytes);
        final String connectionId = readString(bytes);
        final String bindingGroup = readString(bytes);
        final String binding = readString(bytes);
        final String remoteIp = readString(bytes);
        final int bounceClass = bounceClasses ? (int) bytes.readStopBit() : 0;
        return new Attempt(timeMicros, outcome, responseCode, responseText, retryCount, queueSeconds,
                connectionId, bindingGroup, binding, stage, remoteIp, bounceClass);
    }
}
