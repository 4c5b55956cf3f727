package dev.cutover.ingest.synth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link MainlogSynthesizer} generates: how many messages, when, from which bindings, to which
 * domains, and how each domain answered. Same spec → byte-identical log.
 *
 * <p>Example: {@code SynthSpec.demo(7, 100_000)} spreads 100,000 messages over one day from 4 bindings of
 * group {@code retail} to 6 domains, 35 % of them to gmail.com.
 *
 * @param seed              seed of the single {@link java.util.SplittableRandom}
 * @param startEpochSeconds time of the first possible reception, epoch seconds
 * @param durationSeconds   length of the reception window, &gt; 0 (attempts may run past it)
 * @param totalMessages     messages before the volume multiplier, &ge; 0
 * @param bindingGroup      binding group on every line
 * @param bindings          bindings of the group, at least one, picked uniformly per message
 * @param domainMix         destination domains and their relative weights, in a fixed iteration order
 * @param behaviours        per-domain behaviour; a domain not listed uses {@link DomainBehaviour#DEFAULT}
 * @param volumeMultiplier  scales {@code totalMessages}, &gt; 0
 * @param retrySchedule     Momentum's retry settings
 */
public record SynthSpec(
        long seed,
        long startEpochSeconds,
        long durationSeconds,
        long totalMessages,
        String bindingGroup,
        List<String> bindings,
        Map<String, Double> domainMix,
        Map<String, DomainBehaviour> behaviours,
        double volumeMultiplier,
        RetrySchedule retrySchedule) {

    /** 2024-06-03 16:00:00 UTC, the date of the mainlog examples this module's fixtures use. */
    public static final long DEMO_START_EPOCH_SECONDS = 1_717_430_400L;

    public SynthSpec {
        if (durationSeconds <= 0 || totalMessages < 0 || !(volumeMultiplier > 0)) {
            throw new IllegalArgumentException("need duration > 0, total messages >= 0, volume multiplier > 0");
        }
        if (bindings.isEmpty() || domainMix.isEmpty()) {
            throw new IllegalArgumentException("need at least one binding and one domain");
        }
        bindings = List.copyOf(bindings);
        domainMix = Collections.unmodifiableMap(new LinkedHashMap<>(domainMix));
        behaviours = Map.copyOf(behaviours);
    }

    /** A day of traffic from 4 bindings to 6 domains with default behaviours and retry schedule. */
    public static SynthSpec demo(long seed, long totalMessages) {
        final Map<String, Double> mix = new LinkedHashMap<>();
        mix.put("gmail.com", 35.0);
        mix.put("yahoo.com", 20.0);
        mix.put("outlook.com", 20.0);
        mix.put("aol.com", 5.0);
        mix.put("example.net", 10.0);
        mix.put("example.org", 10.0);
        return new SynthSpec(seed, DEMO_START_EPOCH_SECONDS, 86_400, totalMessages, "retail",
                List.of("retail-ip-01", "retail-ip-02", "retail-ip-03", "retail-ip-04"), mix, Map.of(), 1.0,
                RetrySchedule.MOMENTUM_DEFAULT);
    }

    /** @return the number of messages generated: {@code totalMessages · volumeMultiplier}, rounded */
    public long messageCount() {
        return Math.round(totalMessages * volumeMultiplier);
    }

    /** @return the behaviour of {@code domain} */
    public DomainBehaviour behaviour(String domain) {
        return behaviours.getOrDefault(domain, DomainBehaviour.DEFAULT);
    }
}
