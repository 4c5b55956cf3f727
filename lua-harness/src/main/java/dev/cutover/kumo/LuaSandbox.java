package dev.cutover.kumo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.Bit32Lib;
import org.luaj.vm2.lib.CoroutineLib;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JseBaseLib;
import org.luaj.vm2.lib.jse.JseMathLib;
import org.luaj.vm2.lib.jse.JseOsLib;

/**
 * A LuaJ runtime for untrusted policies: globals built by hand, files limited to {@link PolicyFiles},
 * runaway loops stopped by an {@link InstructionBudget}, errors turned into {@link PolicyException}s.
 *
 * <p>Present: base (with {@code print} recorded, {@code load} text-only, {@code dofile}/{@code loadfile}
 * limited to the policy folders), {@code package} with {@code require} searching the policy and helper
 * folders only, {@code string}, {@code table}, {@code math}, {@code bit32}, {@code coroutine}, and an
 * {@code os} reduced to {@code time}, {@code clock}, {@code date}, {@code difftime} and a {@code getenv} that
 * always answers nil. Absent: {@code io}, {@code luajava}, {@code debug}. kumod runs Lua 5.4
 * ({@code crates/config/Cargo.toml}); LuaJ is Lua 5.2, so a parse failure is checked for 5.3+ syntax by
 * {@link Lua53Scanner}.
 */
public final class LuaSandbox {

    private static final Pattern LOCATION = Pattern.compile("^(?:@)?([^:\\s]+(?:\\.lua)?):(\\d+):? ?(.*)$",
            Pattern.DOTALL);

    private final Globals globals = new Globals();
    private final InstructionBudget budget;
    private final PolicyFiles files;
    private final LuaValue getinfo;

    /**
     * @param files            the folders the policy may read
     * @param instructionLimit instructions allowed per event
     * @param printed          receives what the policy passes to {@code print}
     */
    public LuaSandbox(PolicyFiles files, long instructionLimit, Consumer<String> printed) {
        this.files = files;
        this.budget = new InstructionBudget(instructionLimit, this::currentLocation);
        loadLibraries();
        this.getinfo = globals.get("debug").get("getinfo");
        hideDebugAndRestrict(printed);
    }

    /** @return the globals, for installing modules. */
    public Globals globals() {
        return globals;
    }

    /** @return the folders the policy may read. */
    public PolicyFiles files() {
        return files;
    }

    private void loadLibraries() {
        globals.load(new JseBaseLib());
        globals.load(new PackageLib());
        globals.load(new Bit32Lib());
        globals.load(new TableLib());
        globals.load(new StringLib());
        globals.load(new CoroutineLib());
        globals.load(new JseMathLib());
        globals.load(new JseOsLib());
        globals.load(budget);
        LoadState.install(globals);
        LuaC.install(globals);
    }

    private void hideDebugAndRestrict(Consumer<String> printed) {
        final LuaTable loaded = globals.get("package").get("loaded").checktable();
        globals.set("debug", LuaValue.NIL);
        loaded.set("debug", LuaValue.NIL);
        final LuaTable os = reducedOs(globals.get("os"));
        globals.set("os", os);
        loaded.set("os", os);
        globals.finder = files;
        globals.STDIN = new ByteArrayInputStream(new byte[0]);
        globals.set("print", new RecordingPrint(printed));
        globals.set("load", new TextOnlyLoad(globals.get("load")));
        restrictPackage(globals.get("package").checktable());
    }

