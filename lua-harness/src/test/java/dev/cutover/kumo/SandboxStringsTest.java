package dev.cutover.kumo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JsePlatform;

/** The sandbox's bounded string functions: size caps, the instruction budget in patterns, and LuaJ's answers. */
class SandboxStringsTest {

    private static final String PATHOLOGICAL = "string.rep('a', 30000), string.rep('a-', 12) .. 'b'";

    @TempDir
    Path dir;

    private LuaValue run(String lua) throws Exception {
        return TempPolicy.load(dir, lua + "\n", HarnessOptions.defaults()).sandbox().globals().get("result");
    }

    private PolicyException failure(String lua, HarnessOptions options) {
        return assertThrows(PolicyException.class, () -> TempPolicy.load(dir, lua + "\n", options));
    }

    @Test
    void rep_resultOverCap_failsWithLuaError() {
        final PolicyException e = failure("local s = string.rep('x', 2^31 - 2)", HarnessOptions.defaults());

        assertEquals("init.lua:1: string.rep result would be 2147483646 bytes; cutover caps sandbox strings at 64 MiB",
                e.getMessage());
    }

    @Test
    void rep_overCapInsidePcall_isCatchableLuaError() throws Exception {
        final LuaValue result = run("local ok, err = pcall(string.rep, 'ab', 2^40)\nresult = tostring(ok)");

        assertEquals("false", result.tojstring());
    }

    @Test
    void rep_separatorAndMethodSyntax_buildLikeLua() throws Exception {
        assertEquals("ab,ab,ab|", run("result = string.rep('ab', 3, ',') .. ('x'):rep(0) .. '|'").tojstring());
    }

    @Test
    void gsub_resultOverCap_failsWithLuaError() {
        final PolicyException e = failure("local s = string.rep('x', 2^16):gsub('x', string.rep('y', 1025))",
                HarnessOptions.defaults());

        assertEquals("init.lua:1: string.gsub result would exceed 64 MiB; cutover caps sandbox strings at 64 MiB",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"string.find", "string.match", "string.gsub", "string.gmatch"})
    void patternFunction_catastrophicBacktracking_stopsAtInstructionLimit(String function) {
        final String call = function.equals("string.gsub") ? "string.gsub(" + PATHOLOGICAL + ", '')"
                : function.equals("string.gmatch") ? "string.gmatch(" + PATHOLOGICAL + ")()"
                : function + "(" + PATHOLOGICAL + ")";
        final HarnessOptions small = HarnessOptions.defaults().withInstructionLimit(100_000);

        final PolicyException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> failure("local r = " + call, small));

