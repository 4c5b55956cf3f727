package dev.cutover.cli;

import dev.cutover.ingest.LogSource;
import dev.cutover.ingest.IngestInput;
import dev.cutover.sim.ReceiverParameters;
import dev.cutover.sim.compare.Metric;
import dev.cutover.sim.compare.Tolerances;
import dev.cutover.sim.kumo.KumoParameters;
import dev.cutover.sim.momentum.conf.FallbackOrder;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Reads a scenario file (TOML). Paths are relative to the scenario file. An unknown key, a missing required key
 * or a value of the wrong kind is a {@link UserError} naming the file, the line and what was expected.
 */
public final class ScenarioLoader {
    private static final Map<String, Set<String>> KEYS = Map.of(
            "", Set.of("name", "seed", "traffic", "momentum", "kumomta", "receivers", "tolerance", "replay"),
            "traffic", Set.of("logs", "bouncelogs", "custom_logs", "binding_groups", "store"),
            "momentum", Set.of("config", "fallback_order", "adaptive_rules"),
            "kumomta", Set.of("policy", "mx", "tenant", "helpers", "headers", "tsa", "paths", "env",
                    "rest_injections", "http_auth"),
            "receivers", Set.of("smtp_latency", "connect_latency", "model", "capacity"),
            "tolerance", Set.of("delivered_per_minute", "connections", "deferrals", "absolute_floor", "rate_window"),
            "replay", Set.of("drain_allowance"));
    private static final Set<String> LOG_ENTRY_KEYS = Set.of("path", "node");
    private static final Set<String> TENANT_FIELDS = Set.of("binding_group", "binding", "none");
    /**
     * A header's value: printable text without line breaks, any braces only around a known field; matched without
     * backtracking, so that a long value cannot overflow the stack.
     */
    private static final Pattern HEADER_TEMPLATE = Pattern.compile("(?:[^{}\\r\\n]++|\\{binding_group}|\\{binding})*+");

    private final Path file;
    private final String fileName;
    private TomlParseResult toml;

    private ScenarioLoader(Path file) {
        this.file = file;
        this.fileName = file.getFileName().toString();
    }

