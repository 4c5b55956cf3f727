package dev.cutover.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.cutover.cli.report.TerminalSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code cutover diff BEFORE AFTER}: what a change to the shaping did, from the {@code report.json} of a run before
 * it and one after, domain by domain and metric by metric, for each engine. A value moved beyond tolerance when
 * {@code |after - before| / max(|before|, 1)} exceeds the metric's tolerance in the later report (the same measure
 * a run uses between the engines). Exits 1 when any value moved beyond tolerance, so a CI step fails on it.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compares two report.json files, before and after a change to the shaping, domain by domain.",
                "Exits 1 when a metric of either engine moved beyond its tolerance, 0 when none did."})
final class DiffCommand implements Callable<Integer> {
    private static final String[] ENGINES = {"momentum", "kumomta"};

    @Parameters(index = "0", paramLabel = "BEFORE", description = "report.json of the run before the change, or "
            + "its folder")
    Path before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "report.json of the run after the change, or its "
            + "folder")
    Path after;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        final Report earlier = Report.read(before);
        final Report later = Report.read(after);
        final PrintWriter out = spec.commandLine().getOut();
        if (earlier.messages != later.messages) {
            out.printf(Locale.ROOT, "note: the runs replayed different traffic (%,d and %,d messages); changes may "
                    + "come from the traffic, not the shaping%n", earlier.messages, later.messages);
        }
        final TreeSet<String> keys = new TreeSet<>(earlier.checks.keySet());
        keys.addAll(later.checks.keySet());
        final String row = "%-28s  %-20s  %-8s  %10s  %10s  %8s  %s%n";
        out.printf(Locale.ROOT, row, "domain", "metric", "engine", "before", "after", "change", "verdict");
        int moved = 0;
        int compared = 0;
        for (String key : keys) {
            final JsonObject was = earlier.checks.get(key);
            final JsonObject is = later.checks.get(key);
            final String[] names = key.split("\u0000", 2);
            for (String engine : ENGINES) {
                final Double from = was == null ? null : number(was, engine);
                final Double to = is == null ? null : number(is, engine);
                if (from == null && to == null) {
                    continue;
                }
                compared++;
                final double tolerance = (is != null ? is : was).get("tolerance").getAsDouble();
                final Double change = from == null || to == null ? null : (to - from) / Math.max(Math.abs(from), 1);
                final boolean beyond = change == null || Math.abs(change) > tolerance + 1e-9;
                moved += beyond ? 1 : 0;
                if (beyond || change != 0) {
                    out.printf(Locale.ROOT, row, names[0], names[1], engine, TerminalSummary.figure(from),
                            TerminalSummary.figure(to), TerminalSummary.change(change),
                            beyond ? "moved" : "within " + Math.round(tolerance * 100) + "%");
                }
            }
        }
        out.printf(Locale.ROOT, "%d of %d values moved beyond tolerance%n", moved, compared);
        out.flush();
        return moved > 0 ? 1 : 0;
    }

    private static Double number(JsonObject check, String engine) {
        final JsonElement value = check.get(engine);
        return value == null || value.isJsonNull() ? null : value.getAsDouble();
    }

    /** The checks of one report.json, by domain and metric, and how many messages it replayed. */
    private record Report(long messages, Map<String, JsonObject> checks) {

        /** @throws UserError naming the file when it is not a report.json cutover wrote */
        static Report read(Path given) {
            final Path file = Files.isDirectory(given) ? given.resolve("report.json") : given;
            final JsonObject root;
            try {
                final JsonElement parsed = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
                if (!parsed.isJsonObject()) {
                    throw new UserError(file + ": expected a report.json object, found " + kind(parsed));
                }
                root = parsed.getAsJsonObject();
            } catch (IOException e) {
                throw new UserError(file + ": cannot read the report (" + e.getMessage() + ")");
            } catch (JsonParseException e) {
                throw new UserError(file + ": not JSON: " + e.getMessage());
            }
            if (!root.has("schema") || root.get("schema").getAsInt() != 1 || !root.has("domains")) {
                throw new UserError(file + ": expected a report.json of schema 1 with domains");
            }
            final Map<String, JsonObject> checks = new TreeMap<>();
            try {
                for (JsonElement domain : root.getAsJsonArray("domains")) {
                    final String name = domain.getAsJsonObject().get("domain").getAsString();
                    for (JsonElement check : domain.getAsJsonObject().getAsJsonArray("checks")) {
                        final JsonObject c = check.getAsJsonObject();
                        checks.put(name + "\u0000" + c.get("metric").getAsString(), c);
                    }
                }
                return new Report(root.getAsJsonObject("traffic").get("messages").getAsLong(), checks);
            } catch (RuntimeException e) {
                throw new UserError(file + ": expected a report.json of schema 1, but its domains, checks or traffic "
                        + "are not as cutover writes them (" + e.getMessage() + ")");
            }
        }

        private static String kind(JsonElement element) {
            return element.isJsonArray() ? "an array" : element.isJsonNull() ? "null" : "a single value";
        }
    }
}
