package dev.cutover.ingest.synth;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * One generation: receptions minute by minute from the {@link ReceptionProfile}, each message's attempts
 * through its (binding, domain) {@link DeliveryQueue}, deferred messages waiting in a time-ordered retry
 * queue. Every arrival (reception or due retry) is handled in time order, and a line is never stamped
 * before its arrival, so lines can be written as soon as the clock passes them.
 *
 * <p>Memory holds one minute's reception times, the messages waiting for a retry and the lines not yet
 * due: it grows with the traffic in flight, not with the message count.
 */
final class SynthRun {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long SLICE_MICROS = ReceptionProfile.SLICE_SECONDS * MICROS_PER_SECOND;
    private static final int LATENCY_MIN_MICROS = 150_000;
    private static final int LATENCY_SPREAD_MICROS = 2_350_000;
    private static final int MESSAGES_PER_INBOUND_CONNECTION = 50;
    private static final int HEADER_BYTES_ADDED = 612;
    private static final String SENDER_DOMAIN = "news.example.com";
    private static final String INJECTOR_IP = "192.0.2.200";
    private static final Comparator<SynthMessage> DUE_ORDER =
            Comparator.comparingLong((SynthMessage m) -> m.nextAttemptMicros).thenComparingLong(m -> m.sequence);

    private final SynthSpec spec;
    private final SplittableRandom random;
    private final OrderedLineWriter writer;
    private final String[] domains;
    private final double[] cumulativeWeights;
    private final DomainBehaviour[] behaviours;
    private final DeliveryQueue[][] queues;
    private final String[] bindingIps;
    private final MomentumIds messageIds;
    private final MomentumIds connectionIds;
    private final PriorityQueue<SynthMessage> retries = new PriorityQueue<>(DUE_ORDER);
    private String inboundConnectionId;
    private long messages;
    private long deliveries;
    private long transientFailures;
    private long bounces;
    private long retriesExhausted;

    SynthRun(SynthSpec spec, Writer out) {
        this.spec = spec;
        this.random = new SplittableRandom(spec.seed());
        this.writer = new OrderedLineWriter(out, spec.startEpochSeconds());
        this.domains = spec.domainMix().keySet().toArray(new String[0]);
        this.cumulativeWeights = cumulative(spec.domainMix().values().toArray(new Double[0]));
        this.behaviours = Arrays.stream(domains).map(spec::behaviour).toArray(DomainBehaviour[]::new);
        this.bindingIps = bindingIps(spec.bindings());
        this.queues = queues(spec.bindings().size(), behaviours);
        this.messageIds = new MomentumIds(random.nextLong(), random.nextInt(10_000, 100_000));
        this.connectionIds = new MomentumIds(random.nextLong(), random.nextInt(10_000, 100_000));
    }

    SynthSummary run() throws IOException {
        final ReceptionProfile profile = ReceptionProfile.build(spec.messageCount(), spec.durationSeconds(), random);
        for (int slice = 0; slice < profile.slices(); slice++) {
            receiveSlice(profile, slice);
        }
        attemptRetriesUntil(Long.MAX_VALUE);
        writer.releaseAll();
        return new SynthSummary(messages, writer.linesWritten(), deliveries, transientFailures, bounces,
                retriesExhausted, writer.heartbeats());
    }

    private void receiveSlice(ReceptionProfile profile, int slice) throws IOException {
        final long sliceStartMicros = spec.startEpochSeconds() * MICROS_PER_SECOND + slice * SLICE_MICROS;
        final long sliceEndMicros = Math.min(sliceStartMicros + SLICE_MICROS,
                (spec.startEpochSeconds() + spec.durationSeconds()) * MICROS_PER_SECOND);
        final long[] offsets = sortedOffsets((int) profile.count(slice), sliceEndMicros - sliceStartMicros);

        for (long offset : offsets) {
            final long receptionMicros = sliceStartMicros + offset;
            attemptRetriesUntil(receptionMicros);
            writer.release(receptionMicros);
            receive(receptionMicros, profile, slice);
        }
    }

    private long[] sortedOffsets(int count, long lengthMicros) {
        final long[] offsets = new long[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = random.nextLong(lengthMicros);
        }
        Arrays.sort(offsets);
        return offsets;
    }

    private void attemptRetriesUntil(long timeMicros) throws IOException {
        while (!retries.isEmpty() && retries.peek().nextAttemptMicros <= timeMicros) {
            final SynthMessage message = retries.poll();
            writer.release(message.nextAttemptMicros);
            attempt(message);
        }
    }

    private void receive(long receptionMicros, ReceptionProfile profile, int slice) {
        final int domain = pickDomain();
        final int binding = random.nextInt(bindingIps.length);
        final boolean campaign = random.nextDouble() < profile.campaignShare(slice);
        final String sender = campaign ? "bounce-" + profile.campaignNumber(slice) : "bounce-tx";
        final String localpart = "user" + random.nextInt(10_000_000);
        final long sizeBytes = 4_000 + random.nextInt(campaign ? 60_000 : 12_000);
        final SynthMessage message = new SynthMessage(messageIds.next(), receptionMicros, domain, binding,
                sizeBytes, localpart + "@" + domains[domain], messages);

        writer.add(receptionMicros, receptionLine(message, localpart, sender));
        messages++;
        attempt(message);
    }

    private void attempt(SynthMessage message) {
        final DeliveryQueue queue = queues[message.binding][message.domain];
        final long startMicros = queue.start(message.nextAttemptMicros, connectionIds);
        final long timeMicros = startMicros + LATENCY_MIN_MICROS + random.nextInt(LATENCY_SPREAD_MICROS);
        final DomainBehaviour behaviour = behaviours[message.domain];
        final double draw = random.nextDouble();

        if (draw < behaviour.bounceProbability()) {
            bounce(message, queue, timeMicros);
        } else if (draw < behaviour.bounceProbability() + behaviour.deferralProbability()) {
            defer(message, queue, timeMicros);
        } else {
            writer.add(timeMicros, deliveryLine(message, queue, timeMicros));
            deliveries++;
        }
    }

