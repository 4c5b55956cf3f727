package dev.cutover.sim.momentum;

import dev.cutover.kumo.ForeignRegex;
import dev.cutover.kumo.HarnessOptions;
import dev.cutover.kumo.LuaSandbox;
import dev.cutover.kumo.SandboxHost;
import dev.cutover.kumo.PolicyException;
import dev.cutover.kumo.PolicyFiles;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Runs the user's Adaptive Delivery rules files (for example a {@code custom_ad.lua}, or the installation's
 * {@code adaptive_rules.lua} written the same way) in cutover's Lua sandbox and keeps what they register.
 *
 * <p>A file calls {@code msys.adaptive.registerRules(rules, mode)} after {@code require('msys.adaptive')}; mode
 * {@code "replace"} drops every rule registered before, {@code "augment"} (the default) adds to them: a domain's
 * new response rules are tried after its earlier ones and its configuration entries replace earlier ones of the
 * same option (support.sparkpost.com/momentum/3/3-ad/ad-custom-rules). Each domain entry is a table with
 * {@code responses} (a list of {@code {code=..., trigger=..., action={...}, message=...}}) and
 * {@code configuration}, or a string naming the domain whose rules it uses. A rule's action is a flat list of
 * name and argument pairs, {@code {"transcode", "454", "suspend", "2 hours"}}, or a list of such pairs.
 *
 * <p>Problems name the file and the line of the {@code registerRules} call, with the domain and rule number.
 */
public final class AdaptiveRulesLoader {
    private static final Pattern TRIGGER = Pattern.compile("\\s*(\\d{1,9})\\s*(?:/\\s*(\\d{1,9})\\s*)?");
    /** How the sandbox speaks of what it runs: a rules file, not a KumoMTA policy. */
    private static final SandboxHost RULES_FILE = new SandboxHost("rules file", "rules file's folder",
            "a rules file reads no files; it hands its rules to msys.adaptive.registerRules",
            "LuaJ, which runs rules files here, is Lua 5.2", "cutover reads rules files as UTF-8");

    private final Map<String, List<ResponseRule>> responses = new TreeMap<>();
    private final Map<String, Map<String, AdaptiveRules.Configured>> configuration = new TreeMap<>();
    private final Map<String, String> aliases = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();
    private String file;
    private LuaSandbox sandbox;
    private boolean registered;

    private AdaptiveRulesLoader() {
    }

    /**
     * @param files the rules files, run in this order
     * @return the rules they registered
     * @throws PolicyException naming file and line of the first problem
     */
    public static AdaptiveRules load(List<Path> files) {
        final AdaptiveRulesLoader loader = new AdaptiveRulesLoader();
        final List<String> names = new ArrayList<>();
        for (Path path : files) {
            loader.run(path);
            names.add(path.getFileName().toString());
        }
        return loader.rules(names);
    }

    private void run(Path path) {
        final Path absolute = path.toAbsolutePath().normalize();
        file = absolute.getFileName().toString();
        registered = false;
        sandbox = new LuaSandbox(new PolicyFiles(absolute.getParent(), null, RULES_FILE.folder()),
                HarnessOptions.defaults(), printed -> { }, RULES_FILE);
        final LuaTable adaptive = new LuaTable();
        adaptive.set("registerRules", new RegisterRules());
        final LuaTable msys = new LuaTable();
        msys.set("adaptive", adaptive);
        sandbox.globals().set("msys", msys);
        sandbox.globals().get("package").get("loaded").set("msys.adaptive", adaptive);
        sandbox.call("adaptive rules", sandbox.compile(absolute), LuaValue.NONE);
        if (!registered) {
            throw new PolicyException(file, 0, "never calls msys.adaptive.registerRules, so it registers no rules; "
                    + "a rules file ends with msys.adaptive.registerRules(rules) or (rules, \"replace\")");
        }
    }

