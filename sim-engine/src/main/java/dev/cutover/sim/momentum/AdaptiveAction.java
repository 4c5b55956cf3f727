package dev.cutover.sim.momentum;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One action of an Adaptive Delivery response rule, as written in a rules table: a name followed by its one
 * argument, {@code {"suspend", "4 hours"}}, {@code {"throttle", "down"}}, {@code {"reduce_connections", 1}}
 * (support.sparkpost.com/momentum/3/3-ad/ad-adaptive-rules-actions, ad-custom-rules).
 *
 * @param kind    what the action does
 * @param seconds the duration of suspend, blackhole and greylisted; the binding age of warmup
 * @param amount  how much reduce_connections and reduce_deliveries take off
 * @param text    the response transcode rewrites to
 */
public record AdaptiveAction(Kind kind, long seconds, long amount, String text) {

    /** The longest duration an action may give, 10 years: longer ones are mistakes, and overflow in microseconds. */
    private static final long MAX_SECONDS = 10 * 366 * 86_400L;
    private static final Pattern DURATION = Pattern.compile(
            "(\\d{1,9})\\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?|d|days?)?", Pattern.CASE_INSENSITIVE);

    /** The documented actions. */
    public enum Kind {
        SUSPEND("suspend"), BLACKHOLE("blackhole"), THROTTLE_DOWN("throttle"), GREYLISTED("greylisted"),
        WARMUP("warmup"), REDUCE_CONNECTIONS("reduce_connections"), REDUCE_DELIVERIES("reduce_deliveries"),
        TRANSCODE("transcode");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** @return the name a rules table gives the action */
        public String word() {
            return word;
        }

        static Kind of(String word) {
            for (Kind kind : values()) {
                if (kind.word.equals(word.toLowerCase(Locale.ROOT))) {
                    return kind;
                }
            }
            return null;
        }
    }

    /**
     * @param name     the action's name
     * @param argument its argument as written (a string or a number's text)
     * @return the action
     * @throws IllegalArgumentException saying what was expected
     */
    static AdaptiveAction parse(String name, String argument) {
        final Kind kind = Kind.of(name);
        if (kind == null) {
            throw new IllegalArgumentException("unknown action \"" + name + "\"; expected one of suspend, blackhole, "
                    + "throttle, greylisted, warmup, reduce_connections, reduce_deliveries, transcode");
        }
        if (argument == null) {
            throw new IllegalArgumentException("action \"" + name + "\" has no argument");
        }
        return switch (kind) {
            case SUSPEND, BLACKHOLE, GREYLISTED -> new AdaptiveAction(kind, positive(name, seconds(name, argument)), 0,
                    null);
            case WARMUP -> new AdaptiveAction(kind, seconds(name, argument), 0, null);
            case THROTTLE_DOWN -> {
                if (!argument.trim().equalsIgnoreCase("down")) {
                    throw new IllegalArgumentException("action \"throttle\" takes \"down\", not \"" + argument + "\"");
                }
                yield new AdaptiveAction(kind, 0, 0, null);
            }
            case REDUCE_CONNECTIONS, REDUCE_DELIVERIES -> new AdaptiveAction(kind, 0, count(name, argument), null);
            case TRANSCODE -> new AdaptiveAction(kind, 0, 0, argument);
        };
    }

    /** @return a duration such as {@code "4 hours"}, {@code "15 minutes"} or a plain number of seconds */
    static long seconds(String name, String text) {
        final Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("action \"" + name + "\" takes a duration such as \"4 hours\" or "
                    + "\"15 minutes\", not \"" + text + "\"");
        }
        final long n = Long.parseLong(m.group(1));
        final String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
        final long seconds = switch (unit.charAt(0)) {
            case 'm' -> n * 60;
            case 'h' -> n * 3600;
            case 'd' -> n * 86_400;
            default -> n;
        };
        if (seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("action \"" + name + "\" takes a duration of at most 10 years, not \""
                    + text + "\"");
        }
        return seconds;
    }

    private static long positive(String name, long seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("action \"" + name + "\" takes a duration above 0");
        }
        return seconds;
    }

    private static long count(String name, String text) {
        final String trimmed = text.trim();
        if (!trimmed.matches("\\d{1,9}") || Long.parseLong(trimmed) == 0) {
            throw new IllegalArgumentException("action \"" + name + "\" takes a whole number above 0, not \""
                    + text + "\"");
        }
        return Long.parseLong(trimmed);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case SUSPEND, BLACKHOLE, GREYLISTED -> kind.word + " " + duration(seconds);
            case WARMUP -> "warmup " + seconds;
            case THROTTLE_DOWN -> "throttle down";
            case REDUCE_CONNECTIONS, REDUCE_DELIVERIES -> kind.word + " " + amount;
            case TRANSCODE -> "transcode \"" + text + "\"";
        };
    }

    /** @return {@code seconds} as a rule would write it: in days, hours or minutes when whole, else in seconds */
    private static String duration(long seconds) {
        if (seconds % 86_400 == 0) {
            return plural(seconds / 86_400, "day");
        }
        if (seconds % 3600 == 0) {
            return plural(seconds / 3600, "hour");
        }
        return seconds % 60 == 0 ? plural(seconds / 60, "minute") : seconds + " s";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