    private void bounce(SynthMessage message, DeliveryQueue queue, long timeMicros) {
        final String text = ResponseTexts.unknownUser(message.recipient);
        writer.add(timeMicros, failureLine(message, queue, timeMicros, "P", ResponseTexts.STAGE_RCPT, text));
        bounces++;
    }

    private void defer(SynthMessage message, DeliveryQueue queue, long timeMicros) {
        final String domain = domains[message.domain];
        final int stage = ResponseTexts.deferralStage(domain);
        if (message.failures >= spec.retrySchedule().maxRetries()) {
            final String text = ResponseTexts.RETRIES_EXHAUSTED;
            writer.add(timeMicros, failureLine(message, queue, timeMicros, "P", stage, text));
            retriesExhausted++;
            return;
        }
        final String text = ResponseTexts.deferral(domain, bindingIps[message.binding]);
        writer.add(timeMicros, failureLine(message, queue, timeMicros, "T", stage, text));
        transientFailures++;
        message.failures++;
        final long delaySeconds = spec.retrySchedule().delaySeconds(message.failures);
        message.nextAttemptMicros = timeMicros + delaySeconds * MICROS_PER_SECOND;
        retries.add(message);
    }

    private String receptionLine(SynthMessage message, String localpart, String sender) {
        if (messages % MESSAGES_PER_INBOUND_CONNECTION == 0) {
            inboundConnectionId = connectionIds.next();
        }
        return lineHead(message.receptionMicros, message, inboundConnectionId, "R")
                .append(localpart).append('@').append(domains[message.domain]).append('@')
                .append(sender).append('@').append(SENDER_DOMAIN).append('@').append(INJECTOR_IP).append('@')
                .append(message.sizeBytes).append("@esmtp@").append(spec.bindingGroup()).append('@')
                .append(spec.bindings().get(message.binding)).toString();
    }

    private String deliveryLine(SynthMessage message, DeliveryQueue queue, long timeMicros) {
        return attemptHead(message, queue, timeMicros, "D", message.sizeBytes + HEADER_BYTES_ADDED)
                .append(message.failures).append('@').append(queueSeconds(message, timeMicros)).append('@')
                .append(queue.remoteIp()).toString();
    }

    private String failureLine(SynthMessage message, DeliveryQueue queue, long timeMicros, String type, int stage,
                               String text) {
        final long bytes = stage == ResponseTexts.STAGE_BANNER ? 0 : 120 + message.recipient.length();
        return attemptHead(message, queue, timeMicros, type, bytes)
                .append(stage).append('@').append(message.failures).append('@')
                .append(queueSeconds(message, timeMicros)).append('@').append(queue.remoteIp()).append('@')
                .append(text).toString();
    }

    private StringBuilder attemptHead(SynthMessage message, DeliveryQueue queue, long timeMicros, String type,
                                      long bytes) {
        return lineHead(timeMicros, message, queue.connectionId(), type)
                .append(domains[message.domain]).append('@').append(bytes).append('@')
                .append(spec.bindingGroup()).append('@').append(spec.bindings().get(message.binding)).append('@');
    }

    private static StringBuilder lineHead(long timeMicros, SynthMessage message, String connectionId, String type) {
        return new StringBuilder(200).append(timeMicros / MICROS_PER_SECOND).append('@')
                .append(message.messageId).append('@').append(message.messageId).append('@')
                .append(connectionId).append('@').append(type).append('@');
    }

    /** @return seconds from reception, with two decimals, e.g. {@code 1203.40} */
    private static String queueSeconds(SynthMessage message, long timeMicros) {
        final long centis = (timeMicros - message.receptionMicros) / 10_000;
        final long fraction = centis % 100;
        return (centis / 100) + (fraction < 10 ? ".0" : ".") + fraction;
    }

    private int pickDomain() {
        final double draw = random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
        final int found = Arrays.binarySearch(cumulativeWeights, draw);
        final int index = found >= 0 ? found + 1 : -found - 1;
        return Math.min(index, cumulativeWeights.length - 1);
    }

    private static double[] cumulative(Double[] weights) {
        final double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0)) {
                throw new IllegalArgumentException("domain weights must be >= 0: " + weights[i]);
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("domain weights must not all be 0");
        }
        return cumulative;
    }

    /** @return the n-th binding's address, 192.0.2.11 for the first, as in the demo estate's bindings */
    private static String[] bindingIps(List<String> bindings) {
        final String[] ips = new String[bindings.size()];
        for (int b = 0; b < ips.length; b++) {
            ips[b] = "192.0.2." + (11 + b % 180);
        }
        return ips;
    }

    private static DeliveryQueue[][] queues(int bindings, DomainBehaviour[] behaviours) {
        final DeliveryQueue[][] queues = new DeliveryQueue[bindings][behaviours.length];
        for (int b = 0; b < bindings; b++) {
            for (int d = 0; d < behaviours.length; d++) {
                final double perMinute = behaviours[d].capacityPerMinutePerBinding();
                final long serviceMicros = Math.round(60.0 * MICROS_PER_SECOND / perMinute);
                final String[] mx = {"198.51.100." + (10 + 2 * d % 240), "203.0.113." + (11 + 2 * d % 240)};
                queues[b][d] = new DeliveryQueue(serviceMicros, behaviours[d].messagesPerConnection(), mx);
            }
        }
        return queues;
    }
}
