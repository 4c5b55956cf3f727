package dev.cutover.kumo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
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
 * runaway loops stopped by an {@link InstructionBudget}, errors turned into one-line {@link PolicyException}s.
 *
 * <p>Present: base (with {@code print} recorded, {@code load} text-only, {@code dofile}/{@code loadfile}
 * limited to the policy folders), {@code package} with {@code require} searching the policy and helper
 * folders only, then cutover's own {@code policy-extras} modules ({@link PolicyFiles#findResource}),
 * {@code string} (with the bounded functions of {@link SandboxStrings}), {@code table}, {@code math} (with the
 * seeded {@code random} of {@link SandboxRandom}), {@code bit32}, {@code coroutine}, and the fixed-clock
 * {@code os} of {@link SandboxOs}. Absent: {@code luajava}, {@code debug}. {@code io}, and the Lua 5.3+ library
 * functions kumod's Lua 5.4 has but LuaJ lacks ({@code utf8}, {@code math.type}, {@code string.pack}, ...), are
 * stand-ins that fail naming the function and why.
 * kumod runs Lua 5.4 ({@code crates/config/Cargo.toml}); LuaJ is Lua 5.2, so a parse failure is checked for
 * 5.3+ syntax by {@link Lua53Scanner}.
 *
 * <p>Failures while loading or in an event all become a {@link PolicyException} naming file and line: a Lua
 * error (an {@code error()} without a message or with a table gets a readable text), a spent instruction
 * budget, and the Java errors a policy can provoke, {@link OutOfMemoryError} ("policy exhausted memory in
 * get_egress_path_config") and {@link StackOverflowError}. An event fired from inside another (through
 * {@code kumo.invoke_get_egress_path_config}) spends the outer event's budget.
 *
 * <p>Note: LuaJ keeps one string metatable for the whole JVM, which {@code ("x"):rep(3)} goes through, and
 * points it at the {@code string} table of the first runtime created; the sandbox points it at its own
 * {@code string} table whenever it calls into Lua, and calls into Lua from any sandbox take one lock, so
 * two models replaying on two threads never run Lua at once.
 * Catching {@link OutOfMemoryError} is best effort: strings are capped at
 * {@link SandboxStrings#MAX_STRING_BYTES}, but a policy that fills tables until the heap is gone can keep the
 * JVM in garbage collection for a minute or more before the error reaches the sandbox, and may starve other
 * threads meanwhile. Values that show object identity ({@code tostring({})}, the order of {@code pairs} over
 * table keys) and {@code collectgarbage("count")} still differ between runs.
 */
public final class LuaSandbox {

    private static final Pattern LOCATION = Pattern.compile("^(?:@)?([^:\\s]+(?:\\.lua)?):(\\d+):? ?(.*)$",
            Pattern.DOTALL);
    private static final Pattern FILE_LINE = Pattern.compile("(.*):(\\d+)");
    /** The most of an error's text a message shows, as for a line of the policy's output. */
    private static final int MAX_MESSAGE = 2_000;
    /** LuaJ's number for its first reserved word; the tokens from it on, in LuaJ's order (LexState). */
    private static final int FIRST_RESERVED = 257;
    private static final String[] TOKENS = {"and", "break", "do", "else", "elseif", "end", "false", "for",
        "function", "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until",
        "while", "..", "...", "==", ">=", "<=", "~=", "::", "<eof>", "<number>", "<name>", "<string>"};
    /** A token LuaJ names by number, with the character it decoded from it. */
    private static final Pattern TOKEN_NUMBER = Pattern.compile("symbol (\\d+) \\(.\\)");

    /** Held while any sandbox runs Lua, since LuaJ's string metatable is one for the whole JVM. */
    private static final Object ONE_AT_A_TIME = new Object();

    private final Globals globals = new Globals();
    private final InstructionBudget budget;
    private final PolicyFiles files;
    private final SandboxHost host;
    private final LuaValue getinfo;
    private final LuaValue stringMetatable;
    private final SandboxClock clock;
    private final SandboxRandom random;
    private final UnknownKumoNames unknownNames;
    private long hiddenStateReads;
    private boolean running;

    /**
     * @param files   the folders the policy may read
     * @param options instruction limit per event, random seed and clock (its helper folder is {@code files}'s)
     * @param printed receives what the policy passes to {@code print}
     */
    public LuaSandbox(PolicyFiles files, HarnessOptions options, Consumer<String> printed) {
        this(files, options, printed, SandboxHost.KUMOD);
    }

    /**
     * @param host what the sandbox runs, for its messages
     */
    public LuaSandbox(PolicyFiles files, HarnessOptions options, Consumer<String> printed, SandboxHost host) {
        this.files = files;
        this.host = host;
        this.budget = new InstructionBudget(options.instructionLimit(), this::currentLocation, host.script(),
                options.memoryLimitBytes());
        this.clock = new SandboxClock(options.clockEpochSeconds());
        this.random = new SandboxRandom(options.seed());
        loadLibraries();
        this.unknownNames = new UnknownKumoNames(files, globals.get("package").get("loaded").checktable(),
                this::currentLocation);
        this.stringMetatable = LuaValue.tableOf(new LuaValue[] {LuaValue.INDEX, globals.get("string")});
        this.getinfo = globals.get("debug").get("getinfo");
        hideDebugAndRestrict(printed, options);
    }

    /** @return the globals, for installing modules. */
    public Globals globals() {
        return globals;
    }

    /** @return the folders the policy may read. */
    public PolicyFiles files() {
        return files;
    }

    /** @return the clock {@code os.time} reads. */
    SandboxClock clock() {
        return clock;
    }

    /** @return the seeded generator {@code math.random} draws from. */
    SandboxRandom random() {
        return random;
    }

    /**
     * @return how often the policy has read state that a walk of its values cannot see: resumed a coroutine, or
     *         written a table's number (its address in kumod) for the first time
     */
    long hiddenStateReads() {
        return hiddenStateReads;
    }

    /** @return how many random numbers the policy has drawn. */
    long randomDraws() {
        return random.draws();
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
        globals.compiler = new NamingCompiler(globals.compiler);
    }

    private void hideDebugAndRestrict(Consumer<String> printed, HarnessOptions options) {
        final LuaTable loaded = globals.get("package").get("loaded").checktable();
        globals.set("debug", LuaValue.NIL);
        loaded.set("debug", LuaValue.NIL);
        final LuaTable os = SandboxOs.create(globals.get("os"), clock, options.env());
        globals.set("os", os);
        loaded.set("os", os);
        SandboxStrings.install(globals.get("string").checktable(), budget);
        random.install(globals.get("math").checktable());
        SandboxCoroutines.install(budget, () -> hiddenStateReads++, globals.get("coroutine").checktable());
        globals.finder = files;
        globals.STDIN = new ByteArrayInputStream(new byte[0]);
        final StableTostring tostring = new StableTostring(globals.get("tostring"), () -> hiddenStateReads++);
        globals.set("tostring", tostring);
        globals.set("print", new RecordingPrint(printed, tostring));
        globals.set("io", refusingTable("io", " is not available in cutover's sandbox: " + host.ioAdvice()));
        final String newer = " is Lua 5.3+: " + host.newerLua();
        globals.set("utf8", refusingTable("utf8", newer));
        refuse(globals.get("math").checktable(), "math", newer, "type", "tointeger", "ult");
        refuse(globals.get("table").checktable(), "table", newer, "move");
        refuse(globals.get("string").checktable(), "string", newer, "pack", "unpack", "packsize");
        globals.set("load", new TextOnlyLoad(globals.get("load")));
        globals.set("error", new ErrorWithNil(globals.get("error")));
        unknownNames.install(globals, this::currentLocation);
        restrictPackage(globals.get("package").checktable());
    }

    /** @return a table every field of which is a function failing with {@code name.field + why} */
    private static LuaTable refusingTable(String name, String why) {
        final LuaTable table = new LuaTable();
        final LuaTable meta = new LuaTable();
        meta.set("__index", LuaFunctions.of(name + ".__index", a -> refusing(name + "." + a.arg(2).tojstring(), why)));
        table.setmetatable(meta);
        return table;
    }

    private static void refuse(LuaTable table, String prefix, String why, String... names) {
        for (String name : names) {
            table.set(name, refusing(prefix + "." + name, why));
        }
    }

    private static LuaValue refusing(String name, String why) {
        return LuaFunctions.of(name, a -> {
            throw new LuaError(name + why);
        });
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

    /** @return {@code text} without a leading UTF-8 byte order mark, which some editors write */
    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
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
        files.scriptRead(file);
        try {
            source = withoutByteOrderMark(Files.readString(file, StandardCharsets.UTF_8));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new PolicyException(label, 0, "is not UTF-8 text; " + host.encoding());
        } catch (IOException e) {
            throw new PolicyException(label, 0, "cannot read " + host.script() + ": " + e.getMessage());
        }
        try (InputStream in = new ByteArrayInputStream(source.getBytes(StandardCharsets.UTF_8))) {
            return globals.load(in, "@" + label, "t", globals);
        } catch (LuaError e) {
            throw syntaxError(label, source, e);
        } catch (IOException e) {
            throw new PolicyException(label, 0, e.getMessage());
        } catch (StackOverflowError e) {
            throw new PolicyException(label, 0, host.script() + " nests too deeply to compile");
        } catch (OutOfMemoryError e) {
            throw new PolicyException(label, 0, host.script() + " exhausted memory while compiling");
        }
    }

    private static PolicyException syntaxError(String label, String source, LuaError e) {
        final PolicyException raw = toPolicyException(e, label);
        final PolicyException plain = new PolicyException(raw.file(), raw.line(), tokenNamed(raw.detail()));
        return Lua53Scanner.scan(source, plain.line())
                .map(f -> new PolicyException(label, f.line(), f.message()))
                .orElse(plain);
    }

    /**
     * LuaJ's compiler names some tokens by their internal number ({@code unexpected symbol 286 (Ğ)} for the end of
     * the file); this writes them as Lua's own compiler does.
     */
    static String tokenNamed(String detail) {
        final Matcher m = TOKEN_NUMBER.matcher(detail);
        final StringBuilder out = new StringBuilder();
        while (m.find()) {
            final int token = Integer.parseInt(m.group(1));
            final String name = token < FIRST_RESERVED ? String.valueOf((char) token)
                    : token - FIRST_RESERVED < TOKENS.length ? TOKENS[token - FIRST_RESERVED] : null;
            m.appendReplacement(out, Matcher.quoteReplacement(name == null ? m.group() : "symbol near '" + name
                    + "'"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Calls Lua code for one event, with a fresh instruction budget; called again while Lua code is running
     * (an event fired from inside another), it spends the running event's budget and leaves errors to the
     * outer call.
     *
     * @param event the event name, for messages
     * @param fn    the function to call
     * @param args  its arguments
     * @return what it returned
     * @throws PolicyException for a Lua error, a spent budget, exhausted memory or an overflowed stack
     */
    public Varargs call(String event, LuaValue fn, Varargs args) {
        if (running) {
            return fn.invoke(args);
        }
        synchronized (ONE_AT_A_TIME) {
            return outermostCall(event, fn, args);
        }
    }

    private Varargs outermostCall(String event, LuaValue fn, Varargs args) {
        running = true;
        budget.start(event);
        LuaString.s_metatable = stringMetatable;
        try {
            return fn.invoke(args);
        } catch (LuaError e) {
            final Rejection rejection = e instanceof Rejection ? (Rejection) e : Rejection.of(e.getMessageObject());
            if (rejection == null) {
                final PolicyException problem = unknownNames.naming(toPolicyException(e, currentLocationOr(event)));
                throw new PolicyException(problem.file(), problem.line(), files.whyNotFound(problem.detail()));
            }
            if (!Rejection.EVENTS.contains(event)) {
                throw located(currentLocationOr(event), "kumo.reject(" + rejection.code + ", \"" + rejection.text
                        + "\") in " + event + ": kumod refuses messages this way only in "
                        + String.join(" and ", new TreeSet<>(Rejection.EVENTS)));
            }
            throw rejection;
        } catch (InstructionBudget.Exhausted e) {
            throw located(e.where() == null ? event : e.where(), e.getMessage());
        } catch (OutOfMemoryError e) {
            if (budget.heapWasFullAtStart()) {
                // the replay as a whole needs more memory than the heap has: not the policy's fault
                throw e;
            }
            throw located(currentLocationOr(event), host.script() + " exhausted memory in " + event);
        } catch (StackOverflowError e) {
            throw located(currentLocationOr(event), host.script() + " overflowed the stack in " + event
                    + " (infinite recursion?)");
        } finally {
            running = false;
        }
    }

    private String currentLocationOr(String fallback) {
        final String location = currentLocation();
        return location == null ? fallback : location;
    }

    /**
     * @param where  {@code file:line}, or a file or event name without a line
     * @param detail what went wrong
     * @return the problem as a {@link PolicyException} at {@code where}
     */
    private static PolicyException located(String where, String detail) {
        final Matcher m = FILE_LINE.matcher(where);
        return m.matches() ? new PolicyException(m.group(1), Integer.parseInt(m.group(2)), detail)
                : new PolicyException(where, 0, detail);
    }

    /**
     * @param e        a Lua error
     * @param fallback {@code file:line}, or the file or event, to name when the message carries no location
     * @return the same problem as a {@link PolicyException} with file and line when Lua gave them
     */
    static PolicyException toPolicyException(LuaError e, String fallback) {
        final String message = messageOf(e);
        final Matcher m = LOCATION.matcher(message);
        final String detail = describe(e.getMessageObject(), m.matches() ? m.group(3).trim() : message);
        if (m.matches()) {
            return new PolicyException(m.group(1), Integer.parseInt(m.group(2)), detail);
        }
        return located(fallback, detail);
    }

    /** @return the text to show for an error value: its message, or what kind of value was raised. */
    private static String describe(LuaValue object, String message) {
        if (object == null || object.isnil()) {
            return "error raised with no message";
        }
        if (!object.isstring()) {
            return "error object is a " + object.typename();
        }
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "... ("
                + (message.length() - MAX_MESSAGE) + " more characters)";
    }

    private static String messageOf(LuaError e) {
        final LuaValue object = e.getMessageObject();
        final String text = object != null && object.isstring() ? object.tojstring() : e.getMessage();
        final String plain = (text == null ? "" : text.replaceFirst("^\\[string \"([^\"]*)\"\\]", "$1")
                .replace("org.luaj.vm2.LuaError: ", ""))
                .replace("vm error: java.lang.NegativeArraySizeException", "a string grew past the 2 GiB a Java string "
                        + "can hold");
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

    /**
     * The compiler for files a policy loads with {@code require}, {@code dofile} and {@code loadfile}: a syntax
     * error is said as for the policy file itself, naming Lua 5.3+ syntax and the tokens LuaJ numbers, and reaches
     * the policy as a Lua error of that text (LuaJ would otherwise put its Java class name in front).
     */
    private final class NamingCompiler implements Globals.Compiler {
        private final Globals.Compiler compiler;

        NamingCompiler(Globals.Compiler compiler) {
            this.compiler = compiler;
        }

        @Override
        public Prototype compile(InputStream stream, String chunkName) throws IOException {
            final byte[] bytes = stream.readAllBytes();
            try {
                return compiler.compile(new ByteArrayInputStream(bytes), chunkName);
            } catch (LuaError e) {
                final String label = chunkName.startsWith("@") || chunkName.startsWith("=") ? chunkName.substring(1)
                        : chunkName;
                throw new LuaError(syntaxError(label, new String(bytes, StandardCharsets.UTF_8), e).getMessage(), 0);
            }
        }
    }

    /** {@code print} that hands its text to a consumer instead of standard output. */
    private static final class RecordingPrint extends VarArgFunction {
        private final Consumer<String> printed;
        private final StableTostring tostring;

        RecordingPrint(Consumer<String> printed, StableTostring tostring) {
            this.printed = printed;
            this.tostring = tostring;
        }

        @Override
        public Varargs invoke(Varargs args) {
            final StringBuilder line = new StringBuilder();
            for (int i = 1; i <= args.narg(); i++) {
                line.append(i > 1 ? "\t" : "").append(tostring.text(args.arg(i)));
            }
            printed.accept(line.toString());
            return LuaValue.NONE;
        }

        @Override
        public String tojstring() {
            return "function: builtin: print";
        }
    }

    /**
     * {@code error} that keeps a nil error value as nil: LuaJ's turns {@code error()} into the text "null",
     * which could not be told from {@code error("null")}. A number stays a number, as in Lua, which adds a
     * position only to a string (Lua 5.4 manual §6.1); LuaJ makes it text.
     */
    private static final class ErrorWithNil extends VarArgFunction {
        private final LuaValue error;

        ErrorWithNil(LuaValue error) {
            this.error = error;
        }

        @Override
        public Varargs invoke(Varargs args) {
            if (args.arg1().isnil() || args.arg1().type() == LuaValue.TNUMBER) {
                throw new LuaError(args.arg1());
            }
            return error.invoke(args);
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
