package dev.cutover.sim.momentum;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MomentumRulesTest {

    static QueueSettings settings(long maxConnections, QueueSettings.Throttle throttle, long maxDeliveries,
                                  long retryInterval, long maxRetryInterval, long expiration, int maxRetries) {
        return new QueueSettings(maxConnections, "test", throttle, maxDeliveries, "test", retryInterval,
                maxRetryInterval, expiration, maxRetries, "test", 5, false, null, null, null, null, null, null);
    }

    @Test
    void retryDelay_defaults_doublesAndCapsAtTwelveHours() {
        final QueueSettings s = settings(32, null, 0, 1200, 43_200, 86_400, QueueSettings.MAX_RETRIES_AUTO);
        final long[] expected = {1200, 2400, 4800, 9600, 19200, 38400, 43200, 43200};

        for (int k = 1; k <= expected.length; k++) {
            assertEquals(expected[k - 1], MomentumModel.retryDelaySeconds(s, k), "failure " + k);
        }
    }

    @Test
    void autoMaxRetries_oneDayAndSevenDays_areSixAndEight() {
        final QueueSettings oneDay = settings(32, null, 0, 1200, 43_200, 86_400, QueueSettings.MAX_RETRIES_AUTO);
        final QueueSettings sevenDays = settings(32, null, 0, 1200, 43_200, 604_800, QueueSettings.MAX_RETRIES_AUTO);

        assertEquals(6, MomentumModel.autoMaxRetries(oneDay));
        assertEquals(8, MomentumModel.autoMaxRetries(sevenDays));
    }

    @Test
    void retriesExhausted_explicitFiveAndNone_followTheSetting() {
        final QueueSettings five = settings(32, null, 0, 1200, 1200, 86_400, 5);
        final QueueSettings none = settings(32, null, 0, 1200, 1200, 86_400, QueueSettings.MAX_RETRIES_NONE);

        assertFalse(MomentumModel.retriesExhausted(five, 5));
        assertTrue(MomentumModel.retriesExhausted(five, 6));
        assertFalse(MomentumModel.retriesExhausted(none, 1000));
    }

    @Test
    void tokenBucket_sixHundredPerMinute_burstsSixHundredThenTenPerSecond() {
        final TokenBucket bucket = new TokenBucket(600, 60);
        int taken = 0;
        while (bucket.tryTake(0)) {
            taken++;
        }

        assertEquals(600, taken);
        assertEquals(100_000, bucket.nextTokenMicros(0));
        assertTrue(bucket.tryTake(100_000));
        assertFalse(bucket.tryTake(100_000));
    }
}
