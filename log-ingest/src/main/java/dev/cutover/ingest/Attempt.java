package dev.cutover.ingest;

/**
 * One delivery attempt of a message, taken from a D, T or P line of the mainlog.
 *
 * @param timeMicros     when the line was written, microseconds since the epoch
 * @param outcome        delivered, transient or permanent failure
 * @param responseCode   the SMTP reply code at the start of the response text (250 for a D line,
 *                       0 when the text carries no code)
 * @param responseText   the remote or Momentum-internal response; empty for D lines
 * @param retryCount     the retry count field (0 on the first attempt)
 * @param queueSeconds   seconds from reception to this attempt, as logged
 * @param connectionId   the outbound connection id; empty when the line has none
 * @param bindingGroup   binding group on the attempt line
 * @param binding        binding on the attempt line
 * @param stage          connection stage code of a T or P line, -1 for D lines
 * @param remoteIp       IP of the remote MX, empty when never connected
 * @param bounceClass    the bounce_logger classification of a T or P attempt, taken from the bouncelog when one
 *                       was ingested alongside (support.sparkpost.com/momentum/4/4-bounce-logger-classification-codes);
 *                       0 when unknown
 */
public record Attempt(
        long timeMicros,
        Outcome outcome,
        int responseCode,
        String responseText,
        int retryCount,
        double queueSeconds,
        String connectionId,
        String bindingGroup,
        String binding,
        int stage,
        String remoteIp,
        int bounceClass) {

    /** An attempt whose bounce class is not known. */
    public Attempt(long timeMicros, Outcome outcome, int responseCode, String responseText, int retryCount,
                   double queueSeconds, String connectionId, String bindingGroup, String binding, int stage,
                   String remoteIp) {
        this(timeMicros, outcome, responseCode, responseText, retryCount, queueSeconds, connectionId, bindingGroup,
                binding, stage, remoteIp, 0);
    }

    /**
     * @return true for a deferral written before any SMTP exchange: stage 0, "not connected", and no remote IP
     *         (support.sparkpost.com/momentum/4/4-log-formats-connection-stages; momentum.md §1.11)
     */
    public boolean connectionFailure() {
        return outcome == Outcome.TRANSIENT && stage == 0 && remoteIp.isEmpty();
    }

    /** @return this attempt with the bounce class the bouncelog gives it */
    public Attempt withBounceClass(int code) {
        return new Attempt(timeMicros, outcome, responseCode, responseText, retryCount, queueSeconds, connectionId,
                bindingGroup, binding, stage, remoteIp, code);
    }
}
