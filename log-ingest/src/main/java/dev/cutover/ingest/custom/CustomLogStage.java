package dev.cutover.ingest.custom;

import dev.cutover.ingest.AttemptKind;

import java.util.Arrays;
import java.util.Locale;

/**
 * The {@code custom_logger} stages that record delivery attempts, each written to its own file by the
 * {@code <stage>_logfile} option (support.sparkpost.com/momentum/4/modules/custom-logger), and the mainlog
 * record type each one matches.
 */
public enum CustomLogStage {
    /** {@code delivery}: like a mainlog D line. */
    DELIVERY(AttemptKind.D),
    /** {@code transient_failure}: like a mainlog T line. */
    TRANSIENT_FAILURE(AttemptKind.T),
    /** {@code permanent_failure}: like a mainlog P line. */
    PERMANENT_FAILURE(AttemptKind.P);

    private final AttemptKind kind;

    CustomLogStage(AttemptKind kind) {
        this.kind = kind;
    }

    /** @return the attempt kind a line of this stage becomes */
    public AttemptKind kind() {
        return kind;
    }

    /** @return the stage as ecelerity.conf spells it, such as {@code transient_failure} */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param configName {@code delivery}, {@code transient_failure} or {@code permanent_failure}
     * @throws IllegalArgumentException for any other name, listing the accepted ones
     */
    public static CustomLogStage of(String configName) {
        for (CustomLogStage stage : values()) {
            if (stage.configName().equals(configName)) {
                return stage;
            }
        }
        throw new IllegalArgumentException("unknown custom_logger stage \"" + configName + "\"; expected one of "
                + String.join(", ", Arrays.stream(values()).map(CustomLogStage::configName).toList()));
    }
}
