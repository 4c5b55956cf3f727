package dev.cutover.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.cutover.cli.report.Printable;
import dev.cutover.cli.report.TerminalSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** Where Gson says a document stopped being JSON. */
    private static final Pattern JSON_POSITION = Pattern.compile("line (\\d+) column (\\d+)");

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
        if (!earlier.scenario.equals(later.scenario)) {
            out.printf(Locale.ROOT, "note: the reports are of different scenarios (\"%s\" and \"%s\")%n",
                    Printable.of(earlier.scenario), Printable.of(later.scenario));
        }
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
            final Check was = earlier.checks.get(key);
            final Check is = later.checks.get(key);
            final String[] names = key.split("\u0000", 2);
            for (int engine = 0; engine < ENGINES.length; engine++) {
                final Double from = was == null ? null : was.values[engine];
                final Double to = is == null ? null : is.values[engine];
                if (from == null && to == null) {
                    continue;
                }
                compared++;
                final double tolerance = (is != null ? is : was).tolerance;
                final Double change = from == null || to == null ? null : (to - from) / Math.max(Math.abs(from), 1);
                final boolean beyond = change == null || Math.abs(change) > tolerance + 1e-9;
                moved += beyond ? 1 : 0;
                if (beyond || change != 0) {
                    out.printf(Locale.ROOT, row, Printable.of(names[0]), Printable.of(names[1]), ENGINES[engine],
                            TerminalSummary.figure(from),
                            TerminalSummary.figure(to), TerminalSummary.change(change),
                            beyond ? "moved" : "within " + Math.round(tolerance * 100) + "%");
                }
            }
        }
        out.printf(Locale.ROOT, "%d of %d values moved beyond tolerance%n", moved, compared);
        out.flush();
        return moved > 0 ? 1 : 0;
    }

    /** A value of a report.json that cutover would not have written. */
    private static final class NotAReport extends RuntimeException {
        NotAReport(String message) {
            super(message);
        }
    }

    /** One check of a report: the Momentum and KumoMTA values (null when unknown) and the tolerance. */
    private record Check(Double[] values, double tolerance) {
    }

    /** The checks of one report.json, by domain and metric, its scenario and how many messages it replayed. */
    private record Report(String scenario, long messages, Map<String, Check> checks) {

        /** @throws UserError naming the file, and the place in it, when it is not a report.json cutover wrote */
        static Report read(Path given) {
            final Path file = Files.isDirectory(given) ? given.resolve("report.json") : given;
            final JsonObject root;
            try {
                final JsonElement parsed = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
                if (!parsed.isJsonObject()) {
                    throw new UserError(file + ": expected a report.json object, found " + kind(parsed));
                }
                root = parsed.getAsJsonObject();
            } catch (CharacterCodingException e) {
                throw new UserError(file + ": not UTF-8 text, so not a report.json");
            } catch (IOException e) {
                throw new UserError(file + ": cannot read the report (" + e.getMessage() + ")");
            } catch (JsonParseException | StackOverflowError e) {
                final Matcher at = JSON_POSITION.matcher(String.valueOf(e.getMessage()));
                throw new UserError(file + ": not JSON" + (at.find() ? " (line " + at.group(1) + ", column "
                        + at.group(2) + ")" : "") + ", so not a report.json");
            }
            if (!root.has("schema") || !root.get("schema").isJsonPrimitive()
                    || !"1".equals(root.get("schema").getAsString()) || !root.has("domains")) {
                throw new UserError(file + ": expected a report.json of schema 1 with domains");
            }
            final Map<String, Check> checks = new TreeMap<>();
            String place = "domains";
            try {
                final JsonArray domains = root.getAsJsonArray("domains");
                for (int d = 0; d < domains.size(); d++) {
                    place = "domains[" + d + "]";
                    final JsonObject domain = domains.get(d).getAsJsonObject();
                    final String name = domain.get("domain").getAsString();
                    final JsonArray list = domain.getAsJsonArray("checks");
                    for (int c = 0; c < list.size(); c++) {
                        place = "domains[" + d + "].checks[" + c + "]";
                        final JsonObject check = list.get(c).getAsJsonObject();
                        final String key = name + "\u0000" + check.get("metric").getAsString();
                        final Double[] values = {number(check, "momentum", place), number(check, "kumomta", place)};
                        final Double tolerance = number(check, "tolerance", place);
                        if (tolerance == null || tolerance < 0) {
                            throw new NotAReport(place + ".tolerance is not a number of at least 0");
                        }
                        if (checks.put(key, new Check(values, tolerance)) != null) {
                            throw new NotAReport(place + " repeats " + name + " "
                                    + check.get("metric").getAsString());
                        }
                    }
                }
                place = "traffic.messages";
                final String scenario = root.has("scenario") && root.get("scenario").isJsonPrimitive()
                        ? root.get("scenario").getAsString() : "";
                return new Report(scenario, root.getAsJsonObject("traffic").get("messages").getAsLong(), checks);
            } catch (NotAReport e) {
                throw new UserError(file + ": " + e.getMessage() + "; expected a report.json as cutover writes it");
            } catch (RuntimeException e) {
                throw new UserError(file + ": " + place + " is not as cutover writes a report.json");
            }
        }

        /** @return the finite number at {@code name}, or null when it is null; anything else is refused */
        private static Double number(JsonObject check, String name, String place) {
            final JsonElement value = check.get(name);
            if (value == null || value.isJsonNull()) {
                return null;
            }
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()
                    || !Double.isFinite(value.getAsDouble())) {
                throw new NotAReport(place + "." + name + " is " + value + ", not a number");
            }
            return value.getAsDouble();
        }

        private static String kind(JsonElement element) {
            return element.isJsonArray() ? "an array" : element.isJsonNull() ? "null" : "a single value";
        }
    }
}
