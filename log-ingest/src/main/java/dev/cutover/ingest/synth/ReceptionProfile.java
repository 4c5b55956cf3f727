package dev.cutover.ingest.synth;

import java.util.SplittableRandom;

/**
 * How many messages arrive in each minute of the reception window: a steady transactional trickle
 * carrying 30 % of the volume plus campaign drops carrying the rest, one more for every 8 hours of the window
 * (a week has 22), each injected within 3 to 12
 * minutes with a front-loaded ramp (most of a drop arrives in its first minutes).
 *
 * <p>Example: 100,000 messages over one day give 4 drops; the trickle is about 21 messages per minute, and
 * a drop of 17,500 messages spread over 6 minutes puts 5,000 into its first minute.
 *
 * <p>Counts are rounded cumulatively, so they add up to the requested total exactly.
 */
final class ReceptionProfile {
    static final long SLICE_SECONDS = 60;

    private static final double TRICKLE_SHARE = 0.30;
    private static final long SECONDS_PER_DROP = 8 * 3600;
    private static final int MIN_DROP_MINUTES = 3;
    private static final int DROP_MINUTES_SPREAD = 10;

    private final long[] counts;
    private final double[] campaignShare;
    private final int[] campaignNumber;

    private ReceptionProfile(long[] counts, double[] campaignShare, int[] campaignNumber) {
        this.counts = counts;
        this.campaignShare = campaignShare;
        this.campaignNumber = campaignNumber;
    }

    static ReceptionProfile build(long totalMessages, long durationSeconds, SplittableRandom random) {
        final int slices = (int) ((durationSeconds + SLICE_SECONDS - 1) / SLICE_SECONDS);
        final double[] trickle = trickleWeights(slices, durationSeconds);
        final double[] campaign = new double[slices];
        final int[] number = new int[slices];
        addDrops(campaign, number, durationSeconds, random);
        return new ReceptionProfile(roundCumulatively(trickle, campaign, totalMessages),
                shares(trickle, campaign), number);
    }

    int slices() {
        return counts.length;
    }

    long count(int slice) {
        return counts[slice];
    }

    /** @return the chance that a message of this minute belongs to its campaign drop */
    double campaignShare(int slice) {
        return campaignShare[slice];
    }

    /** @return the campaign dropping in this minute, 0 when none */
    int campaignNumber(int slice) {
        return campaignNumber[slice];
    }

    private static double[] trickleWeights(int slices, long durationSeconds) {
        final double[] weights = new double[slices];
        for (int s = 0; s < slices; s++) {
            final long seconds = Math.min(SLICE_SECONDS, durationSeconds - s * SLICE_SECONDS);
            weights[s] = TRICKLE_SHARE * seconds / durationSeconds;
        }
        return weights;
    }

    private static void addDrops(double[] campaign, int[] number, long durationSeconds, SplittableRandom random) {
        final int drops = (int) (1 + durationSeconds / SECONDS_PER_DROP);
        final double[] sizes = new double[drops];
        double sizeSum = 0;
        for (int d = 0; d < drops; d++) {
            sizes[d] = 0.5 + random.nextDouble();
            sizeSum += sizes[d];
        }
        for (int d = 0; d < drops; d++) {
            addDrop(campaign, number, d + 1, (1 - TRICKLE_SHARE) * sizes[d] / sizeSum, random);
        }
    }

    private static void addDrop(double[] campaign, int[] number, int campaignNumber, double share,
                                SplittableRandom random) {
        final int slices = campaign.length;
        final int start = random.nextInt(Math.max(1, slices * 9 / 10));
        final int span = Math.min(MIN_DROP_MINUTES + random.nextInt(DROP_MINUTES_SPREAD), slices - start);
        final double rampSum = span * (span + 1) / 2.0;
        for (int i = 0; i < span; i++) {
            campaign[start + i] += share * (span - i) / rampSum;
            number[start + i] = campaignNumber;
        }
    }

    private static long[] roundCumulatively(double[] trickle, double[] campaign, long total) {
        final long[] counts = new long[trickle.length];
        double cumulative = 0;
        long assigned = 0;
        for (int s = 0; s < counts.length; s++) {
            cumulative += trickle[s] + campaign[s];
            final long upTo = s == counts.length - 1 ? total : Math.min(total, Math.round(cumulative * total));
            counts[s] = Math.max(0, upTo - assigned);
            assigned += counts[s];
        }
        return counts;
    }

    private static double[] shares(double[] trickle, double[] campaign) {
        final double[] shares = new double[trickle.length];
        for (int s = 0; s < shares.length; s++) {
            final double weight = trickle[s] + campaign[s];
            shares[s] = weight > 0 ? campaign[s] / weight : 0;
        }
        return shares;
    }
}
