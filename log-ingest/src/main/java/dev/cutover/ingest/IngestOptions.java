package dev.cutover.ingest;

import java.util.Set;

/**
 * How an ingest runs.
 *
 * @param bindingGroups   binding groups to keep, as assigned on R lines; empty keeps all
 * @param holdBackMicros  how long joined messages wait for earlier receptions (custom logs); 0 stores them at once
 * @param checkpointLines lines between two saves of the ingest state, &gt; 0
 * @param follow          paces an ingest that follows live logs, or null to read every file to its end once
 * @param maxHeldInMemory messages a custom-log ingest holds back in memory for earlier receptions; beyond it they
 *                        go to the store's spill queue
 * @param live            receives the messages as they are joined, for a replay that follows the ingest; or null.
 *                        Not with a hold-back, which keeps messages back for days
 */
public record IngestOptions(Set<String> bindingGroups, long holdBackMicros, long checkpointLines,
                            FollowControl follow, int maxHeldInMemory, LiveFeed live) {
    /** Lines between two saves of the state by default: a few seconds of reading. */
    public static final long DEFAULT_CHECKPOINT_LINES = 1L << 22;
    /** Finished messages held in memory by default before the oldest go to the spill queue. */
    public static final int DEFAULT_MAX_HELD_IN_MEMORY = 50_000;

    public IngestOptions {
        bindingGroups = Set.copyOf(bindingGroups);
        if (holdBackMicros < 0 || checkpointLines <= 0 || maxHeldInMemory < 0) {
            throw new IllegalArgumentException("holdBackMicros must be >= 0 and checkpointLines > 0: "
                    + holdBackMicros + ", " + checkpointLines);
        }
        if (live != null && holdBackMicros > 0) {
            throw new IllegalArgumentException("a live feed cannot follow an ingest that holds messages back");
        }
    }

    /** @return every binding group kept, no hold-back, the default save interval, no following */
    public static IngestOptions defaults() {
        return new IngestOptions(Set.of(), 0, DEFAULT_CHECKPOINT_LINES, null, DEFAULT_MAX_HELD_IN_MEMORY, null);
    }

    public IngestOptions withBindingGroups(Set<String> groups) {
        return new IngestOptions(groups, holdBackMicros, checkpointLines, follow, maxHeldInMemory, live);
    }

    public IngestOptions withHoldBack(long micros) {
        return new IngestOptions(bindingGroups, micros, checkpointLines, follow, maxHeldInMemory, live);
    }

    public IngestOptions withCheckpointLines(long lines) {
        return new IngestOptions(bindingGroups, holdBackMicros, lines, follow, maxHeldInMemory, live);
    }

    public IngestOptions withMaxHeldInMemory(int messages) {
        return new IngestOptions(bindingGroups, holdBackMicros, checkpointLines, follow, messages, live);
    }

    public IngestOptions withFollow(FollowControl control) {
        return new IngestOptions(bindingGroups, holdBackMicros, checkpointLines, control, maxHeldInMemory, live);
    }

    public IngestOptions withLive(LiveFeed feed) {
        return new IngestOptions(bindingGroups, holdBackMicros, checkpointLines, follow, maxHeldInMemory, feed);
    }
}
