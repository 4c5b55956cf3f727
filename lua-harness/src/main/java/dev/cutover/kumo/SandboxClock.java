package dev.cutover.kumo;

import org.luaj.vm2.LuaValue;

/**
 * The instant {@code os.time()} and {@code os.date()} read in the sandbox, and how often they were read: it stands
 * still at the harness clock, except while the reception hook runs for one message, when it reads that message's
 * reception (kumod runs the hook as the message arrives).
 */
final class SandboxClock {
    private long epochSeconds;
    private long reads;

    SandboxClock(long epochSeconds) {
        this.epochSeconds = epochSeconds;
    }

    /** @return the current instant as a Lua number, counted as a read */
    LuaValue now() {
        reads++;
        return LuaValue.valueOf((double) epochSeconds);
    }

    /** @return how often the policy has read the clock */
    long reads() {
        return reads;
    }

    /** @return the instant the clock stands at */
    long epochSeconds() {
        return epochSeconds;
    }

    /** Moves the clock to {@code seconds} since the epoch. */
    void set(long seconds) {
        epochSeconds = seconds;
    }
}