    private static LuaTable reducedOs(LuaValue full) {
        final LuaTable os = new LuaTable();
        for (String name : List.of("time", "clock", "date", "difftime")) {
            os.set(name, full.get(name));
        }
        os.set("getenv", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return LuaValue.NIL;
            }
        });
        return os;
    }

    private void restrictPackage(LuaTable pkg) {
        final LuaTable searchers = new LuaTable();
        searchers.set(1, pkg.get("searchers").get(1));
        searchers.set(2, pkg.get("searchers").get(2));
        pkg.set("searchers", searchers);
        pkg.set("path", "?.lua;?/init.lua");
        pkg.set("loadlib", LuaValue.NIL);
        pkg.set("cpath", "");
    }

    /**
     * Compiles a policy file without running it.
     *
     * @param file a file inside the policy folders
     * @return the compiled chunk
     * @throws PolicyException for a missing file or a syntax error, with a 5.3+ hint where one applies
     */
    public LuaValue compile(Path file) {
        final String label = files.label(file);
        final String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PolicyException(label, 0, "cannot read policy: " + e.getMessage());
        }
        try (InputStream in = new ByteArrayInputStream(source.getBytes(StandardCharsets.UTF_8))) {
            return globals.load(in, "@" + label, "t", globals);
        } catch (LuaError e) {
            throw syntaxError(label, source, e);
        } catch (IOException e) {
            throw new PolicyException(label, 0, e.getMessage());
        }
    }

    private static PolicyException syntaxError(String label, String source, LuaError e) {
        final PolicyException plain = toPolicyException(e, label);
        return Lua53Scanner.scan(source, plain.line())
                .map(f -> new PolicyException(label, f.line(), f.message()))
                .orElse(plain);
    }

    /**
     * Calls Lua code for one event, with a fresh instruction budget.
     *
     * @param event the event name, for messages
     * @param fn    the function to call
     * @param args  its arguments
     * @return what it returned
     * @throws PolicyException for a Lua error or a spent budget
     */
    public Varargs call(String event, LuaValue fn, Varargs args) {
        budget.start(event);
        try {
            return fn.invoke(args);
        } catch (LuaError e) {
            throw toPolicyException(e, event);
        } catch (InstructionBudget.Exhausted e) {
            final String where = e.where() == null ? event + ":0" : e.where();
            final int colon = where.lastIndexOf(':');
            throw new PolicyException(where.substring(0, colon), Integer.parseInt(where.substring(colon + 1)),
                    e.getMessage());
        } catch (StackOverflowError e) {
            throw new PolicyException(event, 0, "stack overflow (infinite recursion?)");
        }
    }

    /**
     * @param e        a Lua error
     * @param fallback the file or event to name when the message carries no location
     * @return the same problem as a {@link PolicyException} with file and line when Lua gave them
     */
    static PolicyException toPolicyException(LuaError e, String fallback) {
        final String message = messageOf(e);
        final Matcher m = LOCATION.matcher(message);
        if (m.matches()) {
            return new PolicyException(m.group(1), Integer.parseInt(m.group(2)), m.group(3).trim());
        }
        return new PolicyException(fallback, 0, message);
    }

    private static String messageOf(LuaError e) {
        final LuaValue object = e.getMessageObject();
        final String text = object != null && object.isstring() ? object.tojstring() : e.getMessage();
        final String plain = text == null ? "error" : text.replaceFirst("^\\[string \"([^\"]*)\"\\]", "$1");
        final int traceback = plain.indexOf("\nstack traceback:");
        return traceback < 0 ? plain : plain.substring(0, traceback);
    }

    /**
     * @param level 1 for the innermost Lua function on the stack, 2 for its caller, and so on
     * @return LuaJ's {@code debug.getinfo} table for that level, or nil past the top of the stack
     */
    public LuaValue frameInfo(int level) {
        return getinfo.call(LuaValue.valueOf(level), LuaValue.valueOf("nSlt"));
    }

    /**
     * @return {@code file:line} of the Lua instruction that ran last (for a Java function, the line that
     *         called it), or null before any Lua ran
     */
    public String currentLocation() {
        return budget.lastLocation();
    }

    /** {@code print} that hands its text to a consumer instead of standard output. */
    private static final class RecordingPrint extends VarArgFunction {
        private final Consumer<String> printed;

        RecordingPrint(Consumer<String> printed) {
            this.printed = printed;
        }

        @Override
        public Varargs invoke(Varargs args) {
            final StringBuilder line = new StringBuilder();
            for (int i = 1; i <= args.narg(); i++) {
                line.append(i > 1 ? "\t" : "").append(args.arg(i).tojstring());
            }
            printed.accept(line.toString());
            return LuaValue.NONE;
        }
    }

    /** {@code load} that refuses precompiled chunks. */
    private static final class TextOnlyLoad extends VarArgFunction {
        private final LuaValue load;

        TextOnlyLoad(LuaValue load) {
            this.load = load;
        }

        @Override
        public Varargs invoke(Varargs args) {
            final LuaValue env = args.narg() >= 4 ? args.arg(4) : LuaValue.NONE;
            final Varargs forced = LuaValue.varargsOf(new LuaValue[] {args.arg(1), args.arg(2),
                LuaValue.valueOf("t")}, env);
            return load.invoke(forced);
        }
    }
}
