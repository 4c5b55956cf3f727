package dev.cutover.kumo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code kumo.string}: the string helpers of KumoMTA's {@code kumo.string} module (docs.kumomta.com
 * reference/string), which policies use to take apart header values and tenant names. Patterns are plain strings,
 * not Lua patterns, as in kumod, whose helpers are Rust's {@code str} methods of the same names: an empty pattern
 * matches at every character boundary, so {@code split('ab', '')} is {@code {'', 'a', 'b', ''}};
 * {@code rsplit} and {@code rsplitn} give their pieces from the right; whitespace is Unicode's White_Space, and
 * ASCII whitespace is space, tab, line feed, form feed and carriage return. Results are 1-based array tables.
 *
 * <p>The public-suffix functions ({@code psl_domain}, {@code psl_suffix} and their {@code _is_known} forms),
 * {@code eval_template}, {@code normalize_smtp_response} and {@code wrap} are not here: using one fails naming it.
 */
final class KumoStrings {

    private KumoStrings() {
    }

    /** @return the {@code kumo.string} table */
    static LuaTable module() {
        final LuaTable string = new LuaTable();
        string.set("split", function("split", a -> list(split(a.checkjstring(1), a.checkjstring(2), -1))));
        string.set("splitn", function("splitn", a -> list(split(a.checkjstring(1), a.checkjstring(3),
                limit(a, 2)))));
        string.set("rsplit", function("rsplit", a -> list(rsplit(a.checkjstring(1), a.checkjstring(2), -1))));
        string.set("rsplitn", function("rsplitn", a -> list(rsplit(a.checkjstring(1), a.checkjstring(3),
                limit(a, 2)))));
        string.set("split_whitespace", function("split_whitespace",
                a -> list(words(a.checkjstring(1), false))));
        string.set("split_ascii_whitespace", function("split_ascii_whitespace",
                a -> list(words(a.checkjstring(1), true))));
        string.set("replace", function("replace", a -> LuaValue.valueOf(replace(a.checkjstring(1),
                a.checkjstring(2), a.checkjstring(3), -1))));
        string.set("replacen", function("replacen", a -> LuaValue.valueOf(replace(a.checkjstring(1),
                a.checkjstring(2), a.checkjstring(3), limit(a, 4)))));
        string.set("trim", function("trim", a -> LuaValue.valueOf(trimEnd(trimStart(a.checkjstring(1))))));
        string.set("trim_start", function("trim_start", a -> LuaValue.valueOf(trimStart(a.checkjstring(1)))));
        string.set("trim_end", function("trim_end", a -> LuaValue.valueOf(trimEnd(a.checkjstring(1)))));
        string.set("starts_with", function("starts_with",
                a -> LuaValue.valueOf(a.checkjstring(1).startsWith(a.checkjstring(2)))));
        string.set("ends_with", function("ends_with",
                a -> LuaValue.valueOf(a.checkjstring(1).endsWith(a.checkjstring(2)))));
        return string;
    }

    private static LuaValue function(String name, Function<Varargs, Varargs> body) {
        return LuaFunctions.of("kumo.string." + name, body);
    }

    private static int limit(Varargs args, int position) {
        final long limit = args.checklong(position);
        if (limit < 0) {
            throw new LuaError("bad argument #" + position + ": a count of at least 0 expected, got "
                    + limit);
        }
        return (int) Math.min(limit, Integer.MAX_VALUE);
    }

    /** @return the pieces of {@code text} between matches of {@code pattern}, at most {@code limit} (-1: all) */
    static List<String> split(String text, String pattern, int limit) {
        final List<String> pieces = new ArrayList<>();
        if (limit == 0) {
            return pieces;
        }
        final List<int[]> matches = matches(text, pattern);
        int start = 0;
        for (int[] match : matches) {
            if (limit > 0 && pieces.size() == limit - 1) {
                break;
            }
            pieces.add(text.substring(start, match[0]));
            start = match[1];
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    /** @return the pieces from the right, at most {@code limit} (-1: all), the last holding what is left */
    static List<String> rsplit(String text, String pattern, int limit) {
        final List<String> pieces = new ArrayList<>();
        if (limit == 0) {
            return pieces;
        }
        final List<int[]> matches = matches(text, pattern);
        int end = text.length();
        for (int i = matches.size() - 1; i >= 0; i--) {
            if (limit > 0 && pieces.size() == limit - 1) {
                break;
            }
            pieces.add(text.substring(matches.get(i)[1], end));
            end = matches.get(i)[0];
        }
        pieces.add(text.substring(0, end));
        return pieces;
    }

    /**
     * @return the non-overlapping matches of {@code pattern}, left to right, as {start, end}; an empty pattern
     *         matches at every character boundary, both ends included
     */
    private static List<int[]> matches(String text, String pattern) {
        final List<int[]> matches = new ArrayList<>();
        if (pattern.isEmpty()) {
            for (int i = 0; i <= text.length(); i = text.offsetByCodePoints(i, 1)) {
                matches.add(new int[] {i, i});
                if (i == text.length()) {
                    break;
                }
            }
            return matches;
        }
        for (int at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + pattern.length())) {
            matches.add(new int[] {at, at + pattern.length()});
        }
        return matches;
    }

    private static String replace(String text, String from, String to, int limit) {
        final StringBuilder out = new StringBuilder();
        int start = 0;
        int done = 0;
        for (int[] match : matches(text, from)) {
            if (limit >= 0 && done == limit) {
                break;
            }
            out.append(text, start, match[0]).append(to);
            start = match[1];
            done++;
        }
        return out.append(text.substring(start)).toString();
    }

    private static List<String> words(String text, boolean ascii) {
        final List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            final boolean space = ascii ? asciiSpace(text.charAt(i)) : whiteSpace(text.codePointAt(i));
            if (space && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            words.add(text.substring(start));
        }
        return words;
    }

    private static String trimStart(String text) {
        int i = 0;
        while (i < text.length() && whiteSpace(text.codePointAt(i))) {
            i = text.offsetByCodePoints(i, 1);
        }
        return text.substring(i);
    }

    private static String trimEnd(String text) {
        int end = text.length();
        while (end > 0 && whiteSpace(text.codePointBefore(end))) {
            end = text.offsetByCodePoints(end, -1);
        }
        return text.substring(0, end);
    }

    /** @return true for Unicode's White_Space property, which Rust's {@code char::is_whitespace} follows */
    static boolean whiteSpace(int c) {
        return c >= 0x09 && c <= 0x0D || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680
                || c >= 0x2000 && c <= 0x200A || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
                || c == 0x3000;
    }

    private static boolean asciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static LuaTable list(List<String> items) {
        final LuaTable table = new LuaTable();
        for (int i = 0; i < items.size(); i++) {
            table.set(i + 1, LuaValue.valueOf(items.get(i)));
        }
        return table;
    }
}
