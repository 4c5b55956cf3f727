package dev.cutover.ingest;

import dev.cutover.ingest.ParsedLine.AttemptLine;
import dev.cutover.ingest.ParsedLine.Heartbeat;
import dev.cutover.ingest.ParsedLine.Reception;
import dev.cutover.ingest.ParsedLine.Rejected;

import java.util.Arrays;
import java.util.Locale;

/**
 * Parses one line of the Momentum 2.1 or 2.2 mainlog, where the record type is field 2 because there is
 * no batch or connection id (SparkPost/momentum-documentation {@code docs/web/log_formats.version_2.md},
 * commit 1a09a0a, appendix C.1.1 for 2.2 and C.1.2 for 2.1). {@link MainlogParser} hands such lines here.
 *
 * <p>For example the 2.2 T line
 * {@code 1064869327@00/00-25593-CBD987F3@T@example.fict@0@group-a@binding-a@15@0@18.53@10.0.0.1@421 no adequate
 * servers} (one line in the log) has 12 fields: a transient failure at 1,064,869,327,000,000 µs, stage 15,
 * retry count 0, 18.53 s in queue, response code 421. The same event in 2.1 has 10 fields: no binding group
 * between the byte count and the binding, and no IP before the text.
 *
 * <p>Field counts, 2.2 / 2.1: R 12 / 11, D 10 / 8, T and P 12 / 10 (the text may add more), heartbeat
 * {@code ts@@M} 3 in both. The 2.2 transfer protocol {@code xfr} is stored as {@code xfer}, the 3.x spelling
 * (support.sparkpost.com/momentum/3/3-reference/log-formats-version-3). Batch id and connection id are
 * empty; a 2.1 line has an empty binding group, and a 2.1 D, T or P line an empty remote IP.
 *
 * <p>Where the count alone does not tell the versions apart, these rules decide:
 * <ul>
 *   <li>R with 12 or more fields is 2.2 when the fourth field from the end is a plain number (the 2.2 size;
 *       in 2.1 that field is the peer IP), otherwise 2.1 with an {@code @} inside a localpart.</li>
 *   <li>D with 9 fields is 2.2 without its trailing IP, mirroring the 3.x rule in {@link MainlogParser}.</li>
 *   <li>T or P with 11 fields is 2.1 with one {@code @} in the text. With 12 or more it is 2.2 when fields 7
 *       and 8 are counts and field 9 a queue time (in 2.1 these numbers sit one field earlier), otherwise
 *       2.1 with {@code @} in the text.</li>
 * </ul>
 *
 * <p>Note: the 2.x pages define no X record for the mainlog, so an X in field 2 is rejected as
 * {@link RejectReason#UNSUPPORTED_LAYOUT}. A 2.1 T line whose queue time has no decimals and whose text
 * starts with a bare number followed by {@code @} would be read as 2.2; Momentum texts open with an SMTP code
 * and a space, so this is not expected in real logs.
 */
final class Mainlog2xParser {
    private static final int TYPE = 2;
    private static final int RECEPTION_21 = 11;
    private static final int DELIVERY_21 = 8;
    private static final int DELIVERY_22_NO_IP = 9;
    private static final int DELIVERY_22 = 10;
    private static final int FAILURE_21 = 10;
    private static final int FAILURE_22 = 12;
    private static final int BINDING_GROUP_21_AT = 5;
    private static final int DELIVERED_CODE = 250;

    private Mainlog2xParser() {
    }

    /**
     * @param line a screened line without its terminator whose field 2 is a one-letter record type
     * @return the parsed record, or a {@link Rejected} naming the first defect found
     */
    static ParsedLine parse(String line) {
        final String[] fields = MainlogParser.split(line, 0);
        final long timeMicros = MainlogNumbers.epochMicros(fields[0]);
        if (timeMicros < 0) {
            return new Rejected(RejectReason.BAD_TIMESTAMP);
        }
        final String type = fields[TYPE];
        if (!type.equals("M") && fields[1].isEmpty()) {
            return new Rejected(RejectReason.MISSING_MESSAGE_ID);
        }
        return switch (type) {
            case "R" -> reception(timeMicros, fields);
            case "D" -> delivery(timeMicros, fields);
            case "T", "P" -> failure(timeMicros, AttemptKind.valueOf(type), fields);
            case "M" -> heartbeat(timeMicros, fields);
            default -> new Rejected(RejectReason.UNSUPPORTED_LAYOUT);
        };
    }