    /**
     * @param path a scenario file, or a folder holding {@code scenario.toml}
     * @return the scenario
     * @throws UserError when the file is missing or malformed
     */
    public static Scenario load(Path path) {
        final Path file = Files.isDirectory(path) ? path.resolve("scenario.toml") : path;
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no scenario file here (expected a scenario.toml or a folder holding one)");
        }
        return new ScenarioLoader(file).read();
    }

    private Scenario read() {
        parse();
        checkKeys("", toml);
        for (String table : KEYS.keySet()) {
            if (!table.isEmpty() && toml.contains(table)) {
                checkKeys(table, table(table));
            }
        }
        return build();
    }

    private void parse() {
        try {
            toml = Toml.parse(file);
        } catch (IOException e) {
            throw new UserError(file + ": cannot be read (" + (e instanceof java.nio.charset.CharacterCodingException
                    ? "it is not UTF-8 text; expected a TOML scenario file" : e.getMessage()) + ")");
        }
        if (toml.hasErrors()) {
            final var error = toml.errors().get(0);
            throw new UserError(fileName + ":" + error.position().line() + ": " + error.getMessage());
        }
    }

    private void checkKeys(String table, TomlTable values) {
        if (values == null) {
            throw new UserError(fileName + ": [" + table + "] must be a table");
        }
        for (String key : values.keySet()) {
            if (!KEYS.get(table).contains(key)) {
                final String dotted = table.isEmpty() ? key : table + "." + key;
                throw new UserError(fileName + ":" + line(dotted) + ": unknown key `" + key + "`"
                        + (table.isEmpty() ? "" : " in [" + table + "]") + "; expected one of "
                        + String.join(", ", KEYS.get(table).stream().sorted().toList()));
            }
        }
    }

    private Scenario build() {
        final Path folder = file.toAbsolutePath().getParent();
        return new Scenario(file, string("name", folder.getFileName().toString()), integer("seed", 1),
                logs(folder), bouncelogs(folder), customLogs(folder), bindingGroups(),
                folder.resolve(string("traffic.store", ".cutover/store")),
                existing(folder, required("momentum.config"), "momentum.config"), fallbackOrder(),
                adaptiveRules(folder),
                existing(folder, required("kumomta.policy"), "kumomta.policy"),
                toml.contains("kumomta.mx") ? existing(folder, string("kumomta.mx", null), "kumomta.mx") : null,
                toml.contains("kumomta.helpers") ? helperFolder(folder) : null, kumoPaths(folder), kumoEnv(),
                "http".equals(choice("kumomta.rest_injections", "http", Set.of("http", "smtp"))), httpAuth(),
                tenantField(), headerFields(),
                choice("kumomta.tsa", "auto", Set.of("auto", "on", "off")), receivers(),
                choice("receivers.model", "recorded", Set.of("recorded", "capacity")), capacityOverrides(),
                connectionCapacities(),
                tolerances(),
                duration("replay.drain_allowance", "7d"), rateWindowMinutes());
    }

    private List<LogSource> logs(Path folder) {
        final TomlArray array = array("traffic.logs");
        final boolean custom = toml.contains("traffic.custom_logs");
        if ((array == null || array.isEmpty()) && !custom) {
            throw new UserError(fileName + ": [traffic] needs logs (a list of Momentum mainlog files or globs), "
                    + "[[traffic.custom_logs]] entries (custom_logger files), or both");
        }
        return sources(folder, "traffic.logs", "mainlog");
    }

    /** @return the bouncelogs read alongside the mainlogs, for the bounce class of failed attempts */
    private List<LogSource> bouncelogs(Path folder) {
        if (toml.contains("traffic.bouncelogs") && !toml.contains("traffic.logs")) {
            throw new UserError(fileName + ":" + line("traffic.bouncelogs") + ": bouncelogs enrich mainlog "
                    + "attempts, so [traffic] needs logs too");
        }
        return sources(folder, "traffic.bouncelogs", "bouncelog");
    }

    /**
     * @param listKey the list of files: {@code traffic.logs} or {@code traffic.bouncelogs}
     * @param what    what the files are, for messages
     */
    private List<LogSource> sources(Path folder, String listKey, String what) {
        final TomlArray array = array(listKey);
        final List<LogSource> logs = new ArrayList<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            logs.addAll(logEntry(folder, array.get(i), listKey, what));
        }
        return logs;
    }

    /** @return the files of one list entry: a path or glob, or a {@code { path, node }} table */
    private List<LogSource> logEntry(Path folder, Object entry, String listKey, String what) {
        if (entry instanceof String) {
            return logSources(folder, (String) entry, "", line(listKey));
        }
        if (!(entry instanceof TomlTable)) {
            throw expected(listKey, "a list of files or globs, or of { path = \"...\", node = \"...\" } "
                    + "tables");
        }
        final TomlTable table = (TomlTable) entry;
        checkLogEntryKeys(table, listKey, what);
        final String node = table.contains("node") ? (String) table.get("node") : "";
        return logSources(folder, (String) table.get("path"), node, logEntryLine(table, "path", listKey));
    }

    private List<LogSource> logSources(Path folder, String entry, String node, int line) {
        final List<LogSource> sources = new ArrayList<>();
        for (Path path : LogGlobs.expand(folder, entry, fileName + ":" + line)) {
            sources.add(new LogSource(path, node));
        }
        return sources;
    }

    private void checkLogEntryKeys(TomlTable table, String listKey, String what) {
        for (String key : table.keySet()) {
            if (!LOG_ENTRY_KEYS.contains(key)) {
                throw logEntryError(table, key, listKey, "unknown key `" + key + "` in a " + listKey + " entry; "
                        + "expected one of node, path");
            }
        }
        if (!(table.get("path") instanceof String)) {
            throw logEntryError(table, "path", listKey, "a " + listKey + " entry needs `path`, a string: the node's "
                    + what + " file or glob");
        }
        if (table.contains("node") && !(table.get("node") instanceof String)) {
            throw logEntryError(table, "node", listKey, "`node` in a " + listKey + " entry must be a string: the "
                    + "name of the cluster node that wrote the file");
        }
    }

    private UserError logEntryError(TomlTable table, String key, String listKey, String message) {
        return new UserError(fileName + ":" + logEntryLine(table, key, listKey) + ": " + message);
    }

    /** @return the line of {@code key} in an inline table of {@code listKey}, or of the list without it */
    private int logEntryLine(TomlTable table, String key, String listKey) {
        final var position = table.contains(key) ? table.inputPositionOf(key) : null;
        return position == null ? line(listKey) : position.line();
    }

    private List<IngestInput> customLogs(Path folder) {
        final TomlArray entries = array("traffic.custom_logs");
        final List<IngestInput> logs = new ArrayList<>();
        for (int i = 0; entries != null && i < entries.size(); i++) {
            if (!(entries.get(i) instanceof TomlTable)) {
                throw expected("traffic.custom_logs", "a list of tables, written [[traffic.custom_logs]]");
            }
            logs.addAll(new CustomLogEntry(fileName, line("traffic.custom_logs")).read(folder,
                    (TomlTable) entries.get(i)));
        }
        if (entries != null && logs.isEmpty()) {
            throw expected("traffic.custom_logs", "at least one [[traffic.custom_logs]] entry");
        }
        return logs;
    }

    private Set<String> bindingGroups() {
        final TomlArray array = array("traffic.binding_groups");
        final Set<String> groups = new LinkedHashSet<>();
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                groups.add(String.valueOf(array.get(i)));
            }
        }
        return groups;
    }

    private FallbackOrder fallbackOrder() {
        final String order = string("momentum.fallback_order", "documentation");
        switch (order) {
            case "documentation":
                return FallbackOrder.DOCUMENTATION;
            case "knowledge_base":
                return FallbackOrder.KNOWLEDGE_BASE;
            default:
                throw expected("momentum.fallback_order", "\"documentation\" or \"knowledge_base\"");
        }
    }

    private String choice(String key, String fallback, Set<String> allowed) {
        final String value = string(key, fallback);
        if (!allowed.contains(value)) {
            final List<String> quoted = allowed.stream().sorted().map(v -> "\"" + v + "\"").toList();
            throw expected(key, String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or "
                    + quoted.get(quoted.size() - 1));
        }
        return value;
    }

    private String tenantField() {
        final String tenant = string("kumomta.tenant", "binding_group");
        if (!TENANT_FIELDS.contains(tenant)) {
            throw expected("kumomta.tenant", "\"binding_group\", \"binding\" or \"none\"");
        }
        return tenant;
    }

    /**
     * @return [kumomta.headers]: header name to the template of its value, in which {binding_group} and {binding}
     *         stand for the log's fields; a bare binding_group or binding is that field
     */
    private Map<String, String> headerFields() {
        final Map<String, String> entries = entries("kumomta.headers", "a header name (printable, no colon or "
                + "space) = a value in which {binding_group} and {binding} stand for the log's fields",
                (header, value) -> header.matches("[!-9;-~]+") && value instanceof String template
                        && HEADER_TEMPLATE.matcher(template).matches() ? header : null);
        final Map<String, String> templates = new LinkedHashMap<>();
        final Set<String> names = new LinkedHashSet<>();
        entries.forEach((header, value) -> {
            if (!names.add(header.toLowerCase(Locale.ROOT))) {
                throw new UserError(fileName + ":" + line("kumomta.headers") + ": kumomta.headers names " + header
                        + " twice (header names are the same in any case); keep one");
            }
            templates.put(header, value.equals("binding_group") || value.equals("binding") ? "{" + value + "}"
                    : value);
        });
        return templates;
    }

    /** @return [kumomta] http_auth: a template as a header's, kumod's answer for an injector on its own host else */
    private String httpAuth() {
        final String template = string("kumomta.http_auth", KumoParameters.DEFAULT_HTTP_AUTH);
        if (!HEADER_TEMPLATE.matcher(template).matches()) {
            throw expected("kumomta.http_auth", "a value in which {binding_group} and {binding} stand for the log's "
                    + "fields, on one line, not \"" + template.replaceAll("[\\r\\n]", " ") + "\"");
        }
        return template;
    }

    /** @return [receivers.capacity]: a site, or a domain standing for its site, to messages it takes per minute */
    private static final String CAPACITY_ENTRY = "a site or domain = messages per minute (a whole number, at least "
            + "1), or = { per_minute = N, connections = N } with either or both";

    /** @return site or domain to messages per minute, from [receivers.capacity] */
    private Map<String, Long> capacityOverrides() {
        if (toml.contains("receivers.capacity") && !"capacity".equals(string("receivers.model", "recorded"))) {
            throw new UserError(fileName + ":" + line("receivers.capacity") + ": [receivers.capacity] sets what sites "
                    + "accept for the rate-sensitive receiver; add model = \"capacity\" to [receivers], or leave the "
                    + "table out");
        }
        return capacities("per_minute");
    }

    /** @return site or domain to the connections it accepts at once, from [receivers.capacity] tables */
    private Map<String, Long> connectionCapacities() {
        return capacities("connections");
    }

    private Map<String, Long> capacities(String field) {
        final Map<String, Object> entries = entries("receivers.capacity", CAPACITY_ENTRY,
                (name, value) -> capacityEntry(value) ? name.toLowerCase(Locale.ROOT) : null);
        final Map<String, Long> out = new LinkedHashMap<>();
        entries.forEach((name, value) -> {
            final Object limit = value instanceof TomlTable ? ((TomlTable) value).get(field)
                    : field.equals("per_minute") ? value : null;
            if (limit != null) {
                out.put(name, (Long) limit);
            }
        });
        return out;
    }

    private boolean capacityEntry(Object value) {
        if (value instanceof Long) {
            return (Long) value >= 1;
        }
        if (!(value instanceof TomlTable table) || table.isEmpty()) {
            return false;
        }
        for (String key : table.keySet()) {
            final Object limit = table.get(List.of(key));
            final String where = fileName + ":" + table.inputPositionOf(List.of(key)).line() + ": receivers.capacity: ";
            if (!Set.of("per_minute", "connections").contains(key)) {
                throw new UserError(where + "unknown key `" + key + "`; a site's table takes per_minute and "
                        + "connections");
            }
            if (!(limit instanceof Long) || (Long) limit < 1) {
                throw new UserError(where + key + " must be a whole number, at least 1, not " + describe(limit));
            }
        }
        return true;
    }

    /**
     * Reads a table of name = value, such as [kumomta.headers], in file order.
     *
     * @param accept the key to keep an entry under, or null when the entry is not what {@code expected} says
     * @return the entries kept; empty when the table is absent
     * @throws UserError naming the line of the first entry refused
     */
    @SuppressWarnings("unchecked")
    private <T> Map<String, T> entries(String key, String expected, BiFunction<String, Object, String> accept) {
        if (!toml.contains(key)) {
            return Map.of();
        }
        if (!toml.isTable(key)) {
            throw expected(key, "a table of " + expected);
        }
        final TomlTable table = toml.getTable(key);
        final Map<String, T> out = new LinkedHashMap<>();
        for (String name : table.keySet()) {
            final Object value = table.get(List.of(name));
            final String kept = accept.apply(name, value);
            if (kept == null) {
                throw new UserError(fileName + ":" + table.inputPositionOf(List.of(name)).line() + ": " + key
                        + ": expected " + expected + ", got " + name + " = " + describe(value));
            }
            out.put(kept, (T) value);
        }
        return out;
    }

    /** @return a TOML value as a message shows it: a string quoted, a number as written, else its kind */
    private static String describe(Object value) {
        if (value instanceof String) {
            return "\"" + value + "\"";
        }
        if (value instanceof TomlTable) {
            return "a table";
        }
        return value instanceof TomlArray ? "a list" : String.valueOf(value);
    }

    private ReceiverParameters receivers() {
        return new ReceiverParameters(duration("receivers.smtp_latency", "250ms"),
                duration("receivers.connect_latency", "100ms"));
    }

    private Tolerances tolerances() {
        final Map<Metric, Double> relative = new EnumMap<>(Metric.class);
        final Tolerances defaults = Tolerances.defaults();
        for (Metric metric : Metric.values()) {
            final String key = "tolerance." + metric.key();
            relative.put(metric, toml.contains(key) ? percent(key) : defaults.of(metric));
        }
        final double floor = toml.contains("tolerance.absolute_floor")
                ? nonNegative("tolerance.absolute_floor") : defaults.absoluteFloor();
        return new Tolerances(relative, floor);
    }

    private int rateWindowMinutes() {
        final long micros = duration("tolerance.rate_window", "10m");
        if (micros < 60_000_000L || micros % 60_000_000L != 0) {
            throw expected("tolerance.rate_window", "a whole number of minutes such as \"10m\"");
        }
        return Math.toIntExact(micros / 60_000_000L);
    }

    private double percent(String key) {
        final Object value = toml.get(key);
        try {
            return ScenarioValues.percent(value);
        } catch (IllegalArgumentException e) {
            throw expected(key, "a percentage from \"0%\" to \"1000%\", such as \"10%\"");
        }
    }

    private double nonNegative(String key) {
        try {
            return ScenarioValues.nonNegative(toml.get(key));
        } catch (IllegalArgumentException e) {
            throw expected(key, "a number of at least 0");
        }
    }

    private long duration(String key, String fallback) {
        final Object value = toml.contains(key) ? toml.get(key) : fallback;
        try {
            return ScenarioValues.durationMicros(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw expected(key, "a duration such as \"250ms\", \"30s\" or \"7d\" (at most ten years)");
        }
    }

    /** @return the Adaptive Delivery rules files, in the order they run */
    private List<Path> adaptiveRules(Path folder) {
        if (toml.get("momentum.adaptive_rules") instanceof String single) {
            return List.of(existing(folder, single, "momentum.adaptive_rules"));
        }
        final TomlArray array = array("momentum.adaptive_rules");
        final List<Path> files = new ArrayList<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            if (!(array.get(i) instanceof String)) {
                throw expected("momentum.adaptive_rules", "a list of Lua files that call "
                        + "msys.adaptive.registerRules");
            }
            files.add(existing(folder, array.getString(i), "momentum.adaptive_rules"));
        }
        return List.copyOf(files);
    }

    private Path existing(Path folder, String relative, String key) {
        final Path path = folder.resolve(relative).normalize();
        if (Files.isDirectory(path)) {
            throw new UserError(fileName + ":" + line(key) + ": " + key + " names " + relative
                    + ", which is a folder; expected a file");
        }
        if (!Files.isRegularFile(path)) {
            throw new UserError(fileName + ":" + line(key) + ": " + key + " names " + relative
                    + ", which does not exist (paths are relative to the scenario file)");
        }
        return path;
    }

    /** @return the folder named by kumomta.helpers, which must hold policy-extras/ as an installation's share does */
    /** @return [kumomta.paths]: a production folder the policy names to the local folder that stands for it */
    private Map<String, Path> kumoPaths(Path folder) {
        final Map<String, String> entries = entries("kumomta.paths", "an absolute production folder in quotes = a "
                + "local folder, relative to the scenario file", (production, local) -> production.startsWith("/")
                && !production.contains("\u0000") && normalized(production) && local instanceof String ? production
                : null);
        final Map<String, Path> out = new LinkedHashMap<>();
        final TomlTable table = entries.isEmpty() ? null : toml.getTable("kumomta.paths");
        entries.forEach((production, local) -> {
            final Path path = folder.resolve(local).normalize();
            final int line = table.inputPositionOf(List.of(production)).line();
            if (!Files.isDirectory(path)) {
                throw new UserError(fileName + ":" + line + ": kumomta.paths maps " + production + " to " + local
                        + ", which is not a folder (paths are relative to the scenario file)");
            }
            final String bare = production.length() > 1 && production.endsWith("/")
                    ? production.substring(0, production.length() - 1) : production;
            if (out.putIfAbsent(bare, path) != null) {
                throw new UserError(fileName + ":" + line + ": kumomta.paths names the folder " + bare + " twice "
                        + "(with and without a final /); keep one");
            }
        });
        return out;
    }

    /** @return true for a folder written without {@code //}, {@code .} or {@code ..} parts, as policies name them */
    private static boolean normalized(String folder) {
        final String trimmed = folder.length() > 1 && folder.endsWith("/") ? folder.substring(0, folder.length() - 1)
                : folder;
        return Path.of(trimmed).normalize().toString().equals(trimmed);
    }

    /** @return [kumomta.env]: what the policy's os.getenv answers, name to value */
    private Map<String, String> kumoEnv() {
        return entries("kumomta.env", "a variable name = a string, what os.getenv answers for it",
                (name, value) -> value instanceof String && name.matches("[^=\\s\\p{Cntrl}]+") ? name : null);
    }

    private Path helperFolder(Path folder) {
        final String relative = string("kumomta.helpers", null);
        final Path path = folder.resolve(relative).normalize();
        if (!Files.isDirectory(path.resolve("policy-extras"))) {
            throw new UserError(fileName + ":" + line("kumomta.helpers") + ": kumomta.helpers names " + relative
                    + ", which holds no policy-extras folder; expected the folder of KumoMTA's shipped helpers, "
                    + "such as an installation's /opt/kumomta/share");
        }
        return path;
    }

    private String required(String key) {
        if (!toml.contains(key)) {
            throw new UserError(fileName + ": " + key + " is required");
        }
        return string(key, null);
    }

    private String string(String key, String fallback) {
        if (!toml.contains(key)) {
            return fallback;
        }
        final Object value = toml.get(key);
        if (!(value instanceof String)) {
            throw expected(key, "a string");
        }
        return (String) value;
    }

    private long integer(String key, long fallback) {
        if (!toml.contains(key)) {
            return fallback;
        }
        final Object value = toml.get(key);
        if (!(value instanceof Long)) {
            throw expected(key, "an integer");
        }
        return (Long) value;
    }

    private TomlArray array(String key) {
        if (!toml.contains(key)) {
            return null;
        }
        final Object value = toml.get(key);
        if (!(value instanceof TomlArray)) {
            throw expected(key, "a list");
        }
        return (TomlArray) value;
    }

    private TomlTable table(String key) {
        final Object value = toml.get(key);
        return value instanceof TomlTable ? (TomlTable) value : null;
    }

    private UserError expected(String key, String what) {
        return new UserError(fileName + ":" + line(key) + ": " + key + " must be " + what);
    }

    private int line(String dottedKey) {
        final var position = toml.inputPositionOf(dottedKey);
        return position == null ? 1 : position.line();
    }
}