    private AdaptiveRules rules(List<String> files) {
        aliases.forEach((alias, target) -> {
            if (aliases.containsKey(target)) {
                notes.add("\"" + alias + "\" uses the rules of \"" + target + "\", which is itself an alias; "
                        + "aliases are not followed further, so \"" + alias + "\" has no rules");
            } else if (!responses.containsKey(target) && !configuration.containsKey(target)) {
                notes.add("\"" + alias + "\" uses the rules of \"" + target + "\", which has none");
            }
        });
        final Map<String, AdaptiveRules.DomainRules> domains = new LinkedHashMap<>();
        final java.util.Set<String> keys = new java.util.TreeSet<>(responses.keySet());
        keys.addAll(configuration.keySet());
        for (String domain : keys) {
            domains.put(domain, new AdaptiveRules.DomainRules(domain, responses.getOrDefault(domain, List.of()),
                    configuration.getOrDefault(domain, Map.of())));
        }
        return new AdaptiveRules(domains, aliases, files, notes);
    }

    /** {@code msys.adaptive.registerRules(rules, mode)}. */
    private final class RegisterRules extends VarArgFunction {
        @Override
        public Varargs invoke(Varargs args) {
            if (!args.arg1().istable()) {
                throw new LuaError("msys.adaptive.registerRules expects a table of rules keyed by domain, not a "
                        + args.arg1().typename());
            }
            final String mode = args.arg(2).isnil() ? "augment" : args.arg(2).tojstring();
            if (mode.equals("replace")) {
                responses.clear();
                configuration.clear();
                aliases.clear();
            } else if (!mode.equals("augment")) {
                throw new LuaError("msys.adaptive.registerRules mode must be \"augment\" or \"replace\", not \""
                        + mode + "\"");
            }
            registered = true;
            final String where = sandbox.currentLocation() == null ? file : sandbox.currentLocation();
            final LuaTable table = args.arg1().checktable();
            for (LuaValue key : sortedKeys(table)) {
                register(key.tojstring().toLowerCase(Locale.ROOT), table.get(key), where);
            }
            return LuaValue.NONE;
        }
    }

    private static List<LuaValue> sortedKeys(LuaTable table) {
        final List<LuaValue> keys = new ArrayList<>();
        for (LuaValue k = table.next(LuaValue.NIL).arg1(); !k.isnil(); k = table.next(k).arg1()) {
            keys.add(k);
        }
        keys.sort(java.util.Comparator.comparing(LuaValue::tojstring));
        return keys;
    }

    private void register(String domain, LuaValue entry, String where) {
        if (entry.isstring() && !entry.isnumber()) {
            aliases.put(domain, entry.tojstring().toLowerCase(Locale.ROOT));
            return;
        }
        if (!entry.istable()) {
            throw new LuaError("rules for \"" + domain + "\" must be a table or the name of another domain, not a "
                    + entry.typename());
        }
        aliases.remove(domain);
        final LuaValue list = entry.get("responses");
        if (!list.isnil()) {
            if (!list.istable()) {
                throw new LuaError("responses of \"" + domain + "\" must be a list of rules");
            }
            final List<ResponseRule> rules = responses.computeIfAbsent(domain, d -> new ArrayList<>());
            for (int i = 1; i <= list.length(); i++) {
                rules.add(rule(domain, i, list.get(i), where));
            }
        }
        final LuaValue config = entry.get("configuration");
        if (!config.isnil()) {
            if (!config.istable()) {
                throw new LuaError("configuration of \"" + domain + "\" must be a table");
            }
            for (LuaValue key : sortedKeys(config.checktable())) {
                configure(domain, key.tojstring().toLowerCase(Locale.ROOT), config.get(key), where);
            }
        }
    }

