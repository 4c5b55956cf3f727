package dev.cutover.kumo;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The sandbox's {@code string.rep}, {@code find}, {@code match}, {@code gmatch} and {@code gsub}, in place of
 * LuaJ's: the same answers, but bounded in memory and time.
 *
 * <p>Memory: {@code string.rep} and {@code string.gsub} refuse to build a string of more than
 * {@link #MAX_STRING_BYTES} (64 MiB) with a Lua error, e.g. {@code string.rep('x', 2^31 - 2)} fails with
 * "string.rep result would be 2147483646 bytes; cutover caps sandbox strings at 64 MiB" instead of exhausting
 * the heap. Time: patterns run on {@link LuaPattern}, which charges the event's {@link InstructionBudget} one
 * instruction per step; a plain find charges one per position tried plus one per 8 bytes compared.
 *
 * <p>Behaviour is LuaJ's (Lua 5.2): a start position past the end is clamped, and after an empty match
 * {@code gmatch} and {@code gsub} move on by one byte. Where LuaJ strays from the Lua 5.2 manual this class
 * follows the manual: {@code %g} is a class (printable characters except space), {@code %} followed by
 * anything but a digit or {@code %} in a {@code gsub} replacement is an error, error messages use Lua's wording,
 * and more than 200 nested pattern items fail with "pattern too complex".
 */
final class SandboxStrings {

    /** Largest string {@code string.rep} or {@code string.gsub} will build for a policy: 64 MiB. */
    static final long MAX_STRING_BYTES = 64L * 1024 * 1024;

    private static final String SPECIALS = "^$*+?.([%-";

    private SandboxStrings() {
    }

    /**
     * Replaces the bounded functions in a string library table.
     *
     * @param string the sandbox's {@code string} table
     * @param budget charged for pattern work
     */
    static void install(LuaTable string, InstructionBudget budget) {
        string.set("rep", LuaFunctions.of("rep", SandboxStrings::rep));
        string.set("find", LuaFunctions.of("find", a -> find(a, budget, true)));
        string.set("match", LuaFunctions.of("match", a -> find(a, budget, false)));
        string.set("gmatch", LuaFunctions.of("gmatch", a -> new GmatchIterator(
                new LuaPattern(a.checkstring(1), a.checkstring(2), budget))));
        string.set("gsub", LuaFunctions.of("gsub", a -> gsub(a, budget)));
    }

    private static LuaValue rep(Varargs args) {
        final LuaString text = args.checkstring(1);
        final long count = args.checklong(2);
        final LuaString separator = args.optstring(3, LuaValue.EMPTYSTRING);
        final double size = (double) (text.length() + separator.length()) * count - separator.length();
        if (count <= 0 || size <= 0) {
            return LuaValue.EMPTYSTRING;
        }
        if (size > MAX_STRING_BYTES) {
            throw new LuaError(String.format("string.rep result would be %.0f bytes; cutover caps sandbox strings "
                    + "at %d MiB", size, MAX_STRING_BYTES >> 20));
        }
        return repeat(text, (int) count, separator, new byte[(int) size]);
    }

    private static LuaString repeat(LuaString text, int count, LuaString separator, byte[] out) {
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                separator.copyInto(0, out, at, separator.length());
                at += separator.length();
            }
            text.copyInto(0, out, at, text.length());
            at += text.length();
        }
        return LuaString.valueUsing(out);
    }

    private static void write(ByteArrayOutputStream out, LuaString text) {
        out.write(text.m_bytes, text.m_offset, text.m_length);
    }

    /** {@code string.find} when {@code find}, else {@code string.match}. */
    private static Varargs find(Varargs args, InstructionBudget budget, boolean find) {
        final LuaString subject = args.checkstring(1);
        final LuaString pattern = args.checkstring(2);
        final int start = startOffset(args.optint(3, 1), subject.length());
        if (find && (args.arg(4).toboolean() || !hasSpecials(pattern))) {
            final int at = plainFind(subject, pattern, start, budget);
            return at < 0 ? LuaValue.NIL
                    : LuaValue.varargsOf(LuaValue.valueOf(at + 1), LuaValue.valueOf(at + pattern.length()));
        }
        return patternFind(new LuaPattern(subject, pattern, budget), start, find);
    }

    private static Varargs patternFind(LuaPattern matcher, int start, boolean find) {
        final int patternStart = matcher.anchored() ? 1 : 0;
        final int last = patternStart == 1 ? start : matcher.subjectLength();
        for (int at = start; at <= last; at++) {
            final int end = matcher.matchAt(at, patternStart);
            if (end != LuaPattern.NO_MATCH) {
                return find ? LuaValue.varargsOf(LuaValue.valueOf(at + 1), LuaValue.valueOf(end),
                        matcher.captures(at, end, false)) : matcher.captures(at, end, true);
            }
        }
        return LuaValue.NIL;
    }

    /** @return LuaJ's 0-based start for a 1-based, possibly negative, {@code init}, clamped to the subject. */
    private static int startOffset(int init, int length) {
        if (init > 0) {
            return Math.min(init - 1, length);
        }
        return init < 0 ? Math.max(0, length + init) : 0;
    }

    private static boolean hasSpecials(LuaString pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if (SPECIALS.indexOf(pattern.luaByte(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int plainFind(LuaString subject, LuaString needle, int start, InstructionBudget budget) {
        final int length = needle.length();
        for (int at = start; at + length <= subject.length(); at++) {
            final int from = subject.m_offset + at;
            final int differsAt = Arrays.mismatch(subject.m_bytes, from, from + length, needle.m_bytes,
                    needle.m_offset, needle.m_offset + length);
            budget.charge(1 + (differsAt < 0 ? length : differsAt) / 8);
            if (differsAt < 0) {
                return at;
            }
        }
        return -1;
    }

    private static Varargs gsub(Varargs args, InstructionBudget budget) {
        final LuaString subject = args.checkstring(1);
        final LuaValue replacement = args.arg(3);
        if (!replacement.isstring() && !replacement.istable() && !replacement.isfunction()) {
            throw new LuaError("bad argument #3 to 'gsub' (string/function/table expected, got "
                    + replacement.typename() + ")");
        }
        final Substitution substitution = new Substitution(new LuaPattern(subject, args.checkstring(2), budget),
                subject, replacement);
        final int count = substitution.run(args.optint(4, subject.length() + 1));
        return LuaValue.varargsOf(substitution.result(), LuaValue.valueOf(count));
    }

    /** The iterator {@code string.gmatch} returns: each call yields the captures of the next match. */
    private static final class GmatchIterator extends VarArgFunction {

        private final LuaPattern matcher;
        private int next;

        GmatchIterator(LuaPattern matcher) {
            this.matcher = matcher;
        }

        @Override
        public Varargs invoke(Varargs args) {
            for (int at = next; at <= matcher.subjectLength(); at++) {
                final int end = matcher.matchAt(at, 0);
                if (end != LuaPattern.NO_MATCH) {
                    next = end == at ? end + 1 : end;
                    return matcher.captures(at, end, true);
                }
            }
            next = matcher.subjectLength() + 1;
            return LuaValue.NIL;
        }
    }

    /** One {@code string.gsub}: walks the subject, copying it and replacing each match. */
    private static final class Substitution {

        private final LuaPattern matcher;
        private final LuaString subject;
        private final LuaValue replacement;
        private final LuaString template;
        private final ByteArrayOutputStream out;

        Substitution(LuaPattern matcher, LuaString subject, LuaValue replacement) {
            this.matcher = matcher;
            this.subject = subject;
            this.replacement = replacement;
            this.template = replacement.isstring() ? replacement.strvalue() : null;
            this.out = new ByteArrayOutputStream(subject.length());
        }

        /** @return the number of matches replaced, at most {@code limit} */
        int run(int limit) {
            final int patternStart = matcher.anchored() ? 1 : 0;
            int at = 0;
            int count = 0;
            while (count < limit) {
                final int end = matcher.matchAt(at, patternStart);
                if (end != LuaPattern.NO_MATCH) {
                    count++;
                    replace(at, end);
                }
                if (end != LuaPattern.NO_MATCH && end > at) {
                    at = end;
                } else if (at < subject.length()) {
                    out.write(subject.luaByte(at++));
                } else {
                    break;
                }
                if (patternStart == 1) {
                    break;
                }
            }
            copy(at, subject.length());
            checkSize();
            return count;
        }

        LuaString result() {
            return LuaString.valueUsing(out.toByteArray());
        }

        private void replace(int start, int end) {
            if (template != null) {
                expand(start, end);
                return;
            }
            final LuaValue value = replacement.isfunction()
                    ? replacement.invoke(matcher.captures(start, end, true)).arg1()
                    : replacement.get(matcher.capture(0, start, end));
            if (!value.toboolean()) {
                copy(start, end);
            } else if (value.isstring()) {
                write(out, value.strvalue());
            } else {
                throw new LuaError("invalid replacement value (a " + value.typename() + ")");
            }
            checkSize();
        }

        /** Appends the replacement string, with {@code %0} to {@code %9} and {@code %%} expanded. */
        private void expand(int start, int end) {
            int from = 0;
            for (int escape = template.indexOf((byte) '%', 0); escape >= 0;
                    escape = template.indexOf((byte) '%', from)) {
                out.write(template.m_bytes, template.m_offset + from, escape - from);
                expandEscape(escape + 1 < template.length() ? template.luaByte(escape + 1) : -1, start, end);
                from = escape + 2;
            }
            out.write(template.m_bytes, template.m_offset + from, Math.max(template.length() - from, 0));
            checkSize();
        }

        private void expandEscape(int kind, int start, int end) {
            if (kind == '%') {
                out.write('%');
            } else if (kind == '0') {
                copy(start, end);
            } else if (kind >= '1' && kind <= '9') {
                write(out, matcher.capture(kind - '1', start, end).strvalue());
            } else {
                throw new LuaError("invalid use of '%' in replacement string");
            }
        }

        private void copy(int start, int end) {
            out.write(subject.m_bytes, subject.m_offset + start, end - start);
        }

        private void checkSize() {
            if (out.size() > MAX_STRING_BYTES) {
                throw new LuaError("string.gsub result would exceed " + (MAX_STRING_BYTES >> 20)
                        + " MiB; cutover caps sandbox strings at " + (MAX_STRING_BYTES >> 20) + " MiB");
            }
        }
    }
}
