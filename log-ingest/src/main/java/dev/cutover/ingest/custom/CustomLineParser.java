package dev.cutover.ingest.custom;

import dev.cutover.ingest.AttemptKind;
import dev.cutover.ingest.MainlogNumbers;
import dev.cutover.ingest.MainlogParser;
import dev.cutover.ingest.ParsedLine.AttemptLine;
import dev.cutover.ingest.ParsedLine.Reception;
import dev.cutover.ingest.ReceptionOrderJoiner;
import dev.cutover.ingest.RejectReason;

import java.util.Locale;

/**
 * Parses one line of a {@code custom_logger} stage file (support.sparkpost.com/momentum/4/modules/custom-logger)
 * into the attempt it records and the reception it implies.
 *
 * <p>Example: with the delivery format {@code %t,%i,%g,%b,%R,%d,%H,%N,%T{3},%n}, the line
 * {@code 1717430403,A1,retail,retail-ip-03,example.net,example.net,203.0.113.25,0,3.180,250 ok} is a delivery
 * at 1,717,430,403,000,000 µs with response code 250, retry count 0, remote IP 203.0.113.25, of a message
 * received 3.18 s earlier, at 1,717,430,399,820,000 µs.
 *
 * <p>Field rules: the recipient domain is {@code %R}, else {@code %d}; the routing domain {@code %d}, else
 * {@code %R}; both are lower-cased. The response code is the leading three digits of {@code %n} (250 for a
 * delivery whose {@code %n} carries none, as for a mainlog D line); a delivery keeps no response text, like a
 * D line. Absent fields read as empty, or 0 for {@code %N} and {@code %B}, or -1 for {@code %S}. The size
 * {@code %B} is both the reception's size and the attempt's byte count.
 *
 * <p>The parser never throws; a line that does not fit becomes a {@link CustomLine#rejectedFor rejection}.
 */
public final class CustomLineParser {
    private static final int DELIVERED_CODE = 250;

    private final CustomLogFormat format;
    private final AttemptKind kind;
    private final CustomLineSplitter splitter;

    /**
     * @param format the stage's format string, parsed
     * @param stage  the stage the file was written for
     */
    public CustomLineParser(CustomLogFormat format, CustomLogStage stage) {
        this.format = format;
        this.kind = stage.kind();
        this.splitter = new CustomLineSplitter(format);
    }

