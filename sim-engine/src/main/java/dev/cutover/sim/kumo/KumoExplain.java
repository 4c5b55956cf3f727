package dev.cutover.sim.kumo;

import dev.cutover.kumo.ThrottleSpec;

import java.util.Map;

/** Sentences that say which KumoMTA setting governs a metric and where the policy set it. */
final class KumoExplain {

    private KumoExplain() {
    }

    static String connections(ReadyQueue queue) {
        final StringBuilder text = new StringBuilder()
                .append("connection_limit = ").append(queue.config.connectionLimit())
                .append(" per (egress source, site) [").append(queue.config.originOf("connection_limit")).append(']');
        for (Map.Entry<String, Long> extra : queue.config.additionalConnectionLimits().entrySet()) {
            text.append(", shared limit ").append(extra.getKey()).append(" = ").append(extra.getValue())
                    .append(" [").append(queue.config.originOf("additional_connection_limits")).append(']');
        }
        return text.append("; connections open as the ready queue deepens, ceil(limit * (1 - e^(-0.023 N)))")
                .toString();
    }

    static String messageRate(ReadyQueue queue) {
        final ThrottleSpec rate = queue.config.maxMessageRate();
        final StringBuilder text = new StringBuilder();
        if (rate == null) {
            text.append("no max_message_rate [").append(queue.config.originOf("max_message_rate")).append(']');
        } else {
            text.append("max_message_rate = ").append(rate).append(" per (egress source, site) [")
                    .append(queue.config.originOf("max_message_rate")).append(']');
        }
        for (Map.Entry<String, ThrottleSpec> extra : queue.config.additionalMessageRateThrottles().entrySet()) {
            text.append(", shared rate ").append(extra.getKey()).append(" = ").append(extra.getValue());
        }
        text.append(", max_deliveries_per_connection = ").append(queue.config.maxDeliveriesPerConnection());
        return text.toString();
    }

    static String duration(long micros) {
        final long seconds = micros / 1_000_000L;
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
