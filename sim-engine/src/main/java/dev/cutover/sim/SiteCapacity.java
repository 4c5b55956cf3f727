package dev.cutover.sim;

/**
 * What one receiving site accepted according to the log: the most messages it took in one calendar minute, and
 * the deferral it answered most often (the answer a rate-sensitive receiver gives a sender going faster).
 *
 * @param perMinute    messages accepted per minute, at least 1
 * @param deferralCode the SMTP code of that deferral
 * @param deferralText its response text, one line
 */
public record SiteCapacity(long perMinute, int deferralCode, String deferralText) {

    /** The answer when the log shows the site deferring nothing: a plain "try again later". */
    public static final String GENERIC_DEFERRAL = "421 4.7.0 Try again later (cutover: over the site's recorded rate)";
}
