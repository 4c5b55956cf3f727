package dev.cutover.ingest;

/**
 * One mainlog line after parsing: a reception, an attempt, a heartbeat or a rejection. Field meanings
 * follow the Momentum 4 mainlog page (support.sparkpost.com/momentum/4/log-formats-mainlog); all times
 * are microseconds since the epoch and all domains are lower-cased. A line of the 2.1 or 2.2 layout
 * (SparkPost/momentum-documentation {@code docs/web/log_formats.version_2.md}) has an empty batch id and
 * connection id; a 2.1 line also has an empty binding group, and a 2.1 D, T or P line an empty remote IP.
 */
public sealed interface ParsedLine
        permits ParsedLine.Reception, ParsedLine.AttemptLine, ParsedLine.Bounce, ParsedLine.Heartbeat,
        ParsedLine.Rejected {

    /** An R line: one recipient accepted for delivery. */
    record Reception(
            long timeMicros,
            String messageId,
            String batchId,
            String connectionId,
            String recipientLocalpart,
            String recipientDomain,
            String senderLocalpart,
            String senderDomain,
            String peerIp,
            long sizeBytes,
            String protocol,
            String bindingGroup,
            String binding) implements ParsedLine {
    }

    /**
     * A D, X, T or P line.
     *
     * @param stage        connection stage code of a T or P line, -1 for D and X lines
     * @param responseCode the leading 3-digit code of the response text, 250 for D lines, 0 when absent
     * @param responseText the response text of a T or P line, empty for D and X lines
     */
    record AttemptLine(
            long timeMicros,
            AttemptKind kind,
            String messageId,
            String batchId,
            String connectionId,
            String domain,
            long bytes,
            String bindingGroup,
            String binding,
            int stage,
            int retryCount,
            double queueSeconds,
            String remoteIp,
            int responseCode,
            String responseText) implements ParsedLine {

        /** @return this line as an attempt of a {@link MessageRecord} */
        public Attempt toAttempt() {
            return new Attempt(timeMicros, kind.outcome(), responseCode, responseText, retryCount,
                    queueSeconds, connectionId, bindingGroup, binding, stage, remoteIp);
        }
    }

    /**
     * A B or T line of the bouncelog (support.sparkpost.com/momentum/4/log-formats-bouncelog), which gives the
     * bounce class of the mainlog attempt logged for the same event.
     *
     * @param outcome     TRANSIENT for a T line, PERMANENT for a B line
     * @param bounceClass the bounce classification code
     * @param outOfBand   a B line at stage 21: a bounce received after the message was delivered
     */
    record Bounce(long timeMicros, String messageId, Outcome outcome, int bounceClass, boolean outOfBand)
            implements ParsedLine {
    }

    /** An M (2.x, 4.x) or M1 (3.x) heartbeat: the logger was alive at this time. */
    record Heartbeat(long timeMicros, String type) implements ParsedLine {
    }

    /** A line that could not be used, and why. */
    record Rejected(RejectReason reason) implements ParsedLine {
    }
}