    private static ParsedLine heartbeat(long timeMicros, String[] fields) {
        final boolean wellFormed = fields.length == TYPE + 1 && fields[1].isEmpty();
        return wellFormed ? new Heartbeat(timeMicros, "M") : new Rejected(RejectReason.BAD_HEARTBEAT);
    }

    private static ParsedLine reception(long timeMicros, String[] fields) {
        if (fields.length < RECEPTION_21) {
            return new Rejected(RejectReason.TOO_FEW_FIELDS);
        }
        final String[] f = isReception22(fields) ? fields : insertEmpty(fields, fields.length - 1);
        final int n = f.length;
        final long size = MainlogNumbers.count(f[n - 4]);
        if (size < 0) {
            return new Rejected(RejectReason.BAD_NUMBER);
        }
        final String[] envelope = ReceptionEnvelope.resolve(Arrays.copyOfRange(f, TYPE + 1, n), n - 8);
        return new Reception(timeMicros, f[1], "", "", envelope[0], lower(envelope[1]), envelope[2],
                lower(envelope[3]), f[n - 5], size, protocol(f[n - 3]), f[n - 2], f[n - 1]);
    }

    private static boolean isReception22(String[] fields) {
        return fields.length > RECEPTION_21 && MainlogNumbers.count(fields[fields.length - 4]) >= 0;
    }

    private static ParsedLine delivery(long timeMicros, String[] fields) {
        final int n = fields.length;
        if (n < DELIVERY_21 || n > DELIVERY_22) {
            return new Rejected(n < DELIVERY_21 ? RejectReason.TOO_FEW_FIELDS : RejectReason.TOO_MANY_FIELDS);
        }
        final String[] f = n == DELIVERY_21 ? insertEmpty(fields, BINDING_GROUP_21_AT) : fields;
        final long bytes = MainlogNumbers.count(f[4]);
        final int retries = MainlogNumbers.smallCount(f[7]);
        final double queueSeconds = MainlogNumbers.seconds(f[8]);
        if (bytes < 0 || retries < 0 || Double.isNaN(queueSeconds)) {
            return new Rejected(RejectReason.BAD_NUMBER);
        }
        final String remoteIp = f.length == DELIVERY_22 ? f[9] : "";
        return new AttemptLine(timeMicros, AttemptKind.D, f[1], "", "", lower(f[3]), bytes, f[5], f[6], -1,
                retries, queueSeconds, remoteIp, DELIVERED_CODE, "");
    }

    private static ParsedLine failure(long timeMicros, AttemptKind kind, String[] fields) {
        if (fields.length < FAILURE_21) {
            return new Rejected(RejectReason.TOO_FEW_FIELDS);
        }
        final String[] f = isFailure22(fields) ? fields : asFailure22(fields);
        final long bytes = MainlogNumbers.count(f[4]);
        final int stage = MainlogNumbers.smallCount(f[7]);
        final int retries = MainlogNumbers.smallCount(f[8]);
        final double queueSeconds = MainlogNumbers.seconds(f[9]);
        if (bytes < 0 || stage < 0 || retries < 0 || Double.isNaN(queueSeconds)) {
            return new Rejected(RejectReason.BAD_NUMBER);
        }
        final String text = String.join("@", Arrays.asList(f).subList(FAILURE_22 - 1, f.length));
        return new AttemptLine(timeMicros, kind, f[1], "", "", lower(f[3]), bytes, f[5], f[6], stage, retries,
                queueSeconds, f[10], MainlogNumbers.responseCode(text), text);
    }

    private static boolean isFailure22(String[] fields) {
        return fields.length >= FAILURE_22 && MainlogNumbers.count(fields[7]) >= 0
                && MainlogNumbers.count(fields[8]) >= 0 && !Double.isNaN(MainlogNumbers.seconds(fields[9]));
    }

    /** Gives a 2.1 T or P line the 2.2 shape: an empty binding group and an empty IP before the text. */
    private static String[] asFailure22(String[] fields) {
        return insertEmpty(insertEmpty(fields, BINDING_GROUP_21_AT), FAILURE_22 - 2);
    }

    private static String[] insertEmpty(String[] fields, int at) {
        final String[] widened = new String[fields.length + 1];
        System.arraycopy(fields, 0, widened, 0, at);
        widened[at] = "";
        System.arraycopy(fields, at, widened, at + 1, fields.length - at);
        return widened;
    }

    private static String protocol(String field) {
        return field.equals("xfr") ? "xfer" : field;
    }

    private static String lower(String domain) {
        return domain.toLowerCase(Locale.ROOT);
    }
}
