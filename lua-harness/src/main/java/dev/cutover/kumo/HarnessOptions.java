package dev.cutover.kumo;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a policy is run.
 *
 * <p>A run is a function of its options: with the same seed and clock, two loads of a policy draw the same
 * {@code math.random} values and read the same {@code os.time()}, because kumod policies evaluated by a
 * simulator must not see the wall clock or an unseeded generator.
 *
 * @param instructionLimit  Lua VM instructions allowed per event (loading the policy counts as one event),
 *                          at least 1; {@link #DEFAULT_INSTRUCTION_LIMIT} unless the scenario says otherwise
 * @param helperFolder      folder standing in for {@code /opt/kumomta/share} (it holds {@code policy-extras/}),
 *                          or null when the policy needs no helpers
 * @param seed              seeds the sandbox's {@code math.random}; any value, {@link #DEFAULT_SEED} by default
 * @param clockEpochSeconds the instant, in seconds since 1970-01-01T00:00:00Z, that {@code os.time()} and
 *                          {@code os.date()} report; any value, {@link #DEFAULT_CLOCK_EPOCH_SECONDS} (the epoch
 *                          itself) by default
 * @param memoryLimitBytes  how much one event may add to the heap in use before it is stopped as a policy error,
 *                          at least 1; {@link #defaultMemoryLimitBytes()} by default. The heap is looked at every
 *                          65,536 instructions, so an event stops within that many of passing the limit.
 * @param paths             production folders the policy names (such as {@code /opt/kumomta/etc/policy}) to the
 *                          local folders that stand for them; the longest matching folder wins, and these come
 *                          before the built-in mapping of KumoMTA's install folders (see {@link PolicyFiles})
 * @param env               what {@code os.getenv} answers, name to value; any other name reads nil, never the
 *                          environment cutover runs in
 */
public record HarnessOptions(long instructionLimit, Path helperFolder, long seed, long clockEpochSeconds,
                             long memoryLimitBytes, Map<String, Path> paths, Map<String, String> env) {

    public static final long DEFAULT_INSTRUCTION_LIMIT = 50_000_000L;
    public static final long DEFAULT_SEED = 0L;
    public static final long DEFAULT_CLOCK_EPOCH_SECONDS = 0L;

    public HarnessOptions {
        if (instructionLimit < 1) {
            throw new IllegalArgumentException("instructionLimit must be at least 1, got " + instructionLimit);
        }
        if (memoryLimitBytes < 1) {
            throw new IllegalArgumentException("memoryLimitBytes must be at least 1, got " + memoryLimitBytes);
        }
        paths = Collections.unmodifiableMap(new LinkedHashMap<>(paths));
        env = Map.copyOf(env);
    }

    /**
     * @return the default memory limit: what one event may add to the heap in use, half of the largest heap the
     *         JVM may take
     */
    public static long defaultMemoryLimitBytes() {
        return Runtime.getRuntime().maxMemory() / 2;
    }

    /**
     * @param instructionLimit Lua VM instructions allowed per event, at least 1
     * @param helperFolder     folder standing in for {@code /opt/kumomta/share}, or null
     */
    public HarnessOptions(long instructionLimit, Path helperFolder) {
        this(instructionLimit, helperFolder, DEFAULT_SEED, DEFAULT_CLOCK_EPOCH_SECONDS, defaultMemoryLimitBytes(),
                Map.of(), Map.of());
    }

    /** @return the default limit, no helper folder, seed 0 and a clock standing at the epoch. */
    public static HarnessOptions defaults() {
        return new HarnessOptions(DEFAULT_INSTRUCTION_LIMIT, null);
    }

    /** @return these options with another helper folder. */
    public HarnessOptions withHelperFolder(Path folder) {
        return new HarnessOptions(instructionLimit, folder, seed, clockEpochSeconds, memoryLimitBytes, paths, env);
    }

    /** @return these options with another instruction limit. */
    public HarnessOptions withInstructionLimit(long limit) {
        return new HarnessOptions(limit, helperFolder, seed, clockEpochSeconds, memoryLimitBytes, paths, env);
    }

    /** @return these options with another seed for {@code math.random}. */
    public HarnessOptions withSeed(long randomSeed) {
        return new HarnessOptions(instructionLimit, helperFolder, randomSeed, clockEpochSeconds, memoryLimitBytes,
                paths, env);
    }

    /** @return these options with the policy's clock standing at {@code epochSeconds}. */
    public HarnessOptions withClock(long epochSeconds) {
        return new HarnessOptions(instructionLimit, helperFolder, seed, epochSeconds, memoryLimitBytes, paths, env);
    }

    /** @return these options with another limit on what one event may add to the heap in use. */
    public HarnessOptions withMemoryLimit(long bytes) {
        return new HarnessOptions(instructionLimit, helperFolder, seed, clockEpochSeconds, bytes, paths, env);
    }

    /** @return these options with production folders mapped to local ones, in addition to the built-in mapping */
    public HarnessOptions withPaths(Map<String, Path> productionToLocal) {
        return new HarnessOptions(instructionLimit, helperFolder, seed, clockEpochSeconds, memoryLimitBytes,
                productionToLocal, env);
    }

    /** @return these options with what {@code os.getenv} answers */
    public HarnessOptions withEnv(Map<String, String> variables) {
        return new HarnessOptions(instructionLimit, helperFolder, seed, clockEpochSeconds, memoryLimitBytes, paths,
                variables);
    }
}
