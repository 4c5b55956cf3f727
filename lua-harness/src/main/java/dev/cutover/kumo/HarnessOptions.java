package dev.cutover.kumo;

import java.nio.file.Path;

/**
 * How a policy is run.
 *
 * @param instructionLimit Lua VM instructions allowed per event (loading the policy counts as one event),
 *                         at least 1; {@link #DEFAULT_INSTRUCTION_LIMIT} unless the scenario says otherwise
 * @param helperFolder     folder standing in for {@code /opt/kumomta/share} (it holds {@code policy-extras/}),
 *                         or null when the policy needs no helpers
 */
public record HarnessOptions(long instructionLimit, Path helperFolder) {

    public static final long DEFAULT_INSTRUCTION_LIMIT = 50_000_000L;

    public HarnessOptions {
        if (instructionLimit < 1) {
            throw new IllegalArgumentException("instructionLimit must be at least 1, got " + instructionLimit);
        }
    }

    /** @return the default limit and no helper folder. */
    public static HarnessOptions defaults() {
        return new HarnessOptions(DEFAULT_INSTRUCTION_LIMIT, null);
    }

    /** @return these options with another helper folder. */
    public HarnessOptions withHelperFolder(Path folder) {
        return new HarnessOptions(instructionLimit, folder);
    }

    /** @return these options with another instruction limit. */
    public HarnessOptions withInstructionLimit(long limit) {
        return new HarnessOptions(limit, helperFolder);
    }
}
