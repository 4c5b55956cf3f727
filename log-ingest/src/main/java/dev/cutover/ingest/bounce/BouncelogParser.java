package dev.cutover.ingest.bounce;

import dev.cutover.ingest.LineFields;
import dev.cutover.ingest.MainlogNumbers;
import dev.cutover.ingest.MainlogParser;
import dev.cutover.ingest.ReceptionEnvelope;
import dev.cutover.ingest.RejectReason;
import dev.cutover.ingest.bounce.ParsedBounceLine.Heartbeat;
import dev.cutover.ingest.bounce.ParsedBounceLine.Rejected;

import java.util.Locale;

/**
 * Parses one line of the Momentum bouncelog, which the {@code bounce_logger} module writes
 * (support.sparkpost.com/momentum/4/log-formats-bouncelog, support.sparkpost.com/momentum/4/modules/bounce-logger;
 * 16-digit microsecond stamps from support.sparkpost.com/momentum/4/config/ref-log-hires-timestamp, Momentum 5.3).
 *
 * <p>A bounce or transient-failure line has 16 {@code @}-separated fields:
 * {@code time@message-id@batch-id@connection-id@B|T@recipient localpart@recipient domain@sender localpart@
 * sender domain@binding group@binding@stage@bounce class@size@remote IP@response text} (one line in the log).
 * So {@code 1717433012@A5/00-23311-4E7C21F9@A5/00-23311-4E7C21F9@9B/00-23311-F7E221F9@B@dave@example.org@
 * bounce-7731@news.example.com@retail@retail-ip-04@21@22@3120@198.51.100.23@552 5.2.2 Mailbox full} is an
 * out-of-band bounce (stage 21) of class 22, Mailbox Full, at 1,717,433,012,000,000 µs with reply code 552. A
 * heartbeat is {@code 1717430460@@@@M1}: fields 1 to 3 stay empty so that the type is still field 4.
 *
 * <p>Implementer notes:
 * <ul>
 *   <li>The separators are found in one scan ({@link LineFields}) and only the fields a {@link BounceLine} keeps
 *       become strings. The response text is the rest of the line from field 15 on, so it keeps every {@code @}
 *       it holds, as in {@code 550 5.1.1 <carol@example.net>: User unknown}, as a split limited to 16 fields
 *       would.</li>
 *   <li>A localpart may hold an {@code @} inside quotes, as on mainlog R lines (Momentum changelog ticket #4712),
 *       and then spills into more fields. The line is anchored from both ends of the envelope: fields 0 to 4
 *       from the left, and from the right the block binding group, binding, stage, bounce class, size, remote IP,
 *       response text, found at the first place where stage, bounce class and size are all plain numbers. What
 *       lies between is the envelope, resolved as the mainlog parser resolves an R line
 *       ({@link ReceptionEnvelope}): quoted localparts are rejoined first, and an {@code @} still left over
 *       belongs to whichever localpart is unquoted.</li>
 *   <li>A line of 16 fields or more where no such place exists, or whose stage or bounce class there exceeds an
 *       int, is {@link RejectReason#BAD_NUMBER}. A bounce class code the documentation does not list is kept; its
 *       {@link BounceLine#bounceClass()} is null.</li>
 *   <li>A rejected line allocates no result (one {@link Rejected} per reason is shared), and a line without a
 *       spilled localpart allocates only its {@link BounceLine} and the strings it keeps.</li>
 *   <li>The parser never throws: every defect becomes a {@link Rejected} with a {@link RejectReason}.</li>
 * </ul>
 *
 * <p>Note: when a localpart spills and the binding group or binding is itself a plain number, the right anchor
 * can be found too early and the line is misread; binding groups and bindings are names, so this is not expected
 * in real logs. A parser reuses its field index from line to line, so it serves one thread.
 */
public final class BouncelogParser {
    private static final int TYPE = 4;
    private static final int HEAD_FIELDS = 5;
    private static final int ENVELOPE_FIELDS = 4;
    private static final int BLOCK_FIELDS = 7;
    private static final int BOUNCE_FIELDS = HEAD_FIELDS + ENVELOPE_FIELDS + BLOCK_FIELDS;
    private static final int BINDING = 1;
    private static final int STAGE = 2;
    private static final int BOUNCE_CLASS = 3;
    private static final int SIZE = 4;
    private static final int REMOTE_IP = 5;
    private static final int RESPONSE_TEXT = 6;
    private static final Rejected[] REJECTIONS = rejections();

    private final LineFields fields = new LineFields();

    /**
     * @param line one log line without its line terminator (a trailing carriage return is ignored); may be null
     * @return the parsed record, or a {@link Rejected} naming the first defect found
     */
    public ParsedBounceLine parse(String line) {
        final RejectReason unusable = MainlogParser.screen(line);
        if (unusable != null) {
            return rejected(unusable);
        }
        final String text = stripCarriageReturn(line);
        fields.index(text);
        if (fields.count() < HEAD_FIELDS) {
            return rejected(RejectReason.TOO_FEW_FIELDS);
        }
        final long timeMicros = MainlogNumbers.epochMicros(text, 0, fields.end(0));
        if (timeMicros < 0) {
            return rejected(RejectReason.BAD_TIMESTAMP);
        }
        return parseRecord(timeMicros, fields);
    }


