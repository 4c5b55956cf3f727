package dev.cutover.sim;

/**
 * What one receiving site accepted according to the log: the most messages it took in one calendar minute, and
 * the deferral it answered most often (the answer a rate-sensitive receiver gives a sender going faster); and,
 * when the scenario sets it, how many of one engine's connections it takes at once.
 *
 * @param perMinute    messages accepted per minute, at least 1
 * @param connections  concurrent connections accepted, 0 for no limit
 * @param deferralCode the SMTP code of that deferral
 * @param deferralText its response text, one line
 */
public record SiteCapacity(long perMinute, long connections, int deferralCode, String deferralText) {

    /** The answer when the log shows the site deferring nothing: a plain "try again later". */
    public static final String GENERIC_DEFERRAL = "421 4.7.0 Try again later (cutover: over the site's recorded rate)";
}
