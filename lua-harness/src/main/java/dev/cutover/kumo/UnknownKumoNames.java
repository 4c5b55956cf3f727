package dev.cutover.kumo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Says which {@code kumo} name a failed call used when the module lacks it. Such a name reads nil, as in kumod,
 * so {@code if kumo.x then} works; calling it makes LuaJ say only "attempt to call nil" (or "attempt to index
 * ? (a nil value)" for {@code kumo.x.y()}). When the policy line that failed holds exactly one dotted
 * {@code kumo} name the module lacks, the error names it instead: for errors that end the run, and for errors a
 * policy catches with {@code pcall} or {@code xpcall} and may log. Those caught messages are also given in Lua's
 * own form (reference: the Lua 5.4 manual, §6.1 {@code error} and {@code pcall}), not LuaJ's.
 */
final class UnknownKumoNames {
    /** What LuaJ says of calling or indexing nil. */
    private static final Pattern NIL_USE = Pattern.compile(
            "attempt to (call nil|index nil|index \\? \\(a nil value\\))");
    /** A dotted name in the {@code kumo} module, such as {@code kumo.string.split}. */
    private static final Pattern KUMO_USE = Pattern.compile("\\bkumo((?:\\.[A-Za-z_]\\w*)+)");
    /**
     * A message as LuaJ hands it to {@code pcall}: {@code @file:line detail}, then a stack traceback. Lua (and so
     * kumod) gives {@code file:line: detail} alone, which policies may log or take apart: the message is given so.
     */
    private static final Pattern LUAJ_FORM = Pattern.compile("@?([^:\\s]+):(\\d+) (.*?)(?:\nstack traceback:.*)?",
            Pattern.DOTALL);
    /** A message as Lua locates it: {@code file:line: detail}. */
    private static final Pattern LOCATED = Pattern.compile("([^:\\s]+):(\\d+): (.*)", Pattern.DOTALL);

    private static final Pattern FILE_LINE = Pattern.compile("(.+):(\\d+)");

    private final PolicyFiles files;
    private final LuaTable loaded;
    private final Supplier<String> lastRun;

    /**
     * @param loaded  {@code package.loaded}, where the policy's {@code kumo} module is found
     * @param lastRun the {@code file:line} of the Lua instruction that ran last: for a call in a {@code return}
     *                (a tail call), LuaJ's message names the caller's line, and this one the line of the call
     */
    UnknownKumoNames(PolicyFiles files, LuaTable loaded, Supplier<String> lastRun) {
        this.files = files;
        this.loaded = loaded;
        this.lastRun = lastRun;
    }

    /** @return {@code problem} said with the unknown name when it is a nil use of one, else {@code problem} */
    PolicyException naming(PolicyException problem) {
        return named(problem.detail(), problem.file() + ":" + problem.line(), lastRun.get())
                .map(place -> new PolicyException(place[0], Integer.parseInt(place[1]), place[2])).orElse(problem);
    }

    /**
     * @param places {@code file:line} places to look at, in order; null ones are skipped
     * @return the file, line and text of the first place whose line holds exactly one kumo name the module lacks
     */
    private Optional<String[]> named(String detail, String... places) {
        for (String place : places) {
            final Matcher m = FILE_LINE.matcher(place == null ? "" : place);
            if (m.matches()) {
                final Optional<String> text = unknownAt(m.group(1), Integer.parseInt(m.group(2)), detail);
                if (text.isPresent()) {
                    return Optional.of(new String[] {m.group(1), m.group(2), text.get()});
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Replaces {@code pcall} and {@code xpcall} in {@code globals} by forms whose caught messages name the name.
     * A message LuaJ gives without a place (the call of nil was {@code pcall}'s own, as in
     * {@code pcall(kumo.x, ...)}, or a tail call) is looked up on the line that called {@code pcall}.
     *
     * @param caller the {@code file:line} of the Lua code running now
     */
    void install(LuaTable globals, Supplier<String> caller) {
        final LuaValue pcall = globals.get("pcall");
        globals.set("pcall", LuaFunctions.of("pcall", args -> {
            final String at = caller.get();
            final Varargs result = pcall.invoke(args);
            return result.arg1().toboolean() ? result : LuaValue.varargsOf(LuaValue.FALSE,
                    renamed(result.arg(2), at), result.subargs(3));
        }));
        final LuaValue xpcall = globals.get("xpcall");
        globals.set("xpcall", LuaFunctions.of("xpcall", args -> {
            final String at = caller.get();
            final LuaValue handler = args.arg(2);
            if (!handler.isfunction()) {
                return xpcall.invoke(args);
            }
            final boolean[] handled = {false};
            final LuaFunction naming = LuaFunctions.of("xpcall handler", a -> {
                handled[0] = true;
                return handler.invoke(LuaValue.varargsOf(renamed(a.arg1(), at), a.subargs(2)));
            });
            final Varargs result = xpcall.invoke(LuaValue.varargsOf(args.arg1(), naming, args.subargs(3)));
            // LuaJ skips the handler when the error is raised outside a Lua function (a tail call, or a call of
            // nil straight from xpcall); Lua always calls it
            return result.arg1().toboolean() || handled[0] ? result
                    : LuaValue.varargsOf(LuaValue.FALSE, handler.call(renamed(result.arg(2), at)));
        }));
    }

    private LuaValue renamed(LuaValue message, String caller) {
        if (message.type() != LuaValue.TSTRING) {
            return message;
        }
        final Matcher luaj = LUAJ_FORM.matcher(message.tojstring());
        final String text = luaj.matches() ? luaj.group(1) + ":" + luaj.group(2) + ": " + luaj.group(3)
                : message.tojstring();
        final Matcher located = LOCATED.matcher(text);
        final String detail = located.matches() ? located.group(3) : text;
        return named(detail, located.matches() ? located.group(1) + ":" + located.group(2) : null, lastRun.get(),
                caller).map(place -> (LuaValue) LuaValue.valueOf(place[0] + ":" + place[1] + ": " + place[2]))
                .orElse(LuaValue.valueOf(text));
    }

    private Optional<String> unknownAt(String file, int number, String detail) {
        if (number <= 0 || !NIL_USE.matcher(detail).matches()) {
            return Optional.empty();
        }
        final String line = sourceLine(file, number);
        final LuaValue kumo = loaded.get("kumo");
        if (line == null || !kumo.istable()) {
            return Optional.empty();
        }
        final Set<String> unknown = new TreeSet<>();
        final Matcher uses = KUMO_USE.matcher(line);
        while (uses.find()) {
            LuaValue value = kumo;
            final StringBuilder name = new StringBuilder("kumo");
            for (String part : uses.group(1).substring(1).split("\\.")) {
                name.append('.').append(part);
                value = value.istable() ? value.get(part) : LuaValue.NIL;
                if (value.isnil()) {
                    unknown.add(name.toString());
                    break;
                }
            }
        }
        return unknown.size() != 1 ? Optional.empty() : Optional.of(unknown.iterator().next() + " is not part of "
                + "the kumo module as cutover knows it: not in kumod's documented API, or newer than cutover");
    }

    /** @return line {@code number} of the policy file {@code label}, or null when it cannot be read */
    private String sourceLine(String label, int number) {
        try {
            final Optional<Path> file = files.resolve(label);
            if (file.isEmpty()) {
                return null;
            }
            final List<String> lines = Files.readAllLines(file.get(), StandardCharsets.UTF_8);
            return number <= lines.size() ? lines.get(number - 1) : null;
        } catch (IOException | LuaError | UncheckedIOException e) {
            return null;
        }
    }
}
