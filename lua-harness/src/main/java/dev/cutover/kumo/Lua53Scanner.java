package dev.cutover.kumo;

import java.util.Optional;

/**
 * Finds Lua 5.3/5.4 syntax that LuaJ (Lua 5.2) cannot parse, to explain a parse failure in words the user
 * can act on. kumod embeds Lua 5.4 ({@code crates/config/Cargo.toml}, mlua feature {@code lua54}), so such a
 * policy runs in kumod but not here.
 *
 * <p>A light token scan: comments and string literals are skipped, then the first of {@code //},
 * {@code &}, {@code |}, {@code ~} (not {@code ~=}), {@code <<}, {@code >>}, {@code <const>} and
 * {@code <close>} is reported, preferring one on the line where the parser failed.
 */
final class Lua53Scanner {

    private static final String ADVICE = "; LuaJ runs Lua 5.2 — ";
    /** bit32 is Lua 5.2 only: a policy that used it would run here and fail in kumod, which runs Lua 5.4. */
    private static final String NO_BIT32 = " (not bit32, which kumod's Lua 5.4 lacks)";
    private static final String WITHOUT_BITS = "rewrite it without bit operations: kumod's Lua 5.4 has the operator "
            + "but not bit32, and LuaJ has bit32 but not the operator";

    private Lua53Scanner() {
    }

    /** A Lua 5.3+ construct and where it is. */
    record Finding(int line, String message) {
    }

    /**
     * @param source    the Lua source text
     * @param errorLine the line the parser reported, or 0
     * @return the construct to report, if the source has one
     */
    static Optional<Finding> scan(String source, int errorLine) {
        Finding first = null;
        int line = 1;
        int i = 0;
        while (i < source.length()) {
            final char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
                continue;
            }
            final int skipped = skipCommentOrString(source, i);
            if (skipped > i) {
                line += countNewlines(source, i, skipped);
                i = skipped;
                continue;
            }
            final String message = constructAt(source, i);
            if (message != null && (first == null || line == errorLine)) {
                first = new Finding(line, message);
                if (line == errorLine) {
                    break;
                }
            }
            i++;
        }
        return Optional.ofNullable(first);
    }

    private static String constructAt(String s, int i) {
        if (s.startsWith("//", i)) {
            return "integer division `//` is Lua 5.3+" + ADVICE + "use math.floor(a/b)";
        }
        if (s.startsWith("<<", i)) {
            return "bitwise shift `<<` is Lua 5.3+" + ADVICE + "use math.floor(a * 2^n)" + NO_BIT32;
        }
        if (s.startsWith(">>", i)) {
            return "bitwise shift `>>` is Lua 5.3+" + ADVICE + "use math.floor(a / 2^n)" + NO_BIT32;
        }
        if (s.charAt(i) == '&') {
            return "bitwise and `&` is Lua 5.3+" + ADVICE + WITHOUT_BITS;
        }
        if (s.charAt(i) == '|') {
            return "bitwise or `|` is Lua 5.3+" + ADVICE + WITHOUT_BITS;
        }
        if (s.charAt(i) == '~' && !s.startsWith("~=", i)) {
            return "bitwise operator `~` is Lua 5.3+" + ADVICE + WITHOUT_BITS;
        }
        return attributeAt(s, i);
    }

    private static String attributeAt(String s, int i) {
        if (s.charAt(i) != '<') {
            return null;
        }
        final int close = s.indexOf('>', i);
        if (close < 0) {
            return null;
        }
        final String name = s.substring(i + 1, close).trim();
        if (name.equals("const") || name.equals("close")) {
            return "local attribute `<" + name + ">` is Lua 5.4" + ADVICE + "remove the attribute";
        }
        return null;
    }

    private static int skipCommentOrString(String s, int i) {
        if (s.startsWith("--", i)) {
            final int longEnd = skipLongBracket(s, i + 2);
            if (longEnd > i + 2) {
                return longEnd;
            }
            final int newline = s.indexOf('\n', i);
            return newline < 0 ? s.length() : newline;
        }
        final char c = s.charAt(i);
        if (c == '"' || c == '\'') {
            return skipQuoted(s, i, c);
        }
        return c == '[' ? skipLongBracket(s, i) : i;
    }

    private static int skipQuoted(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length() && s.charAt(i) != quote && s.charAt(i) != '\n') {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, s.length());
    }

    private static int skipLongBracket(String s, int start) {
        if (start >= s.length() || s.charAt(start) != '[') {
            return start;
        }
        int level = 0;
        while (start + 1 + level < s.length() && s.charAt(start + 1 + level) == '=') {
            level++;
        }
        if (start + 1 + level >= s.length() || s.charAt(start + 1 + level) != '[') {
            return start;
        }
        final String closing = "]" + "=".repeat(level) + "]";
        final int end = s.indexOf(closing, start);
        return end < 0 ? s.length() : end + closing.length();
    }

    private static int countNewlines(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += s.charAt(i) == '\n' ? 1 : 0;
        }
        return n;
    }
}
