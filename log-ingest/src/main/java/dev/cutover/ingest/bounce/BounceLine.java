package dev.cutover.ingest.bounce;

/**
 * A B or T line of the bouncelog: one recipient's bounce or transient failure. The components follow the 16
 * documented fields in order (support.sparkpost.com/momentum/4/log-formats-bouncelog), then the reply code read
 * from the response text.
 *
 * <p>For example the line
 * {@code 1717430405@A3/00-23311-2C7C21F9@A3/00-23311-2C7C21F9@5D/00-23311-91E221F9@B@carol@example.net@bounce-7731@
 * news.example.com@retail@retail-ip-03@5@10@48402@203.0.113.25@550 5.1.1 <carol@example.net>: User unknown} (one
 * line in the log) is an in-band bounce at 1,717,430,405,000,000 µs, stage 5 (after RCPT TO), class 10
 * ({@link BounceClass#INVALID_RECIPIENT}), 48,402 bytes, reply code 550.
 *
 * @param timeMicros         field 0, microseconds since the epoch (a 10-digit seconds stamp times 10<sup>6</sup>,
 *                           or a 16-digit microseconds stamp as written), at least 0
 * @param messageId          field 1, never empty
 * @param batchId            field 2, possibly empty
 * @param connectionId       field 3, possibly empty
 * @param kind               field 4
 * @param recipientLocalpart field 5, as written: a quoted localpart keeps its quotes and any {@code @}
 * @param recipientDomain    field 6, lower-cased
 * @param senderLocalpart    field 7, as written
 * @param senderDomain       field 8, lower-cased
 * @param bindingGroup       field 9, empty when not available
 * @param binding            field 10, empty when not available
 * @param stage              field 11, the connection stage code, 0 to {@link Integer#MAX_VALUE}; 21 marks an
 *                           out-of-band bounce (support.sparkpost.com/momentum/4/4-log-formats-connection-stages)
 * @param bounceClassCode    field 12, 0 to {@link Integer#MAX_VALUE}; see {@link #bounceClass()}
 * @param sizeBytes          field 13, the message size, 0 to 10<sup>18</sup> - 1
 * @param remoteIp           field 14, the server that bounced the message; empty when there was none
 * @param responseText       field 15 to the end of the line, every {@code @} kept; possibly empty
 * @param responseCode       the 3-digit reply code that opens {@code responseText}, or 0 when it opens with none
 */
public record BounceLine(
        long timeMicros,
        String messageId,
        String batchId,
        String connectionId,
        BounceKind kind,
        String recipientLocalpart,
        String recipientDomain,
        String senderLocalpart,
        String senderDomain,
        String bindingGroup,
        String binding,
        int stage,
        int bounceClassCode,
        long sizeBytes,
        String remoteIp,
        String responseText,
        int responseCode) implements ParsedBounceLine {

    /** The connection stage of an out-of-band bounce. */
    public static final int OUT_OF_BAND_STAGE = 21;

    /** @return the documented class of {@link #bounceClassCode()}, or null when the code is not documented */
    public BounceClass bounceClass() {
        return BounceClass.of(bounceClassCode);
    }

    /** @return true for a B line at stage 21: a bounce message received after the session, not a refusal in it */
    public boolean isOutOfBand() {
        return kind == BounceKind.B && stage == OUT_OF_BAND_STAGE;
    }
}
