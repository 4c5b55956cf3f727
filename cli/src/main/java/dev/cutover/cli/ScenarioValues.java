package dev.cutover.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the value forms of scenario files: durations such as {@code 250ms} or {@code 7d}, percentages. */
final class ScenarioValues {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|ms|s|sec|m|min|h|hr|d|day)");
    /** Longest duration a scenario may give: ten years. */
    private static final double MAX_MICROS = 3650 * 86400e6;

    private ScenarioValues() {
    }

    /** @return the duration in microseconds; parts add up, so {@code 1m 30s} is 90 s. */
    static long durationMicros(String text) {
        final String trimmed = text.trim().toLowerCase(Locale.ROOT);
        final Matcher matcher = PART.matcher(trimmed);
        double micros = 0;
        int end = 0;
        while (matcher.find()) {
            if (!trimmed.substring(end, matcher.start()).isBlank()) {
                throw new IllegalArgumentException(text);
            }
            micros += Double.parseDouble(matcher.group(1)) * unitMicros(matcher.group(2));
            end = matcher.end();
        }
        if (end == 0 || end != trimmed.length() || micros > MAX_MICROS) {
            throw new IllegalArgumentException(text);
        }
        return Math.round(micros);
    }

    private static double unitMicros(String unit) {
        switch (unit) {
            case "us":
                return 1;
            case "ms":
                return 1e3;
            case "s":
            case "sec":
                return 1e6;
            case "m":
            case "min":
                return 60e6;
            case "h":
            case "hr":
                return 3600e6;
            default:
                return 86400e6;
        }
    }

    /** @return {@code "10%"} as 0.1; only percentages from 0% to 1000% are accepted. */
    static double percent(Object value) {
        final String text = String.valueOf(value).trim();
        if (!(value instanceof String) || !text.matches("\\d+(\\.\\d+)?\\s*%")) {
            throw new IllegalArgumentException(text);
        }
        final double parsed = Double.parseDouble(text.substring(0, text.length() - 1).trim()) / 100.0;
        if (parsed > 10) {
            throw new IllegalArgumentException(text);
        }
        return parsed;
    }

    /** @return {@code value} when it is a finite number of at least 0. */
    static double nonNegative(Object value) {
        if (!(value instanceof Number) || !Double.isFinite(((Number) value).doubleValue())
                || ((Number) value).doubleValue() < 0) {
            throw new IllegalArgumentException(String.valueOf(value));
        }
        return ((Number) value).doubleValue();
    }
}
