package dev.cutover.ingest;

import net.openhft.chronicle.bytes.Bytes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The binary layout of one {@link MessageRecord} in a traffic-store excerpt.
 *
 * <p>Layout version 3, in order: the version byte; reception micros (8 bytes); node, message id,
 * recipient domain, routing domain, sender domain, binding group, binding (length-prefixed UTF-8);
 * size (stop-bit); attempt count (stop-bit) and per attempt: time micros (8 bytes), outcome ordinal
 * (1 byte), response code, retry count, stage + 1 (stop-bit each), queue seconds (8-byte double), response
 * text, connection id, binding group, binding, remote IP (length-prefixed UTF-8), bounce class (stop-bit);
 * last the completeness ordinal (1 byte). The store puts an 8-byte sequence number before each message
 * ({@link TrafficStore}).
 *
 * <p>Repeats: a routing domain equal to the recipient domain, and an attempt's binding group or binding equal to
 * the message's, are written as the length -1 ({@link #SAME}, two bytes) instead of the text, which is how nearly
 * every message is logged. A delivered message with one attempt takes about 120 bytes, and a reader shares one
 * string among the repeats.
 *
 * <p>Earlier layouts read the same way: version 2 wrote every repeat out in full, and version 1 also lacked the
 * bounce class, which reads as 0.
 */
final class MessageCodec {
    static final byte LAYOUT_VERSION = 3;
    /** Wrote repeats in full. */
    static final byte LAYOUT_WITHOUT_REPEATS = 2;
    private static final byte LAYOUT_WITHOUT_BOUNCE_CLASS = 1;
    /** The length that stands for "the same text as the field it repeats". */
    static final int SAME = -1;

    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final Completeness[] COMPLETENESS = Completeness.values();

    private MessageCodec() {
    }

    static MessageRecord read(Bytes<?> bytes) {
        return read(bytes, null);
    }

