package dev.cutover.ingest;

import dev.cutover.ingest.ParsedLine.AttemptLine;
import dev.cutover.ingest.ParsedLine.Heartbeat;
import dev.cutover.ingest.ParsedLine.Reception;
import dev.cutover.ingest.ParsedLine.Rejected;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
 *   <li>Lines are split with a field limit, so the response text of a T or P line (the last field) keeps
 *       every {@code @} it contains, as in {@code 550 5.1.1 <carol@example.net>: User unknown}.</li>
 *   <li>An R line is anchored from both ends: fields 0–4 from the left, peer IP, size, protocol, binding
 *       group and binding from the right. When more than four fields remain in the middle, a localpart
 *       held an {@code @} (Momentum changelog ticket #4712). A localpart in double quotes is then rejoined;
 *       otherwise the sender localpart is taken to be the token before the sender domain and the recipient
 *       domain the token before that, and everything earlier is the recipient localpart.</li>
 *   <li>A D or X line may lack its trailing IP field (11 fields), which Momentum omits when
 *       {@code inline_transfail_processing} is off.</li>
 *   <li>The parser never throws: every defect becomes a {@link Rejected} with a {@link RejectReason}.</li>
 * </ul>
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
    private static final Set<String> MESSAGE_TYPES = Set.of("R", "D", "X", "T", "P");
    private static final Set<String> RECORD_TYPES = Set.of("R", "D", "X", "T", "P", "M", "M1");

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
        final String[] head = split(text, HEAD_FIELDS + 1);
        if (!hasRecordType(head) && isOldLayout(head)) {
            return Mainlog2xParser.parse(text);
        }
        if (head.length < HEAD_FIELDS) {
            return new Rejected(RejectReason.TOO_FEW_FIELDS);
        }
        final long timeMicros = MainlogNumbers.epochMicros(head[0]);
        if (timeMicros < 0) {
            return new Rejected(RejectReason.BAD_TIMESTAMP);
        }
        return parseRecord(timeMicros, head);
    }

    private static RejectReason screen(String line) {
        if (line == null || line.isEmpty() || line.equals("\r")) {
            return RejectReason.EMPTY_LINE;
        }
        if (line.length() > MAX_LINE_CHARS) {
            return RejectReason.LINE_TOO_LONG;
        }
        return line.indexOf('\0') >= 0 ? RejectReason.BINARY_DATA : null;
    }

    private static ParsedLine parseRecord(long timeMicros, String[] head) {
        final String type = head[4];
        final String rest = head.length > HEAD_FIELDS ? head[HEAD_FIELDS] : null;
        if (MESSAGE_TYPES.contains(type) && head[1].isEmpty()) {
            return new Rejected(RejectReason.MISSING_MESSAGE_ID);
        }
        return switch (type) {
            case "R" -> reception(timeMicros, head, rest);
            case "D", "X" -> delivery(timeMicros, AttemptKind.valueOf(type), head, rest);
            case "T", "P" -> failure(timeMicros, AttemptKind.valueOf(type), head, rest);
            case "M", "M1" -> heartbeat(timeMicros, type, head, rest);
            default -> new Rejected(RejectReason.UNKNOWN_RECORD_TYPE);
        };
    }

    private static ParsedLine heartbeat(long timeMicros, String type, String[] head, String rest) {
        final boolean idsEmpty = head[1].isEmpty() && head[2].isEmpty() && head[3].isEmpty();
        if (!idsEmpty || rest != null) {
            return new Rejected(RejectReason.BAD_HEARTBEAT);
        }
        return new Heartbeat(timeMicros, type);
    }

    private static ParsedLine reception(long timeMicros, String[] head, String rest) {
        final String[] tail = rest == null ? new String[0] : split(rest, 0);
        final int middle = tail.length - RECEPTION_RIGHT;
        if (middle < ENVELOPE_FIELDS) {
            return new Rejected(RejectReason.TOO_FEW_FIELDS);
        }
        final long size = MainlogNumbers.count(tail[middle + 1]);
        if (size < 0) {
            return new Rejected(RejectReason.BAD_NUMBER);
        }
        final String[] envelope = ReceptionEnvelope.resolve(tail, middle);
        return new Reception(timeMicros, head[1], head[2], head[3], envelope[0], lower(envelope[1]),
                envelope[2], lower(envelope[3]), tail[middle], size, tail[middle + 2], tail[middle + 3],
                tail[middle + 4]);
    }

    private static ParsedLine delivery(long timeMicros, AttemptKind kind, String[] head, String rest) {
        final String[] tail = rest == null ? new String[0] : split(rest, 0);
        if (tail.length < DELIVERY_TAIL_MIN || tail.length > DELIVERY_TAIL_MAX) {
            return new Rejected(tail.length < DELIVERY_TAIL_MIN ? RejectReason.TOO_FEW_FIELDS
                    : RejectReason.TOO_MANY_FIELDS);
        }
        final long bytes = MainlogNumbers.count(tail[1]);
        final int retries = MainlogNumbers.smallCount(tail[4]);
        final double queueSeconds = MainlogNumbers.seconds(tail[5]);
        if (bytes < 0 || retries < 0 || Double.isNaN(queueSeconds)) {
            return new Rejected(RejectReason.BAD_NUMBER);
        }
        final String remoteIp = tail.length == DELIVERY_TAIL_MAX ? tail[6] : "";
        final int code = kind == AttemptKind.D ? DELIVERED_CODE : 0;
        return new AttemptLine(timeMicros, kind, head[1], head[2], head[3], lower(tail[0]), bytes, tail[2],
                tail[3], -1, retries, queueSeconds, remoteIp, code, "");
    }

    private static ParsedLine failure(long timeMicros, AttemptKind kind, String[] head, String rest) {
        final String[] tail = rest == null ? new String[0] : split(rest, FAILURE_TAIL);
        if (tail.length < FAILURE_TAIL) {
            return new Rejected(RejectReason.TOO_FEW_FIELDS);
        }
        final long bytes = MainlogNumbers.count(tail[1]);
        final int stage = MainlogNumbers.smallCount(tail[4]);
        final int retries = MainlogNumbers.smallCount(tail[5]);
        final double queueSeconds = MainlogNumbers.seconds(tail[6]);
        if (bytes < 0 || stage < 0 || retries < 0 || Double.isNaN(queueSeconds)) {
            return new Rejected(RejectReason.BAD_NUMBER);
        }
        final String text = tail[8];
        return new AttemptLine(timeMicros, kind, head[1], head[2], head[3], lower(tail[0]), bytes, tail[2],
                tail[3], stage, retries, queueSeconds, tail[7], MainlogNumbers.responseCode(text), text);
    }

    /** A 3.x, 4.x or 5.x line carries its record type in field 4. */
    private static boolean hasRecordType(String[] fields) {
        return fields.length >= HEAD_FIELDS && RECORD_TYPES.contains(fields[4]);
    }

    /** A 2.x line carries its one-letter record type in field 2 (no batch or connection id). */
    private static boolean isOldLayout(String[] fields) {
        return fields.length > 2 && "RDTPXM".contains(fields[2]) && fields[2].length() == 1;
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

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String lower(String domain) {
        return domain.toLowerCase(Locale.ROOT);
    }
}
