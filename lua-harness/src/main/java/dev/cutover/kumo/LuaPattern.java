package dev.cutover.kumo;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * One Lua pattern matched against one subject, every step charged to an {@link InstructionBudget}, so that a
 * pattern that backtracks for minutes stops like a runaway loop.
 *
 * <p>Worked example: {@code string.find(string.rep('a', 30000), string.rep('a-', 12) .. 'b')} has no match,
 * and proving it takes on the order of 30000^12 steps; with a budget of 100 000 instructions the search stops
 * after 100 000 steps, a few milliseconds.
 *
 * <p>Implementer's note: written from the Lua 5.2 reference manual (section 6.4.1, "Patterns"), as a
 * backtracking matcher over the bytes of the two strings, read in place. Plain items, and optional items
 * that do not match, advance in a loop; an item quantified by {@code *}, {@code +} or {@code -}, an optional
 * item that matches, and a capture try their alternatives by recursion on the rest of the pattern, so
 * recursion depth grows with the number of such items, not with the subject, and is capped at
 * {@value #MAX_DEPTH} ("pattern too complex", as in Lua 5.3+). Character classes are those of the C locale
 * (bytes 128 to 255 belong to no class). Captures are remembered as start offset and length; a position
 * capture {@code ()} has length {@link #POSITION}, an open one {@link #UNFINISHED}.
 */
final class LuaPattern {

    /** Most captures one pattern may hold, as in Lua. */
    static final int MAX_CAPTURES = 32;
    /** Returned by the matching methods when the pattern does not match at the given offset. */
    static final int NO_MATCH = -1;

    private static final int MAX_DEPTH = 200;
    private static final int UNFINISHED = -1;
    private static final int POSITION = -2;

    private final LuaString subject;
    private final LuaString pattern;
    private final int subjectLength;
    private final int patternLength;
    private final InstructionBudget budget;
    private final int[] captureStart = new int[MAX_CAPTURES];
    private final int[] captureLength = new int[MAX_CAPTURES];
    private int level;
    private int depth;

    /**
     * @param subject the text searched
     * @param pattern the Lua pattern, {@code ^} included when present
     * @param budget  charged one instruction per matcher step
     */
    LuaPattern(LuaString subject, LuaString pattern, InstructionBudget budget) {
        this.subject = subject;
        this.pattern = pattern;
        this.subjectLength = subject.length();
        this.patternLength = pattern.length();
        this.budget = budget;
    }

    /** @return the subject's length in bytes. */
    int subjectLength() {
        return subjectLength;
    }

    /** @return true when the pattern starts with {@code ^}. */
    boolean anchored() {
        return patternLength > 0 && pattern.luaByte(0) == '^';
    }

    /**
     * @param start        0-based offset in the subject, 0 to its length
     * @param patternStart 0, or 1 to skip a leading {@code ^}
     * @return the end offset (exclusive) of a match beginning exactly at {@code start}, or {@link #NO_MATCH}
     */
    int matchAt(int start, int patternStart) {
        level = 0;
        depth = 0;
        return match(start, patternStart);
    }

    /**
     * @param index 0-based capture index
     * @param start start offset of the match
     * @param end   end offset of the match
     * @return the capture's text, its 1-based position for {@code ()}, or the whole match for index 0 of a
     *         pattern without captures
     */
    LuaValue capture(int index, int start, int end) {
        if (index >= level) {
            if (index == 0) {
                return subject.substring(start, end);
            }
            throw new LuaError("invalid capture index %" + (index + 1));
        }
        final int length = captureLength[index];
        if (length == UNFINISHED) {
            throw new LuaError("unfinished capture");
        }
        return length == POSITION ? LuaValue.valueOf(captureStart[index] + 1)
                : subject.substring(captureStart[index], captureStart[index] + length);
    }

    /**
     * @param start       start offset of the match
     * @param end         end offset of the match
     * @param wholeIfNone whether a pattern without captures yields the whole match (match, gmatch, gsub) or
     *                    nothing (find)
     * @return the captures of the last match
     */
    Varargs captures(int start, int end, boolean wholeIfNone) {
        final int count = level == 0 && wholeIfNone ? 1 : level;
        final LuaValue[] values = new LuaValue[count];
        for (int i = 0; i < count; i++) {
            values[i] = capture(i, start, end);
        }
        return LuaValue.varargsOf(values);
    }

    private int match(int start, int patternStart) {
        if (++depth > MAX_DEPTH) {
            throw new LuaError("pattern too complex");
        }
        final int end = matchSequence(start, patternStart);
        depth--;
        return end;
    }

    private int matchSequence(int start, int patternStart) {
        int s = start;
        int p = patternStart;
        while (true) {
            budget.charge(1);
            if (p == patternLength) {
                return s;
            }
            if (pattern.luaByte(p) == '(') {
                return openCapture(s, p + 1);
            }
            if (pattern.luaByte(p) == ')') {
                return closeCapture(s, p + 1);
            }
            if (pattern.luaByte(p) == '$' && p + 1 == patternLength) {
                return s == subjectLength ? s : NO_MATCH;
            }
            if (isSpecialEscape(p)) {
                s = matchSpecialEscape(s, p);
                p = specialEscapeEnd(p);
                if (s == NO_MATCH) {
                    return NO_MATCH;
                }
                continue;
            }
            final int classEnd = classEnd(p);
            final int quantifier = classEnd < patternLength ? pattern.luaByte(classEnd) : 0;
            if (quantifier == '*' || quantifier == '+' || quantifier == '-') {
                return matchRepeated(s, p, classEnd, quantifier);
            }
            final boolean hit = s < subjectLength && singleMatch(subject.luaByte(s), p, classEnd);
            if (quantifier == '?') {
                final int end = hit ? match(s + 1, classEnd + 1) : NO_MATCH;
                if (end != NO_MATCH) {
                    return end;
                }
                p = classEnd + 1;
            } else if (hit) {
                s++;
                p = classEnd;
            } else {
                return NO_MATCH;
            }
        }
    }

    private int matchRepeated(int s, int p, int classEnd, int quantifier) {
        if (quantifier == '-') {
            return minExpand(s, p, classEnd);
        }
        if (quantifier == '*') {
            return maxExpand(s, p, classEnd);
        }
        final boolean hit = s < subjectLength && singleMatch(subject.luaByte(s), p, classEnd);
        return hit ? maxExpand(s + 1, p, classEnd) : NO_MATCH;
    }

    private boolean isSpecialEscape(int p) {
        if (pattern.luaByte(p) != '%' || p + 1 >= patternLength) {
            return false;
        }
        final int kind = pattern.luaByte(p + 1);
        return kind == 'b' || kind == 'f' || (kind >= '0' && kind <= '9');
    }

    /** @return the subject offset after {@code %b}, {@code %f} or a back-reference at {@code p}, or NO_MATCH. */
    private int matchSpecialEscape(int s, int p) {
        final int kind = pattern.luaByte(p + 1);
        if (kind == 'b') {
            return matchBalance(s, p + 2);
        }
        if (kind == 'f') {
            return matchFrontier(s, p + 2);
        }
        return matchBackReference(s, kind);
    }

    private int specialEscapeEnd(int p) {
        final int kind = pattern.luaByte(p + 1);
        if (kind == 'b') {
            return p + 4;
        }
        return kind == 'f' ? classEnd(p + 2) : p + 2;
    }

    private int classEnd(int p) {
        if (pattern.luaByte(p) == '%') {
            if (p + 1 >= patternLength) {
                throw new LuaError("malformed pattern (ends with '%')");
            }
            return p + 2;
        }
        return pattern.luaByte(p) == '[' ? bracketEnd(p + 1) : p + 1;
    }

    /** @return the offset after the {@code ]} closing a set whose first member is at {@code p}. */
    private int bracketEnd(int p) {
        int q = p < patternLength && pattern.luaByte(p) == '^' ? p + 1 : p;
        do {
            if (q >= patternLength) {
                throw new LuaError("malformed pattern (missing ']')");
            }
            q += pattern.luaByte(q) == '%' ? 2 : 1;
        } while (q >= patternLength || pattern.luaByte(q) != ']');
        return q + 1;
    }

    private boolean singleMatch(int c, int p, int classEnd) {
        return switch (pattern.luaByte(p)) {
            case '.' -> true;
            case '%' -> classMatches(c, pattern.luaByte(p + 1));
            case '[' -> setMatches(c, p, classEnd - 1);
            default -> pattern.luaByte(p) == c;
        };
    }

    /**
     * @param c     a subject byte, 0 to 255
     * @param klass the letter after {@code %}: {@code a c d g l p s u w x z}, upper case for the complement;
     *              any other byte stands for itself
     * @return whether {@code c} belongs to the class
     */
    static boolean classMatches(int c, int klass) {
        final boolean inClass;
        switch (klass | 0x20) {
            case 'a' -> inClass = isLetter(c);
            case 'c' -> inClass = c < 32 || c == 127;
            case 'd' -> inClass = isDigit(c);
            case 'g' -> inClass = c > 32 && c < 127;
            case 'l' -> inClass = c >= 'a' && c <= 'z';
            case 'p' -> inClass = c > 32 && c < 127 && !isLetter(c) && !isDigit(c);
            case 's' -> inClass = c == ' ' || (c >= '\t' && c <= '\r');
            case 'u' -> inClass = c >= 'A' && c <= 'Z';
            case 'w' -> inClass = isLetter(c) || isDigit(c);
            case 'x' -> inClass = isDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
            case 'z' -> inClass = c == 0;
            default -> {
                return klass == c;
            }
        }
        return klass >= 'A' && klass <= 'Z' ? !inClass : inClass;
    }

    private static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** @return whether {@code c} is in the set from the {@code [} at {@code open} to the {@code ]} at {@code close} */
    private boolean setMatches(int c, int open, int close) {
        int q = open + 1;
        final boolean negated = pattern.luaByte(q) == '^';
        q += negated ? 1 : 0;
        for (; q < close; q++) {
            final int member = pattern.luaByte(q);
            if (member == '%') {
                q++;
                if (classMatches(c, pattern.luaByte(q))) {
                    return !negated;
                }
            } else if (pattern.luaByte(q + 1) == '-' && q + 2 < close) {
                q += 2;
                if (member <= c && c <= pattern.luaByte(q)) {
                    return !negated;
                }
            } else if (member == c) {
                return !negated;
            }
        }
        return negated;
    }

    private int maxExpand(int s, int p, int classEnd) {
        int count = 0;
        while (s + count < subjectLength && singleMatch(subject.luaByte(s + count), p, classEnd)) {
            budget.charge(1);
            count++;
        }
        for (; count >= 0; count--) {
            final int end = match(s + count, classEnd + 1);
            if (end != NO_MATCH) {
                return end;
            }
        }
        return NO_MATCH;
    }

    private int minExpand(int s, int p, int classEnd) {
        for (int at = s; ; at++) {
            final int end = match(at, classEnd + 1);
            if (end != NO_MATCH) {
                return end;
            }
            if (at >= subjectLength || !singleMatch(subject.luaByte(at), p, classEnd)) {
                return NO_MATCH;
            }
        }
    }

    /** Opens a capture at {@code s}; {@code p} is just after its {@code (}. */
    private int openCapture(int s, int p) {
        if (level >= MAX_CAPTURES) {
            throw new LuaError("too many captures");
        }
        final boolean position = p < patternLength && pattern.luaByte(p) == ')';
        captureStart[level] = s;
        captureLength[level] = position ? POSITION : UNFINISHED;
        level++;
        final int end = match(s, position ? p + 1 : p);
        if (end == NO_MATCH) {
            level--;
        }
        return end;
    }

    private int closeCapture(int s, int p) {
        final int open = captureToClose();
        captureLength[open] = s - captureStart[open];
        final int end = match(s, p);
        if (end == NO_MATCH) {
            captureLength[open] = UNFINISHED;
        }
        return end;
    }

    private int captureToClose() {
        for (int i = level - 1; i >= 0; i--) {
            if (captureLength[i] == UNFINISHED) {
                return i;
            }
        }
        throw new LuaError("invalid pattern capture");
    }

    private int matchBalance(int s, int p) {
        if (p + 1 >= patternLength) {
            throw new LuaError("malformed pattern (missing arguments to '%b')");
        }
        if (s >= subjectLength || subject.luaByte(s) != pattern.luaByte(p)) {
            return NO_MATCH;
        }
        int open = 1;
        for (int at = s + 1; at < subjectLength; at++) {
            budget.charge(1);
            if (subject.luaByte(at) == pattern.luaByte(p + 1)) {
                if (--open == 0) {
                    return at + 1;
                }
            } else if (subject.luaByte(at) == pattern.luaByte(p)) {
                open++;
            }
        }
        return NO_MATCH;
    }

    private int matchFrontier(int s, int p) {
        if (p >= patternLength || pattern.luaByte(p) != '[') {
            throw new LuaError("missing '[' after '%f' in pattern");
        }
        final int close = classEnd(p) - 1;
        final int previous = s == 0 ? 0 : subject.luaByte(s - 1);
        final int current = s < subjectLength ? subject.luaByte(s) : 0;
        return !setMatches(previous, p, close) && setMatches(current, p, close) ? s : NO_MATCH;
    }

    private int matchBackReference(int s, int digit) {
        final int index = digit - '1';
        if (index < 0 || index >= level || captureLength[index] == UNFINISHED) {
            throw new LuaError("invalid capture index %" + (index + 1));
        }
        final int length = captureLength[index];
        final int from = captureStart[index];
        budget.charge(Math.max(length, 0));
        return length >= 0 && subjectLength - s >= length
                && LuaString.equals(subject, from, subject, s, length) ? s + length : NO_MATCH;
    }
}