    /**
     * @param pool shares repeated values (domains, bindings, response texts, connection ids, MX addresses) among the
     *             messages read, so the models holding a backlog of them do not hold a copy per message; or null
     */
    static MessageRecord read(Bytes<?> bytes, StringPool pool) {
        final byte version = bytes.readByte();
        if (version < LAYOUT_WITHOUT_BOUNCE_CLASS || version > LAYOUT_VERSION) {
            throw new IllegalStateException("traffic store excerpt has layout version " + version
                    + ", this build reads versions " + LAYOUT_WITHOUT_BOUNCE_CLASS + " to " + LAYOUT_VERSION);
        }
        final long receptionMicros = bytes.readLong();
        final String node = readString(bytes, "", pool);
        final String messageId = readString(bytes, "", null);
        final String recipientDomain = readString(bytes, "", pool);
        final String routingDomain = readString(bytes, recipientDomain, pool);
        final String senderDomain = readString(bytes, "", pool);
        final String bindingGroup = readString(bytes, "", pool);
        final String binding = readString(bytes, "", pool);
        final long sizeBytes = bytes.readStopBit();
        final int count = (int) bytes.readStopBit();
        final List<Attempt> attempts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            attempts.add(readAttempt(bytes, version != LAYOUT_WITHOUT_BOUNCE_CLASS, bindingGroup, binding, pool));
        }
        return new MessageRecord(receptionMicros, node, messageId, recipientDomain, routingDomain, senderDomain,
                bindingGroup, binding, sizeBytes, attempts, COMPLETENESS[bytes.readByte()]);
    }

    /**
     * Reads what {@link Encoder#string} (or Chronicle's {@code writeUtf8}) wrote, decoding with the JDK: Chronicle's
     * own reader interns every string it reads, which costs more than the decoding.
     *
     * @param same the text a {@link #SAME} length stands for
     */
    private static String readString(Bytes<?> bytes, String same, StringPool pool) {
        final int length = (int) bytes.readStopBit();
        if (length <= 0) {
            return length == SAME ? same : "";
        }
        final byte[] utf8 = new byte[length];
        bytes.read(utf8);
        final String text = new String(utf8, StandardCharsets.UTF_8);
        return pool == null ? text : pool.canonical(text);
    }

    private static Attempt readAttempt(Bytes<?> bytes, boolean bounceClasses, String messageBindingGroup,
                                       String messageBinding, StringPool pool) {
        final long timeMicros = bytes.readLong();
        final Outcome outcome = OUTCOMES[bytes.readByte()];
        final int responseCode = (int) bytes.readStopBit();
        final int retryCount = (int) bytes.readStopBit();
        final int stage = (int) bytes.readStopBit() - 1;
        final double queueSeconds = bytes.readDouble();
        final String responseText = readString(bytes, "", pool);
        final String connectionId = readString(bytes, "", pool);
        final String bindingGroup = readString(bytes, messageBindingGroup, pool);
        final String binding = readString(bytes, messageBinding, pool);
        final String remoteIp = readString(bytes, "", pool);
        final int bounceClass = bounceClasses ? (int) bytes.readStopBit() : 0;
        return new Attempt(timeMicros, outcome, responseCode, responseText, retryCount, queueSeconds,
                connectionId, bindingGroup, binding, stage, remoteIp, bounceClass);
    }

    /**
     * Encodes messages into a reusable array on the heap and copies each into an excerpt in one write. Chronicle's
     * mapped bytes check bounds and position on every small write; a message is about twenty of them, and
     * encoding on the heap first makes an append several times cheaper. Numbers are laid out as Chronicle lays
     * them out (little-endian longs and doubles, its stop-bit encoding), so {@link #read} reads them with
     * Chronicle's own readers.
     */
    static final class Encoder {
        private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
                ByteOrder.LITTLE_ENDIAN);
        private static final int STOP_BIT_MAX_BYTES = 11;

        private static final int REPEAT_SLOTS = 256;

        private byte[] buffer = new byte[512];
        private int length;
        private final String[] repeatSeen = new String[REPEAT_SLOTS];
        private final byte[][] repeatBytes = new byte[REPEAT_SLOTS][];

        /** Encodes {@code message} alone, forgetting what was encoded before. */
        Encoder message(MessageRecord message) {
            length = 0;
            body(message);
            return this;
        }

        /** Encodes {@code sequence} (8 bytes) and then {@code message}, forgetting what was encoded before. */
        Encoder message(long sequence, MessageRecord message) {
            length = 0;
            int64(sequence);
            body(message);
            return this;
        }

        /** Copies what was encoded to {@code bytes} at its write position. */
        void writeTo(Bytes<?> bytes) {
            bytes.write(buffer, 0, length);
        }

        /** @return the bytes encoded so far (a copy) */
        byte[] toByteArray() {
            return Arrays.copyOf(buffer, length);
        }

        private void body(MessageRecord message) {
            int8(LAYOUT_VERSION);
            int64(message.receptionMicros());
            string(message.node());
            string(message.messageId());
            string(message.recipientDomain());
            stringOrSame(message.routingDomain(), message.recipientDomain());
            string(message.senderDomain());
            string(message.bindingGroup());
            string(message.binding());
            stopBit(message.sizeBytes());
            final List<Attempt> attempts = message.attempts();
            stopBit(attempts.size());
            for (int i = 0; i < attempts.size(); i++) {
                attempt(attempts.get(i), message);
            }
            int8((byte) message.completeness().ordinal());
        }

        private void attempt(Attempt attempt, MessageRecord message) {
            int64(attempt.timeMicros());
            int8((byte) attempt.outcome().ordinal());
            stopBit(attempt.responseCode());
            stopBit(attempt.retryCount());
            stopBit(attempt.stage() + 1L);
            int64(Double.doubleToRawLongBits(attempt.queueSeconds()));
            string(attempt.responseText());
            string(attempt.connectionId());
            stringOrSame(attempt.bindingGroup(), message.bindingGroup());
            stringOrSame(attempt.binding(), message.binding());
            string(attempt.remoteIp());
            stopBit(attempt.bounceClass());
        }

        private void int8(byte value) {
            room(1);
            buffer[length++] = value;
        }

        private void int64(long value) {
            room(Long.BYTES);
            LONGS.set(buffer, length, value);
            length += Long.BYTES;
        }

        /**
         * Chronicle's stop-bit encoding: seven bits a byte, least significant first, the high bit set on every byte
         * but the last; a negative value is its complement so encoded, with the last byte's high bit set and a zero
         * byte after it.
         */
        private void stopBit(long value) {
            room(STOP_BIT_MAX_BYTES);
            long rest = value < 0 ? ~value : value;
            while ((rest & ~0x7FL) != 0) {
                buffer[length++] = (byte) (0x80 | rest & 0x7F);
                rest >>>= 7;
            }
            if (value < 0) {
                buffer[length++] = (byte) (0x80 | rest);
                buffer[length++] = 0;
            } else {
                buffer[length++] = (byte) rest;
            }
        }

        /** {@link #SAME} when {@code text} equals {@code repeated} and is not empty, else the text. */
        private void stringOrSame(String text, String repeated) {
            if (!text.isEmpty() && text.equals(repeated)) {
                stopBit(SAME);
            } else {
                string(text);
            }
        }

        /**
         * The stop-bit length of the text's UTF-8 bytes, then the bytes; ASCII text is copied without a detour. The
         * same string instance met twice in a row in its slot (a pooled domain, binding or IP address) has its
         * encoding kept and copied from then on; a string met once is encoded and forgotten.
         */
        private void string(String text) {
            final int slot = StringPool.slot(text, 0, text.length(), REPEAT_SLOTS);
            if (repeatSeen[slot] != text) {
                repeatSeen[slot] = text;
                repeatBytes[slot] = null;
                encode(text);
                return;
            }
            byte[] encoded = repeatBytes[slot];
            if (encoded == null) {
                final int start = length;
                encode(text);
                encoded = Arrays.copyOfRange(buffer, start, length);
                repeatBytes[slot] = encoded;
                return;
            }
            room(encoded.length);
            System.arraycopy(encoded, 0, buffer, length, encoded.length);
            length += encoded.length;
        }

        private void encode(String text) {
            final int chars = text.length();
            room(STOP_BIT_MAX_BYTES + chars);
            final int lengthAt = length;
            stopBit(chars);
            final int start = length;
            for (int i = 0; i < chars; i++) {
                final char c = text.charAt(i);
                if (c >= 0x80) {
                    length = lengthAt;
                    final byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                    stopBit(utf8.length);
                    room(utf8.length);
                    System.arraycopy(utf8, 0, buffer, length, utf8.length);
                    length += utf8.length;
                    return;
                }
                buffer[start + i] = (byte) c;
            }
            length = start + chars;
        }

        private void room(int bytes) {
            if (length + bytes > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + bytes));
            }
        }
    }
}
