package dev.cutover.ingest;

import net.openhft.chronicle.bytes.Bytes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The binary layout of one {@link MessageRecord} in a traffic-store excerpt.
 *
 * <p>Layout version 4, in order: the version byte; reception micros (8 bytes); node, message id,
 * recipient domain, routing domain, sender domain, binding group, binding (length-prefixed UTF-8);
 * size (stop-bit); attempt count (stop-bit) and per attempt: time micros (8 bytes), outcome ordinal
 * (1 byte), response code, retry count, stage + 1 (stop-bit each), queue seconds (8-byte double), response
 * text, connection id, binding group, binding, remote IP (length-prefixed UTF-8), bounce class (stop-bit);
 * the completeness ordinal (1 byte); last the reception protocol (length-prefixed UTF-8). The store puts an 8-byte
 * sequence number before each message
 * ({@link TrafficStore}).
 *
 * <p>Repeats: a routing domain equal to the recipient domain, and an attempt's binding group or binding equal to
 * the message's, are written as the length -1 ({@link #SAME}, two bytes) instead of the text, which is how nearly
 * every message is logged. A delivered message with one attempt takes about 120 bytes, and a reader shares one
 * string among the repeats.
 *
 * <p>Earlier layouts read the same way: version 3 lacked the protocol, which reads as "" (unknown), version 2 also
 * wrote every repeat out in full, and version 1 also lacked the bounce class, which reads as 0.
 */
final class MessageCodec {
    static final byte LAYOUT_VERSION = 4;
    /** Kept no reception protocol. */
    static final byte LAYOUT_WITHOUT_PROTOCOL = 3;
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
        return new Decoder(null).read(bytes);
    }

    /**
     * Decodes messages from a reusable array on the heap: each excerpt is copied there in one read, then decoded
     * without Chronicle's per-call checks. Repeated values are taken from a {@link StringPool} by their bytes, so a
     * domain or binding met before costs no allocation.
     */
    static final class Decoder {
        private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
                ByteOrder.LITTLE_ENDIAN);

        private final StringPool pool;
        private Bytes<?> source;
        private byte[] buffer = new byte[512];
        private int position;
        private int limit;

        /**
         * @param pool shares repeated values (domains, bindings, response texts, connection ids, MX addresses)
         *             among the messages read, so the models holding a backlog of them do not hold a copy per
         *             message; or null
         */
        Decoder(StringPool pool) {
            this.pool = pool;
        }

        /**
         * Reads the message at {@code bytes}' read position, which is left just after it. The excerpt is copied in
         * chunks of the array's size, so a message read from a longer buffer copies little more than itself.
         */
        MessageRecord read(Bytes<?> bytes) {
            source = bytes;
            final long start = bytes.readPosition();
            position = 0;
            limit = 0;
            fetch(1);
            final MessageRecord message = message();
            bytes.readPosition(start + position);
            source = null;
            return message;
        }

        /** Copies more of the source, at least {@code bytes} more when it has them. */
        private void fetch(int bytes) {
            final long remaining = source.readRemaining();
            if (remaining < bytes) {
                throw new IllegalStateException("traffic store excerpt ends inside a message");
            }
            if (buffer.length - limit < bytes) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, limit + bytes));
            }
            final int chunk = (int) Math.min(remaining, buffer.length - limit);
            source.read(buffer, limit, chunk);
            limit += chunk;
        }

        private MessageRecord message() {
            final byte version = int8();
            if (version < LAYOUT_WITHOUT_BOUNCE_CLASS || version > LAYOUT_VERSION) {
                throw new IllegalStateException("traffic store excerpt has layout version " + version
                        + ", this build reads versions " + LAYOUT_WITHOUT_BOUNCE_CLASS + " to " + LAYOUT_VERSION);
            }
            final long receptionMicros = int64();
            final String node = string("", pool);
            final String messageId = string("", null);
            final String recipientDomain = string("", pool);
            final String routingDomain = string(recipientDomain, pool);
            final String senderDomain = string("", pool);
            final String bindingGroup = string("", pool);
            final String binding = string("", pool);
            final long sizeBytes = stopBit();
            final int count = (int) stopBit();
            final boolean bounceClasses = version != LAYOUT_WITHOUT_BOUNCE_CLASS;
            final List<Attempt> attempts;
            if (count == 0) {
                attempts = List.of();
            } else if (count == 1) {
                attempts = List.of(attempt(bounceClasses, bindingGroup, binding));
            } else if (count == 2) {
                final Attempt first = attempt(bounceClasses, bindingGroup, binding);
                attempts = List.of(first, attempt(bounceClasses, bindingGroup, binding));
            } else {
                final Attempt[] read = new Attempt[count];
                for (int i = 0; i < count; i++) {
                    read[i] = attempt(bounceClasses, bindingGroup, binding);
                }
                attempts = List.of(read);
            }
            final Completeness completeness = COMPLETENESS[int8()];
            final String protocol = version > LAYOUT_WITHOUT_PROTOCOL ? string("", pool) : "";
            return new MessageRecord(receptionMicros, node, messageId, recipientDomain, routingDomain, senderDomain,
                    bindingGroup, binding, sizeBytes, attempts, completeness, protocol);
        }

        private Attempt attempt(boolean bounceClasses, String messageBindingGroup, String messageBinding) {
            final long timeMicros = int64();
            final Outcome outcome = OUTCOMES[int8()];
            final int responseCode = (int) stopBit();
            final int retryCount = (int) stopBit();
            final int stage = (int) stopBit() - 1;
            final double queueSeconds = Double.longBitsToDouble(int64());
            final String responseText = string("", pool);
            final String connectionId = string("", pool);
            final String bindingGroup = string(messageBindingGroup, pool);
            final String binding = string(messageBinding, pool);
            final String remoteIp = string("", pool);
            final int bounceClass = bounceClasses ? (int) stopBit() : 0;
            return new Attempt(timeMicros, outcome, responseCode, responseText, retryCount, queueSeconds,
                    connectionId, bindingGroup, binding, stage, remoteIp, bounceClass);
        }

        private byte int8() {
            need(1);
            return buffer[position++];
        }

        private long int64() {
            need(Long.BYTES);
            final long value = (long) LONGS.get(buffer, position);
            position += Long.BYTES;
            return value;
        }

        /**
         * Chronicle's stop-bit encoding, as {@link Encoder#stopBit} writes it: a zero byte ending a number of more
         * than one byte marks the complement of a negative value.
         */
        private long stopBit() {
            long value = 0;
            int shift = 0;
            byte b;
            while ((b = int8()) < 0) {
                value |= (long) (b & 0x7F) << shift;
                shift += 7;
                if (shift > 63) {
                    throw new IllegalStateException("traffic store excerpt has a malformed number");
                }
            }
            if (b == 0 && shift > 0) {
                return ~value;
            }
            return value | (long) b << shift;
        }

        /**
         * Reads what {@link Encoder#string} (or Chronicle's {@code writeUtf8}) wrote.
         *
         * @param same the text a {@link #SAME} length stands for
         */
        private String string(String same, StringPool strings) {
            final int length = (int) stopBit();
            if (length <= 0) {
                return length == SAME ? same : "";
            }
            need(length);
            final int start = position;
            position += length;
            return strings == null ? new String(buffer, start, length, StandardCharsets.UTF_8)
                    : strings.canonical(buffer, start, length);
        }

        private void need(int bytes) {
            if (limit - position < bytes) {
                fetch(bytes - (limit - position));
            }
        }
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
            string(message.protocol());
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
