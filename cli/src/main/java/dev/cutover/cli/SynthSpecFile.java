package dev.cutover.cli;

import dev.cutover.ingest.synth.DomainBehaviour;
import dev.cutover.ingest.synth.RetrySchedule;
import dev.cutover.ingest.synth.SynthSpec;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A traffic spec for {@code cutover synth} (TOML): what volume, over how long, from which bindings, to which
 * domains, and how each domain treated the mail (deferral and bounce rates, how fast Momentum drained it, how many
 * messages a connection carried). Unknown keys are errors naming the line.
 */
final class SynthSpecFile {
    private static final Set<String> TOP = Set.of("seed", "start", "duration", "messages", "volume",
            "binding_group", "bindings", "retry", "domains");
    private static final Set<String> RETRY = Set.of("interval", "max_interval", "max_retries");
    private static final Set<String> DOMAIN = Set.of("weight", "deferral", "bounce", "per_minute", "per_connection");

    private final String name;
    private final TomlParseResult toml;

    private SynthSpecFile(Path file, TomlParseResult toml) {
        this.name = file.getFileName().toString();
        this.toml = toml;
    }

    static SynthSpec load(Path file) {
        final TomlParseResult toml;
        try {
            toml = Toml.parse(file);
        } catch (IOException e) {
            throw new UserError(file + ": cannot be read (" + e.getMessage() + ")");
        }
        if (toml.hasErrors()) {
            throw new UserError(file.getFileName() + ":" + toml.errors().get(0).position().line() + ": "
                    + toml.errors().get(0).getMessage());
        }
        return new SynthSpecFile(file, toml).spec();
    }

    private SynthSpec spec() {
        check(toml, TOP, "");
        final Map<String, Double> mix = new LinkedHashMap<>();
        final Map<String, DomainBehaviour> behaviours = new LinkedHashMap<>();
        domains(mix, behaviours);
        try {
            return new SynthSpec(toml.getLong("seed", () -> 1L), start(), seconds("duration", "24h"),
                    toml.getLong("messages", () -> 10_000L), toml.getString("binding_group", () -> "default"),
                    bindings(), mix, behaviours, number(toml, "volume", 1.0), retry());
        } catch (IllegalArgumentException e) {
            throw new UserError(name + ": " + e.getMessage());
        }
    }

    private void domains(Map<String, Double> mix, Map<String, DomainBehaviour> behaviours) {
        final TomlTable domains = toml.getTable("domains");
        if (domains == null || domains.isEmpty()) {
            throw new UserError(name + ": [domains.\"<domain>\"] tables are required (weight, deferral, bounce, "
                    + "per_minute, per_connection)");
        }
        for (String domain : domains.keySet()) {
            final TomlTable d = domains.getTable(List.of(domain));
            check(d, DOMAIN, "domains." + domain);
            mix.put(domain, number(d, "weight", 1.0));
            try {
                behaviours.put(domain, new DomainBehaviour(number(d, "deferral", 0.04),
                        number(d, "bounce", 0.01), number(d, "per_minute", 600.0),
                        Math.toIntExact(d.getLong("per_connection", () -> 20L))));
            } catch (IllegalArgumentException e) {
                throw new UserError(name + ": [domains.\"" + domain + "\"]: " + e.getMessage());
            }
        }
    }

    private double number(TomlTable table, String key, double fallback) {
        final Object value = table.get(List.of(key));
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number)) {
            final var position = table.inputPositionOf(List.of(key));
            throw new UserError(name + ":" + (position == null ? 1 : position.line()) + ": " + key
                    + " must be a number");
        }
        return ((Number) value).doubleValue();
    }

    private void check(TomlTable table, Set<String> allowed, String where) {
        for (String key : table.keySet()) {
            if (!allowed.contains(key)) {
                final var position = table.inputPositionOf(List.of(key));
                throw new UserError(name + ":" + (position == null ? 1 : position.line()) + ": unknown key `" + key
                        + "`" + (where.isEmpty() ? "" : " in [" + where + "]") + "; expected one of "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private long start() {
        final Object start = toml.get("start");
        if (start == null) {
            return SynthSpec.DEMO_START_EPOCH_SECONDS;
        }
        try {
            return start instanceof Long ? (Long) start : Instant.parse(String.valueOf(start)).getEpochSecond();
        } catch (DateTimeParseException e) {
            throw new UserError(name + ":" + toml.inputPositionOf("start").line()
                    + ": start must be epoch seconds or an ISO-8601 instant such as \"2024-06-03T16:00:00Z\"");
        }
    }

    private long seconds(String key, String fallback) {
        try {
            return ScenarioValues.durationMicros(toml.getString(key, () -> fallback)) / 1_000_000L;
        } catch (IllegalArgumentException e) {
            throw new UserError(name + ": " + key + " must be a duration such as \"6h\"");
        }
    }

    private List<String> bindings() {
        final TomlArray array = toml.getArray("bindings");
        final List<String> bindings = new ArrayList<>();
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                bindings.add(String.valueOf(array.get(i)));
            }
        }
        return bindings.isEmpty() ? List.of("default") : bindings;
    }

    private RetrySchedule retry() {
        final TomlTable retry = toml.getTable("retry");
        if (retry == null) {
            return RetrySchedule.MOMENTUM_DEFAULT;
        }
        check(retry, RETRY, "retry");
        return new RetrySchedule(
                ScenarioValues.durationMicros(retry.getString("interval", () -> "20m")) / 1_000_000L,
                ScenarioValues.durationMicros(retry.getString("max_interval", () -> "12h")) / 1_000_000L,
                Math.toIntExact(retry.getLong("max_retries", () -> 6L)));
    }
}
