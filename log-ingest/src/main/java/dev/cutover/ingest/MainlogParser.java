package dev.cutover.ingest;

import dev.cutover.ingest.ParsedLine.AttemptLine;
import dev.cutover.ingest.ParsedLine.Heartbeat;
import dev.cutover.ingest.ParsedLine.Reception;
import dev.cutover.ingest.ParsedLine.Rejected;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses one line of the Momentum mainlog. In the 3.x / 4.x / 5.x layout the record type is field 4
 * (support.sparkpost.com/momentum/3/3-reference/log-formats-version-3,
 * support.sparkpost.com/momentum/4/log-formats-mainlog; 16-digit microsecond stamps from
 * support.sparkpost.com/momentum/4/config/ref-log-hires-timestamp, Momentum 5.3); in the 2.1 / 2.2 layout
 * it is field 2, and such lines are read by {@link Mainlog2xParser}.
 *
 * <p>For example the D line
 * {@code 1717430403@A1/00-23311-0B7C21F9@A1/00-23311-0B7C21F9@5D/00-23311-91E221F9@D@example.net@48874
 * @retail@retail-ip-03@0@3.18@203.0.113.25} (one line in the log) is a delivery at 1,717,430,403,000,000 µs,
 * retry count 0, 3.18 s after reception, response code 250.
 *
 * <p>Implementer notes:
 * <ul>
 *   <li>The layout is decided per line, since logs written during an upgrade from 2.2 mix both (the 3.x
 *       page introduces the {@code M1} heartbeat to tell them apart): a record type in field 4 means 3.x or
 *       later; otherwise a one-letter type in field 2 means 2.x. A 3.x batch id is never a bare letter and
 *       a 2.x field 4 (a domain, size or byte count) never a record type, so the two tests do not clash.</li>
 *   <li>The separators of a line are found in one scan ({@link LineFields}) and only the fields a parsed
 *       line keeps become strings. Fields whose values repeat line after line (domains, binding groups,
 *       bindings, remote IPs) come from the field index's small pools, so they are not made afresh per line.
 *       The response text of a T or P line (the last field) keeps every {@code @} it contains, as in
 *       {@code 550 5.1.1 <carol@example.net>: User unknown}.</li>
 *   <li>An R line is anchored from both ends: fields 0–4 from the left, peer IP, size, protocol, binding
 *       group and binding from the right. When more than four fields remain in the middle, a localpart
 *       held an {@code @} (Momentum changelog ticket #4712). Quoted localparts are rejoined first; an
 *       {@code @} still left over belongs to whichever localpart is unquoted ({@link ReceptionEnvelope}).</li>
 *   <li>A D or X line may lack its trailing IP field (11 fields), which Momentum omits when
 *       {@code inline_transfail_processing} is off.</li>
 *   <li>The parser never throws: every defect becomes a {@link Rejected} with a {@link RejectReason}.</li>
 * </ul>
 *
 * <p>A parser made by {@link #forJoin()} leaves empty the fields no stored message holds: the batch id, and of an
 * R line the inbound connection id, both localparts, the peer IP and the protocol. An ingest reads millions of
 * lines, and those strings were most of what parsing allocated.
 *
 * <p>Note: a parser reuses its field index from line to line, so it serves one thread.
 */
public final class MainlogParser {
    /** Longest line accepted, in characters (64 KiB). */
    public static final int MAX_LINE_CHARS = 64 * 1024;

    private static final int HEAD_FIELDS = 5;
    private static final int DELIVERY_TAIL_MIN = 6;
    private static final int DELIVERY_TAIL_MAX = 7;
    private static final int FAILURE_TAIL = 9;
    private static final int RECEPTION_RIGHT = 5;
    private static final int ENVELOPE_FIELDS = 4;
    private static final int DELIVERED_CODE = 250;
    private static final char NO_TYPE = 0;
    private static final char HEARTBEAT = 'M';
    /** Stands for the two-letter record type M1. */
    private static final char HEARTBEAT_1 = '1';

    private final LineFields fields = new LineFields();
    private final boolean everyField;

    /** A parser that keeps every field of a line. */
    public MainlogParser() {
        this(true);
    }

    private MainlogParser(boolean everyField) {
        this.everyField = everyField;
    }

    /** @return a parser that keeps only the fields the join stores (see the class comment) */
    public static MainlogParser forJoin() {
        return new MainlogParser(false);
    }

    /**
     * @param line one log line without its line terminator (a trailing carriage return is ignored); may
     *             be null
     * @return the parsed record, or a {@link Rejected} naming the first defect found
     */
    public ParsedLine parse(String line) {
        final RejectReason unusable = screen(line);
        if (unusable != null) {
            return new Rejected(unusable);
        }
        final String text = stripCarriageReturn(line);
        fields.index(text);
        final char type = recordType(fields);
        if (type == NO_TYPE && isOldLayout(fields)) {
            return Mainlog2xParser.parse(text);
        }
        if (fields.count() < HEAD_FIELDS) {
            return new Rejected(RejectReason.TOO_FEW_FIELDS);
        }
        final long timeMicros = MainlogNumbers.epochMicros(text, 0, fields.end(0));
        if (timeMicros < 0) {
            return new Rejected(RejectReason.BAD_TIMESTAMP);
        }
        return parseRecord(timeMicros, type, fields);
    }

    private ParsedLine parseRecord(long timeMicros, char type, LineFields f) {
        if (type == NO_TYPE) {
            return new Rejected(RejectReason.UNKNOWN_RECORD_TYPE);
        }
        if (type != HEARTBEAT && type != HEARTBEAT_1 && f.isEmpty(1)) {
            return new Rejected(RejectReason.MISSING_MESSAGE_ID);
        }
        return switch (type) {
            case 'R' -> reception(timeMicros, f);
            case 'D' -> delivery(timeMicros, AttemptKind.D, f);
            case 'X' -> delivery(timeMicros, AttemptKind.X, f);
            case 'T' -> failure(timeMicros, AttemptKind.T, f);
            case 'P' -> failure(timeMicros, AttemptKind.P, f);
            default -> heartbeat(timeMicros, type == HEARTBEAT ? "M" : "M1", f);
        };
    }

    /**
     * The checks every log line passes before its fields are read, whatever the log.
     *
     * @return EMPTY_LINE, LINE_TOO_LONG or BINARY_DATA when the line cannot be a log line, else null
     */
    public static RejectReason screen(String line) {
        if (line == null || line.isEmpty() || line.equals("\r")) {
            return RejectReason.EMPTY_LINE;
        }
        if (line.length() > MAX_LINE_CHARS) {
            return RejectReason.LINE_TOO_LONG;
        }
        return line.indexOf('\0') >= 0 ? RejectReason.BINARY_DATA : null;
    }

    private static ParsedLine heartbeat(long timeMicros, String type, LineFields f) {
        final boolean idsEmpty = f.isEmpty(1) && f.isEmpty(2) && f.isEmpty(3);
        if (!idsEmpty || f.count() > HEAD_FIELDS) {
            return new Rejected(RejectReason.BAD_HEARTBEAT);
        }
        return new Heartbeat(timeMicros, type);
    }

    private ParsedLine reception(long timeMicros, LineFields f) {
        final int middle = tailFields(f) - RECEPTION_RIGHT;
        if (middle < ENVELOPE_FIELDS) {
            return new Rejected(RejectReason.TOO_FEW_FIELDS);
        }
        final int right = HEAD_FIELDS + middle;
        final long size = MainlogNumbers.count(f.text(), f.start(right + 1), f.end(right + 1));
        if (size < 0) {
            return new Rejected(RejectReason.BAD_NUMBER);
        }
        if (!everyField && middle == ENVELOPE_FIELDS) {
            return new Reception(timeMicros, f.string(1), "", "", "", f.pooledDomain(HEAD_FIELDS + 1), "",
                    f.pooledDomain(HEAD_FIELDS + 3), "", size, f.pooled(right + 2), f.pooled(right + 3),
                    f.pooled(right + 4));
        }
        final String[] envelope = envelope(f, middle);
        return new Reception(timeMicros, f.string(1), f.string(2), f.string(3), envelope[0], lower(envelope[1]),
                envelope[2], lower(envelope[3]), f.string(right), size, f.string(right + 2), f.string(right + 3),
                f.string(right + 4));
    }

    /** @return recipient localpart, recipient domain, sender localpart, sender domain of an R line */
    private static String[] envelope(LineFields f, int middle) {
        final String[] tokens = new String[middle];
        for (int i = 0; i < middle; i++) {
            tokens[i] = f.string(HEAD_FIELDS + i);
        }
        return middle == ENVELOPE_FIELDS ? tokens : ReceptionEnvelope.resolve(tokens, middle);
    }

    private ParsedLine delivery(long timeMicros, AttemptKind kind, LineFields f) {
        final int tail = tailFields(f);
        if (tail < DELIVERY_TAIL_MIN || tail > DELIVERY_TAIL_MAX) {
            return new Rejected(tail < DELIVERY_TAIL_MIN ? RejectReason.TOO_FEW_FIELDS
                    : RejectReason.TOO_MANY_FIELDS);
        }
        final long bytes = count(f, HEAD_FIELDS + 1);
        final int retries = smallCount(f, HEAD_FIELDS + 4);
        final double queueSeconds = seconds(f, HEAD_FIELDS + 5);
        if (bytes < 0 || retries < 0 || Double.isNaN(queueSeconds)) {
            return new Rejected(RejectReason.BAD_NUMBER);
        }
        final String remoteIp = tail == DELIVERY_TAIL_MAX ? f.pooled(HEAD_FIELDS + 6) : "";
        final int code = kind == AttemptKind.D ? DELIVERED_CODE : 0;
        return new AttemptLine(timeMicros, kind, f.string(1), batchId(f), f.string(3), f.pooledDomain(HEAD_FIELDS),
                bytes, f.pooled(HEAD_FIELDS + 2), f.pooled(HEAD_FIELDS + 3), -1, retries, queueSeconds, remoteIp,
                code, "");
    }

    private ParsedLine failure(long timeMicros, AttemptKind kind, LineFields f) {
        if (tailFields(f) < FAILURE_TAIL) {
            return new Rejected(RejectReason.TOO_FEW_FIELDS);
        }
        final long bytes = count(f, HEAD_FIELDS + 1);
        final int stage = smallCount(f, HEAD_FIELDS + 4);
        final int retries = smallCount(f, HEAD_FIELDS + 5);
        final double queueSeconds = seconds(f, HEAD_FIELDS + 6);
        if (bytes < 0 || stage < 0 || retries < 0 || Double.isNaN(queueSeconds)) {
            return new Rejected(RejectReason.BAD_NUMBER);
        }
        final String text = f.pooledRest(HEAD_FIELDS + FAILURE_TAIL - 1);
        return new AttemptLine(timeMicros, kind, f.string(1), batchId(f), f.string(3), f.pooledDomain(HEAD_FIELDS),
                bytes, f.pooled(HEAD_FIELDS + 2), f.pooled(HEAD_FIELDS + 3), stage, retries, queueSeconds,
                f.pooled(HEAD_FIELDS + 7), MainlogNumbers.responseCode(text), text);
    }

    private String batchId(LineFields f) {
        return everyField ? f.string(2) : "";
    }

    /** @return the number of fields after the record type */
    private static int tailFields(LineFields f) {
        return f.count() - HEAD_FIELDS;
    }

    private static long count(LineFields f, int field) {
        return MainlogNumbers.count(f.text(), f.start(field), f.end(field));
    }

    private static int smallCount(LineFields f, int field) {
        return MainlogNumbers.smallCount(f.text(), f.start(field), f.end(field));
    }

    private static double seconds(LineFields f, int field) {
        return MainlogNumbers.seconds(f.text(), f.start(field), f.end(field));
    }

    /**
     * A 3.x, 4.x or 5.x line carries its record type in field 4.
     *
     * @return the type's letter (R, D, X, T or P), {@link #HEARTBEAT} for M, {@link #HEARTBEAT_1} for M1, or
     *         {@link #NO_TYPE} when field 4 holds no record type or the line has fewer than five fields
     */
    private static char recordType(LineFields f) {
        if (f.count() < HEAD_FIELDS) {
            return NO_TYPE;
        }
        final int start = f.start(4);
        final int length = f.end(4) - start;
        final char first = length == 0 ? NO_TYPE : f.text().charAt(start);
        if (length == 2) {
            return first == 'M' && f.text().charAt(start + 1) == '1' ? HEARTBEAT_1 : NO_TYPE;
        }
        return length == 1 && "RDXTPM".indexOf(first) >= 0 ? first : NO_TYPE;
    }

    /** A 2.x line carries its one-letter record type in field 2 (no batch or connection id). */
    private static boolean isOldLayout(LineFields f) {
        return f.count() > 2 && f.end(2) - f.start(2) == 1 && "RDTPXM".indexOf(f.text().charAt(f.start(2))) >= 0;
    }

    /**
     * Splits on {@code @}. With a positive {@code limit} the last field keeps the rest of the text,
     * separators included; with 0 every separator splits.
     */
    static String[] split(String text, int limit) {
        final List<String> fields = new ArrayList<>(16);
        int start = 0;
        int at = text.indexOf('@');
        while (at >= 0 && (limit == 0 || fields.size() < limit - 1)) {
            fields.add(text.substring(start, at));
            start = at + 1;
            at = text.indexOf('@', start);
        }
        fields.add(text.substring(start));
        return fields.toArray(new String[0]);
    }

    /** @return the line without a final carriage return, and without the byte order mark an editor may put first */
    private static String stripCarriageReturn(String line) {
        final int start = !line.isEmpty() && line.charAt(0) == '\uFEFF' ? 1 : 0;
        return line.endsWith("\r") ? line.substring(start, line.length() - 1) : start == 0 ? line : line.substring(1);
    }

    /** @return the domain in lower case; most are already, and come back as they are without a copy */
    private static String lower(String domain) {
        return domain.toLowerCase(Locale.ROOT);
    }
}
