package dev.cutover.ingest.synth;

/**
 * Response texts of the kinds large receivers send, written for this generator: Yahoo-style
 * {@code 421 4.7.0 [TSS04]} volume deferrals, Outlook-style {@code 451 4.7.650} reputation rate limits, a
 * generic 421 for other domains, {@code 550 5.1.1} unknown-user bounces, and Momentum's own
 * {@code 554 5.4.7 [internal] exceeded max retries without delivery}
 * (support.sparkpost.com/momentum/4/4-responses lists the internal texts).
 */
final class ResponseTexts {
    static final String RETRIES_EXHAUSTED = "554 5.4.7 [internal] exceeded max retries without delivery";
    /** Connection stage "reading banner". */
    static final int STAGE_BANNER = 12;
    /** Connection stage "during RCPT TO". */
    static final int STAGE_RCPT = 4;

    private ResponseTexts() {
    }

    /** @return the deferral text {@code domain} sends to a sender at {@code bindingIp} */
    static String deferral(String domain, String bindingIp) {
        if (isYahooLike(domain)) {
            return "421 4.7.0 [TSS04] Messages from " + bindingIp
                    + " temporarily deferred due to unexpected volume";
        }
        if (isOutlookLike(domain)) {
            return "451 4.7.650 The mail server [" + bindingIp
                    + "] has been temporarily rate limited due to IP reputation.";
        }
        return "421 4.7.0 Too many messages from " + bindingIp + " right now, try again later";
    }

    /** @return the connection stage at which {@code domain} defers */
    static int deferralStage(String domain) {
        return isYahooLike(domain) ? STAGE_BANNER : STAGE_RCPT;
    }

    static String unknownUser(String recipient) {
        return "550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown in virtual mailbox table";
    }

    private static boolean isYahooLike(String domain) {
        return domain.startsWith("yahoo.") || domain.startsWith("aol.") || domain.startsWith("ymail.");
    }

    private static boolean isOutlookLike(String domain) {
        return domain.startsWith("outlook.") || domain.startsWith("hotmail.") || domain.startsWith("live.")
                || domain.startsWith("msn.");
    }
}
