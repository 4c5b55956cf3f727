package dev.cutover.sim.kumo;

import dev.cutover.kumo.QueueConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KumoRulesTest {
    private static final long SECOND = 1_000_000L;

    @Test
    void idealConnections_limit32_matchesKumodCurve() {
        final int[] ready = {1, 5, 10, 20, 32, 64, 128, 256, 1000};
        final int[] expected = {1, 4, 7, 12, 17, 25, 31, 32, 32};

        for (int i = 0; i < ready.length; i++) {
            assertEquals(expected[i], ReadyQueue.idealConnections(ready[i], 32), "N=" + ready[i]);
        }
    }

    @Test
    void retryDelay_defaults_doubleFromTwentyMinutes() {
        final QueueConfig config = QueueConfig.defaults();
        final long[] expectedSeconds = {1200, 2400, 4800, 9600, 19200, 38400};

        for (int k = 0; k < expectedSeconds.length; k++) {
            assertEquals(expectedSeconds[k] * SECOND, KumoModel.retryDelayMicros(config, k), "k=" + k);
        }
    }

    @Test
    void retryDelay_capped_stopsAtMaxRetryInterval() {
        final QueueConfig config = new QueueConfig(2 * SECOND, 8 * SECOND, 128 * SECOND, "p", null, Map.of());
        final long[] expectedSeconds = {2, 4, 8, 8, 8};

        for (int k = 0; k < expectedSeconds.length; k++) {
            assertEquals(expectedSeconds[k] * SECOND, KumoModel.retryDelayMicros(config, k), "k=" + k);
        }
    }
}