    /** @param line one line without its terminator (a trailing carriage return is ignored); may be null */
    public CustomLine parse(String line) {
        final RejectReason unusable = MainlogParser.screen(line);
        if (unusable != null) {
            return CustomLine.rejectedFor(unusable);
        }
        final String[] values = splitter.split(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        return values == null ? CustomLine.rejectedFor(splitter.failure()) : parseValues(new Values(format, values));
    }


    private CustomLine parseValues(Values v) {
        final long timeMicros = timeMicros(v);
        if (timeMicros < 0) {
            return CustomLine.rejectedFor(RejectReason.BAD_TIMESTAMP);
        }
        if (v.get(CustomLogSpecifier.MESSAGE_ID).isEmpty()) {
            return CustomLine.rejectedFor(RejectReason.MISSING_MESSAGE_ID);
        }
        final String recipientDomain = lower(v.either(CustomLogSpecifier.RECIPIENT_DOMAIN,
                CustomLogSpecifier.ROUTING_DOMAIN));
        final String routingDomain = lower(v.either(CustomLogSpecifier.ROUTING_DOMAIN,
                CustomLogSpecifier.RECIPIENT_DOMAIN));
        if (recipientDomain.isEmpty()) {
            return CustomLine.rejectedFor(RejectReason.BAD_CUSTOM_FIELD);
        }
        if (ReceptionOrderJoiner.notADomain(recipientDomain) || ReceptionOrderJoiner.notADomain(routingDomain)) {
            return CustomLine.rejectedFor(RejectReason.BAD_DOMAIN);
        }
        return numbers(v, timeMicros, recipientDomain, routingDomain);
    }

    private CustomLine numbers(Values v, long timeMicros, String recipientDomain, String routingDomain) {
        final double queueSeconds = MainlogNumbers.seconds(v.get(CustomLogSpecifier.QUEUE_TIME));
        final int retries = v.count(CustomLogSpecifier.RETRY_COUNT, 0);
        final int stage = kind == AttemptKind.D ? -1 : v.count(CustomLogSpecifier.STAGE, -1);
        final long size = v.count(CustomLogSpecifier.SIZE, 0);
        final long receptionMicros = Double.isNaN(queueSeconds) ? -1
                : timeMicros - Math.round(queueSeconds * MainlogNumbers.MICROS_PER_SECOND);
        final boolean badStage = kind != AttemptKind.D && v.has(CustomLogSpecifier.STAGE) && stage < 0;
        if (receptionMicros < 0 || retries < 0 || size < 0 || badStage) {
            return CustomLine.rejectedFor(RejectReason.BAD_NUMBER);
        }
        final Reception reception = reception(v, receptionMicros, recipientDomain, size);
        return new CustomLine(reception, attempt(v, timeMicros, routingDomain, size, stage, retries, queueSeconds),
                null);
    }

    private static Reception reception(Values v, long receptionMicros, String recipientDomain, long size) {
        return new Reception(receptionMicros, v.get(CustomLogSpecifier.MESSAGE_ID),
                v.get(CustomLogSpecifier.BATCH_ID), "", v.get(CustomLogSpecifier.RECIPIENT_LOCALPART),
                recipientDomain, v.get(CustomLogSpecifier.SENDER_LOCALPART),
                lower(v.get(CustomLogSpecifier.SENDER_DOMAIN)), "", size, v.get(CustomLogSpecifier.PROTOCOL),
                v.get(CustomLogSpecifier.BINDING_GROUP), v.get(CustomLogSpecifier.BINDING));
    }

    private AttemptLine attempt(Values v, long timeMicros, String routingDomain, long size, int stage, int retries,
                                double queueSeconds) {
        final String response = v.get(CustomLogSpecifier.RESPONSE);
        final int code = MainlogNumbers.responseCode(response);
        final boolean delivered = kind == AttemptKind.D;
        return new AttemptLine(timeMicros, kind, v.get(CustomLogSpecifier.MESSAGE_ID),
                v.get(CustomLogSpecifier.BATCH_ID), v.get(CustomLogSpecifier.CONNECTION_ID), routingDomain, size,
                v.get(CustomLogSpecifier.BINDING_GROUP), v.get(CustomLogSpecifier.BINDING), stage, retries,
                queueSeconds, v.get(CustomLogSpecifier.REMOTE_IP), delivered && code == 0 ? DELIVERED_CODE : code,
                delivered ? "" : response);
    }

    /** @return the line time from {@code %t} and any {@code %us{N}}, or -1 when malformed */
    private static long timeMicros(Values v) {
        final long seconds = MainlogNumbers.epochMicros(v.get(CustomLogSpecifier.TIME));
        if (seconds < 0 || !v.has(CustomLogSpecifier.SUBSECOND)) {
            return seconds;
        }
        final String digits = v.get(CustomLogSpecifier.SUBSECOND);
        final long fraction = MainlogNumbers.count(digits);
        if (fraction < 0 || digits.length() > 6) {
            return -1;
        }
        return seconds + fraction * (long) Math.pow(10, 6 - digits.length());
    }

    private static String lower(String domain) {
        return domain.toLowerCase(Locale.ROOT);
    }

    /** The values of one line, looked up by specifier. */
    private static final class Values {
        private final CustomLogFormat format;
        private final String[] values;

        Values(CustomLogFormat format, String[] values) {
            this.format = format;
            this.values = values;
        }

        boolean has(CustomLogSpecifier specifier) {
            return format.indexOf(specifier) >= 0;
        }

        /** @return the value, or "" when the format does not log {@code specifier} */
        String get(CustomLogSpecifier specifier) {
            final int index = format.indexOf(specifier);
            return index < 0 ? "" : values[index];
        }

        String either(CustomLogSpecifier first, CustomLogSpecifier second) {
            final String value = get(first);
            return value.isEmpty() ? get(second) : value;
        }

        /** @return the count, {@code absent} when not logged, -1 when malformed */
        int count(CustomLogSpecifier specifier, int absent) {
            return has(specifier) ? MainlogNumbers.smallCount(get(specifier)) : absent;
        }
    }
}