    private static ParsedBounceLine parseRecord(long timeMicros, LineFields f) {
        if (f.is(TYPE, "B")) {
            return bounce(timeMicros, BounceKind.B, f);
        }
        if (f.is(TYPE, "T")) {
            return bounce(timeMicros, BounceKind.T, f);
        }
        if (f.is(TYPE, "M1")) {
            return heartbeat(timeMicros, "M1", f);
        }
        return f.is(TYPE, "M") ? heartbeat(timeMicros, "M", f) : rejected(RejectReason.UNKNOWN_RECORD_TYPE);
    }

    private static ParsedBounceLine heartbeat(long timeMicros, String type, LineFields f) {
        final boolean idsEmpty = f.isEmpty(1) && f.isEmpty(2) && f.isEmpty(3);

        return idsEmpty && f.count() == HEAD_FIELDS ? new Heartbeat(timeMicros, type)
                : rejected(RejectReason.BAD_HEARTBEAT);
    }

    private static ParsedBounceLine bounce(long timeMicros, BounceKind kind, LineFields f) {
        if (f.isEmpty(1)) {
            return rejected(RejectReason.MISSING_MESSAGE_ID);
        }
        if (f.count() < BOUNCE_FIELDS) {
            return rejected(RejectReason.TOO_FEW_FIELDS);
        }
        final int width = envelopeWidth(f);
        if (width < 0) {
            return rejected(RejectReason.BAD_NUMBER);
        }
        final int block = HEAD_FIELDS + width;
        final int stage = smallCount(f, block + STAGE);
        final int bounceClass = smallCount(f, block + BOUNCE_CLASS);
        final long size = count(f, block + SIZE);
        if (stage < 0 || bounceClass < 0) {
            return rejected(RejectReason.BAD_NUMBER);
        }

        final String[] spilled = width == ENVELOPE_FIELDS ? null : ReceptionEnvelope.resolve(tokens(f, width), width);
        final String text = f.rest(block + RESPONSE_TEXT);
        return new BounceLine(timeMicros, f.string(1), f.string(2), f.string(3), kind,
                envelope(f, spilled, 0), lower(envelope(f, spilled, 1)), envelope(f, spilled, 2),
                lower(envelope(f, spilled, 3)), f.string(block), f.string(block + BINDING), stage, bounceClass, size,
                f.string(block + REMOTE_IP), text, MainlogNumbers.responseCode(text));
    }

    /**
     * @return how many fields the envelope spans (4 unless a localpart spilled), or -1 when no place leaves room
     *         for the block and holds stage, bounce class and size as plain numbers
     */
    private static int envelopeWidth(LineFields f) {
        final int widest = f.count() - HEAD_FIELDS - BLOCK_FIELDS;

        for (int width = ENVELOPE_FIELDS; width <= widest; width++) {
            if (holdsNumbers(f, HEAD_FIELDS + width)) {
                return width;
            }
        }
        return -1;
    }

    private static boolean holdsNumbers(LineFields f, int block) {
        return count(f, block + STAGE) >= 0 && count(f, block + BOUNCE_CLASS) >= 0 && count(f, block + SIZE) >= 0;
    }

    /** @return the {@code width} fields of a spilled envelope */
    private static String[] tokens(LineFields f, int width) {
        final String[] tokens = new String[width];
        for (int i = 0; i < width; i++) {
            tokens[i] = f.string(HEAD_FIELDS + i);
        }
        return tokens;
    }

    /**
     * @param spilled the resolved envelope when a localpart spilled, else null
     * @param part    0 to 3: recipient localpart, recipient domain, sender localpart, sender domain
     */
    private static String envelope(LineFields f, String[] spilled, int part) {
        return spilled == null ? f.string(HEAD_FIELDS + part) : spilled[part];
    }

    private static long count(LineFields f, int field) {
        return MainlogNumbers.count(f.text(), f.start(field), f.end(field));
    }

    private static int smallCount(LineFields f, int field) {
        return MainlogNumbers.smallCount(f.text(), f.start(field), f.end(field));
    }

    private static Rejected rejected(RejectReason reason) {
        return REJECTIONS[reason.ordinal()];
    }

    private static Rejected[] rejections() {
        final RejectReason[] reasons = RejectReason.values();
        final Rejected[] all = new Rejected[reasons.length];
        for (RejectReason reason : reasons) {
            all[reason.ordinal()] = new Rejected(reason);
        }
        return all;
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String lower(String domain) {
        return domain.toLowerCase(Locale.ROOT);
    }
}