    private ResponseRule rule(String domain, int index, LuaValue rule, String where) {
        final String label = "\"" + domain + "\" response " + index;
        if (!rule.istable()) {
            throw new LuaError(label + " must be a table with code, trigger and action");
        }
        final LuaValue code = rule.get("code");
        if (!code.isstring()) {
            throw new LuaError(label + " has no code (the pattern matched against the SMTP response)");
        }
        final Pattern pattern;
        try {
            pattern = ForeignRegex.compile(code.tojstring());
        } catch (PatternSyntaxException e) {
            throw new LuaError(label + ": code \"" + code.tojstring() + "\" is not a valid pattern: "
                    + e.getDescription());
        }
        final String trigger = rule.get("trigger").isnil() ? "1" : rule.get("trigger").tojstring();
        final java.util.regex.Matcher m = TRIGGER.matcher(trigger);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0 || m.group(2) != null && Long.parseLong(m.group(2)) == 0) {
            throw new LuaError(label + ": trigger must be \"N\" or \"N/S\" (N matches in S seconds), not \""
                    + trigger + "\"");
        }
        final int count = Integer.parseInt(m.group(1));
        final long window = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        return new ResponseRule(code.tojstring(), pattern, count, window, actions(label, rule.get("action")),
                where + " \"" + domain + "\" #" + index);
    }

    private static List<AdaptiveAction> actions(String label, LuaValue action) {
        if (!action.istable() || action.length() == 0) {
            throw new LuaError(label + ": action must be a list such as {\"suspend\", \"4 hours\"}");
        }
        final List<LuaValue> words = new ArrayList<>();
        for (int i = 1; i <= action.length(); i++) {
            final LuaValue item = action.get(i);
            if (item.istable()) {
                for (int j = 1; j <= item.length(); j++) {
                    words.add(item.get(j));
                }
            } else {
                words.add(item);
            }
        }
        final List<AdaptiveAction> parsed = new ArrayList<>();
        for (int i = 0; i < words.size(); i += 2) {
            try {
                parsed.add(AdaptiveAction.parse(words.get(i).tojstring(),
                        i + 1 < words.size() ? words.get(i + 1).tojstring() : null));
            } catch (IllegalArgumentException e) {
                throw new LuaError(label + ": " + e.getMessage());
            }
        }
        return parsed;
    }

    private void configure(String domain, String option, LuaValue value, String where) {
        final String origin = where + " \"" + domain + "\" configuration";
        if (!AdaptiveRules.MANAGED.contains(option)) {
            notes.add(origin + " sets " + option + ", which the model does not manage; it is left as configured");
            return;
        }
        final AdaptiveRules.Configured configured;
        final double least = AdaptiveRules.least(option);
        if (value.isnumber()) {
            if (!(value.todouble() >= least) || !Double.isFinite(value.todouble())) {
                throw new LuaError("configuration " + option + " of \"" + domain + "\" must be a number of at least "
                        + (long) least + ", not " + value.tojstring());
            }
            configured = new AdaptiveRules.Configured(option, value.todouble(), null, null, origin);
        } else if (value.istable() && value.length() == 2 && value.get(1).isnumber() && value.get(2).isnumber()
                && value.get(1).todouble() <= value.get(2).todouble() && value.get(1).todouble() >= least
                && Double.isFinite(value.get(2).todouble())) {
            configured = new AdaptiveRules.Configured(option, null, new QueueSettings.Bounds(value.get(1).todouble(),
                    value.get(2).todouble(), origin), null, origin);
        } else if (value.isfunction()) {
            configured = new AdaptiveRules.Configured(option, null, null, function(value, option, origin), origin);
        } else {
            throw new LuaError("configuration " + option + " of \"" + domain + "\" must be a number, {low, high} "
                    + "with low at most high, both at least " + (long) least
                    + ", or a function(current, last, age, mc)");
        }
        configuration.computeIfAbsent(domain, d -> new LinkedHashMap<>()).put(option, configured);
    }

    /** A configuration function, run in the sandbox of its file; it must return a number. */
    private AdaptiveRules.Function function(LuaValue fn, String option, String origin) {
        final LuaSandbox owner = sandbox;
        return (current, last, age) -> {
            final Varargs result = owner.call("adaptive configuration " + option, fn, LuaValue.varargsOf(
                    new LuaValue[] {LuaValue.valueOf(current), LuaValue.valueOf(last), LuaValue.valueOf(age),
                        LuaValue.valueOf(0)}));
            final double least = AdaptiveRules.least(option);
            if (!result.arg1().isnumber() || !Double.isFinite(result.arg1().todouble())
                    || result.arg1().todouble() < least) {
                throw new PolicyException(origin, 0, "the " + option + " function returned "
                        + (result.arg1().isnumber() ? result.arg1().tojstring() : result.arg1().typename())
                        + ", not a finite number of at least " + (long) least);
            }
            return result.arg1().todouble();
        };
    }
}