        assertEquals("init.lua:1: policy ran longer than 100000 instructions in main chunk", e.getMessage());
    }

    @Test
    void find_methodSyntaxInsidePcall_stillStopsAtInstructionLimit() {
        final String lua = "local s = string.rep('a', 30000)\n"
                + "while true do pcall(function() return s:find(string.rep('a-', 12) .. 'b') end) end";

        final PolicyException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> failure(lua, HarnessOptions.defaults().withInstructionLimit(100_000)));

        assertEquals("policy ran longer than 100000 instructions in main chunk", e.detail());
    }

    @Test
    void match_manyOptionalItemsMatching_failsAsTooComplex() throws Exception {
        final LuaValue result = run("result = select(2, pcall(string.match, string.rep('a', 300), "
                + "string.rep('a?', 300) .. 'c'))");

        assertEquals("pattern too complex", result.tojstring().replaceFirst("^.*:\\d+:? ", ""));
    }

    @Test
    void match_manyOptionalItemsMissing_needNoRecursion() throws Exception {
        assertEquals("b", run("result = string.match('b', string.rep('a?', 300) .. 'b')").tojstring());
    }

    @Test
    void find_frontierAfterInit_followsTheManual() throws Exception {
        assertEquals("8 9", run("local s, e = string.find('1AbAb\\t xA', '%f[%w]%w+', 2)\nresult = s .. ' ' .. e")
                .tojstring());
    }

    @Test
    void patternFunctions_substringSharingItsParentsBytes_countFromItsOwnStart() throws Exception {
        final String lua = "local s = ('#a.b.c.d#'):sub(2, 8)\n"
                + "local b1, b2 = s:find('b')\nlocal d1, d2 = s:find('.', 1, true)\n"
                + "local letters, count = s:gsub('%a', '<%0>')\n"
                + "result = table.concat({b1, b2, d1, d2, letters, count, s:match('(%a)$')}, ' ')";

        assertEquals("3 3 2 2 <a>.<b>.<c>.<d> 4 d", run(lua).tojstring());
    }

    @Test
    void gmatch_emptyMatches_advanceOneByteEach() throws Exception {
        final LuaValue result = run("local t = {}\nfor p in ('abc'):gmatch('()') do t[#t + 1] = p end\n"
                + "result = table.concat(t, ',')");

        assertEquals("1,2,3,4", result.tojstring());
    }

    @Test
    void gmatch_leadingCaret_matchesLiterally() throws Exception {
        assertEquals("^b", run("result = string.gmatch('a^b', '^b')()").tojstring());
    }

    @Test
    void find_graphClass_skipsSpaceAndControl() throws Exception {
        assertEquals("3", run("result = string.find(' \\tx', '%g')").tojstring());
    }

    @Test
    void gsub_percentBeforeLetterInReplacement_fails() throws Exception {
        final LuaValue result = run("result = select(2, pcall(string.gsub, 'abc', 'b', '%x'))");

        assertEquals("invalid use of '%' in replacement string", result.tojstring().replaceFirst("^.*:\\d+:? ", ""));
    }

    /**
     * Random patterns over a small alphabet give the same answers and the same failures as LuaJ's own string
     * library. Left out: {@code %f} (LuaJ tests the frontier at the wrong position), a back-reference to a
     * position capture (LuaJ reads before the subject), and {@code gmatch}, which LuaJ does not advance past
     * an empty match; gmatch is compared with LuaJ's {@code gsub}, which visits the same matches.
     */
    @Test
    void patternFunctions_randomPatterns_agreeWithLuaJ() {
        final LuaValue luaj = JsePlatform.standardGlobals().get("string");
        final LuaTable sandbox = new LuaTable();
        SandboxStrings.install(sandbox, new InstructionBudget(Long.MAX_VALUE, () -> null, "policy"));
        final Random random = new Random(20_240_601L);
        final List<String> differences = new ArrayList<>();

        for (int i = 0; i < 5_000; i++) {
            final LuaValue subject = LuaValue.valueOf(randomText(random, " aab b().%x1 -AZ\t", 14));
            final LuaValue pattern = LuaValue.valueOf(randomPattern(random));
            final LuaValue init = LuaValue.valueOf(random.nextInt(20) - 8);
            final LuaValue replacement = LuaValue.valueOf(new String[] {"%0", "%1", "<%2>", "x", "%%", ""}[i % 6]);
            compare(differences, "find", luaj, sandbox, subject, pattern, init);
            compare(differences, "find", luaj, sandbox, subject, pattern, init, LuaValue.TRUE);
            compare(differences, "match", luaj, sandbox, subject, pattern, init);
            compare(differences, "gsub", luaj, sandbox, subject, pattern, replacement, LuaValue.valueOf(2));
            if (pattern.tojstring().charAt(0) != '^') {
                final String expected = matchesViaGsub(luaj, subject, pattern);
                final String actual = gmatchAll(sandbox, subject, pattern);
                record(differences, "gmatch", subject, pattern, expected, actual);
            }
        }

        assertEquals(List.of(), differences);
    }

    private static String randomText(Random random, String alphabet, int maxLength) {
        final StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String randomPattern(Random random) {
        final String[] items = {"a", "b", ".", "%a", "%d", "%s", "%w", "%p", "%%", "[ab]", "[^a]", "[a-c]",
            "[%d.]", "()", "(", ")", "*", "+", "-", "?", "$", "%b()", "%1", " ", "x", "%.", "[]]", "[^]a]", "%u",
            "%l", "%x", "%c", "%A", "[a-]", "%z"};
        final StringBuilder pattern = new StringBuilder(random.nextBoolean() ? "^" : "");
        for (int i = 1 + random.nextInt(6); i > 0; i--) {
            pattern.append(items[random.nextInt(items.length)]);
        }
        final String text = pattern.toString();
        return text.contains("()") && text.contains("%1") ? text.replace("%1", "") + "a" : text;
    }

    private static void compare(List<String> differences, String name, LuaValue luaj, LuaTable sandbox,
            LuaValue... args) {
        final String expected = outcome(luaj.get(name), args);
        if (!expected.equals("crash")) {
            record(differences, name, args[0], args[1], expected, outcome(sandbox.get(name), args));
        }
    }

    private static void record(List<String> differences, String name, LuaValue subject, LuaValue pattern,
            String expected, String actual) {
        if (!expected.equals(actual)) {
            differences.add(name + "('" + subject + "', '" + pattern + "'): LuaJ " + expected + ", sandbox " + actual);
        }
    }

    private static String outcome(LuaValue function, LuaValue... args) {
        try {
            return show(function.invoke(LuaValue.varargsOf(args)));
        } catch (LuaError e) {
            return "error";
        } catch (RuntimeException e) {
            return "crash";
        }
    }

    private static String show(Varargs values) {
        final StringBuilder text = new StringBuilder();
        for (int i = 1; i <= values.narg(); i++) {
            text.append(values.arg(i).typename()).append(':').append(values.arg(i).tojstring()).append('|');
        }
        return text.toString();
    }

    private static String matchesViaGsub(LuaValue luaj, LuaValue subject, LuaValue pattern) {
        final StringBuilder seen = new StringBuilder();
        final VarArgFunction collect = new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs captures) {
                seen.append(show(captures)).append(';');
                return LuaValue.NIL;
            }
        };
        final String result = outcome(luaj.get("gsub"), subject, pattern, collect);
        return result.equals("error") ? result : seen.toString();
    }

    private static String gmatchAll(LuaTable sandbox, LuaValue subject, LuaValue pattern) {
        try {
            final LuaValue next = sandbox.get("gmatch").call(subject, pattern);
            final StringBuilder seen = new StringBuilder();
            for (Varargs captures = next.invoke(); !captures.arg1().isnil(); captures = next.invoke()) {
                seen.append(show(captures)).append(';');
            }
            return seen.toString();
        } catch (LuaError e) {
            return "error";
        }
    }
}
