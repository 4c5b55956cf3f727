package dev.cutover.kumo;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Helpers of the {@code kumo} module that need no server: {@code kumo.dns.lookup_mx} from the
 * {@link MxFixture} ({@code crates/mod-dns-resolver}), {@code kumo.regex.compile} on {@code java.util.regex}
 * ({@code crates/mod-regex}), {@code kumo.memoize} as a pass-through, and {@code kumo.traceback} built from
 * LuaJ's debug information ({@code crates/kumo-server-common/src/lib.rs}).
 */
final class KumoUtilities {

    private KumoUtilities() {
    }

    /** @return the {@code kumo.dns} table. */
    static LuaTable dns(MxFixture mx) {
        final LuaTable dns = new LuaTable();
        dns.set("lookup_mx", LuaFunctions.of("kumo.dns.lookup_mx", args -> lookupMx(mx, args.checkjstring(1))));
        return dns;
    }

    private static LuaValue lookupMx(MxFixture mx, String domain) {
        final List<String> hosts = mx.hostsOrImplicit(domain);
        final LuaTable result = new LuaTable();
        result.set("domain_name", domain);
        result.set("hosts", LuaData.toLua(hosts));
        result.set("site_name", mx.siteName(domain));
        final LuaTable byPref = new LuaTable();
        for (int i = 0; i < hosts.size(); i++) {
            byPref.set((i + 1) * 10, LuaData.toLua(List.of(hosts.get(i))));
        }
        result.set("by_pref", byPref);
        result.set("is_domain_literal", LuaValue.FALSE);
        result.set("is_secure", LuaValue.FALSE);
        result.set("is_mx", LuaValue.valueOf(mx.hosts(domain).isPresent()));
        return result;
    }

    /** @return the {@code kumo.regex} table. */
    static LuaTable regex() {
        final LuaTable regex = new LuaTable();
        regex.set("compile", LuaFunctions.of("kumo.regex.compile", args -> compile(args.checkjstring(1))));
        regex.set("escape", LuaFunctions.of("kumo.regex.escape",
                args -> LuaValue.valueOf(escape(args.checkjstring(1)))));
        return regex;
    }

    /** The characters Rust's {@code regex::escape} puts a backslash before (regex-syntax {@code is_meta_character}). */
    private static final String META = "\\.+*?()|[]{}^$#&-~";

    /**
     * @return {@code text} with a backslash before each regex meta character, as kumod's {@code kumo.regex.escape}
     *         (Rust's {@code regex::escape}) writes it; java.util.regex reads such an escape as the character itself
     */
    static String escape(String text) {
        final StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (c < 128 && META.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.appendCodePoint(c);
        });
        return out.toString();
    }

    private static LuaValue compile(String source) {
        final Pattern pattern;
        try {
            pattern = Pattern.compile(source);
        } catch (PatternSyntaxException e) {
            throw new LuaError("regex parse error: " + e.getDescription());
        }
        final LuaTable object = new LuaTable();
        object.set("is_match", LuaFunctions.of("is_match", a -> LuaValue.valueOf(
                pattern.matcher(a.checkjstring(2)).find())));
        object.set("captures", LuaFunctions.of("captures", a -> captures(pattern.matcher(a.checkjstring(2)))));
        object.set("find", LuaFunctions.of("find", a -> find(pattern.matcher(a.checkjstring(2)))));
        object.set("replace_all", LuaFunctions.of("replace_all", a -> LuaValue.valueOf(
                pattern.matcher(a.checkjstring(2)).replaceAll(a.checkjstring(3).replace("$", "\\$")))));
        return object;
    }

    private static LuaValue captures(Matcher m) {
        if (!m.find()) {
            return LuaValue.NIL;
        }
        final LuaTable groups = new LuaTable();
        for (int i = 0; i <= m.groupCount(); i++) {
            groups.set(i, m.group(i) == null ? LuaValue.NIL : LuaValue.valueOf(m.group(i)));
        }
        return groups;
    }

    private static LuaValue find(Matcher m) {
        return m.find() ? LuaValue.valueOf(m.group()) : LuaValue.NIL;
    }

    /** @return {@code kumo.memoize}: returns the function unchanged. */
    static LuaValue memoize() {
        return LuaFunctions.of("kumo.memoize", args -> args.checkfunction(1));
    }

    /** @return {@code kumo.traceback(level)}: frames from {@code level} (1 = the caller) outwards. */
    static LuaValue traceback(LuaSandbox sandbox) {
        return LuaFunctions.of("kumo.traceback", args -> {
            final LuaTable frames = new LuaTable();
            for (int level = args.optint(1, 1); level < 200; level++) {
                final LuaValue info = sandbox.frameInfo(level);
                if (info.isnil()) {
                    break;
                }
                frames.set(frames.rawlen() + 1, frame(info));
            }
            return frames;
        });
    }

    private static LuaTable frame(LuaValue info) {
        final LuaTable frame = new LuaTable();
        frame.set("name", info.get("name"));
        frame.set("name_what", info.get("namewhat"));
        frame.set("source", info.get("source"));
        frame.set("short_src", info.get("short_src"));
        frame.set("line_defined", info.get("linedefined"));
        frame.set("last_line_defined", info.get("lastlinedefined"));
        frame.set("what", info.get("what"));
        frame.set("curr_line", info.get("currentline"));
        frame.set("is_tail_call", LuaValue.valueOf(info.get("istailcall").toboolean()));
        return frame;
    }

    /** @return a {@code kumo.log_*} function recording into {@code log}. */
    static LuaValue logFunction(String name, HarnessLog log) {
        return LuaFunctions.of("kumo." + name, (Varargs args) -> {
            final StringBuilder text = new StringBuilder(name).append(':');
            for (int i = 1; i <= args.narg(); i++) {
                text.append(' ').append(args.arg(i).tojstring());
            }
            log.message(text.toString());
            return LuaValue.NONE;
        });
    }
}
