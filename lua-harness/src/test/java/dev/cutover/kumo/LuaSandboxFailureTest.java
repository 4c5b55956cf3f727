package dev.cutover.kumo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luaj.vm2.LuaValue;

/**
 * What a policy's failures look like to the CLI: always a one-line {@link PolicyException} with file and line,
 * whether the policy raised a Lua error, ran out of memory or stack, or spent its budget in a nested event.
 */
class LuaSandboxFailureTest {

    private static final String PATH_HANDLER = "local kumo = require 'kumo'\n"
            + "kumo.on('get_egress_path_config', function(domain, source, site)\n";

    @TempDir
    Path dir;

    private PolicyException loadFailure(String lua) {
        return assertThrows(PolicyException.class, () -> TempPolicy.load(dir, lua, HarnessOptions.defaults()));
    }

    @Test
    void egressPathConfig_outOfMemory_becomesPolicyExceptionNamingEvent() throws Exception {
        final LuaKumoPolicy policy = TempPolicy.load(dir, PATH_HANDLER + "  exhaust()\nend)\n",
                HarnessOptions.defaults());
        policy.sandbox().globals().set("exhaust", LuaFunctions.of("exhaust", a -> {
            throw new OutOfMemoryError("Java heap space");
        }));

        final PolicyException e = assertThrows(PolicyException.class,
                () -> policy.egressPathConfig("a.example", "ip-1", "site"));

        assertEquals("init.lua:3: policy exhausted memory in get_egress_path_config", e.getMessage());
    }

    @Test
    void egressPathConfig_endlessRecursion_becomesPolicyExceptionNamingEvent() throws Exception {
        final LuaKumoPolicy policy = TempPolicy.load(dir, "local function deeper(n) return 1 + deeper(n + 1) end\n"
                + PATH_HANDLER + "  return deeper(1)\nend)\n", HarnessOptions.defaults());

        final PolicyException e = assertThrows(PolicyException.class,
                () -> policy.egressPathConfig("a.example", "ip-1", "site"));

        assertEquals("init.lua", e.file());
        assertEquals("policy overflowed the stack in get_egress_path_config (infinite recursion?)", e.detail());
    }

    @Test
    void queueConfig_nestedEventsInLoop_spendOuterEventBudget() throws Exception {
        final String lua = PATH_HANDLER + "  return kumo.make_egress_path {}\nend)\n"
                + "kumo.on('get_queue_config', function()\n"
                + "  while true do kumo.invoke_get_egress_path_config('a.example', 'ip-1', 'site') end\n"
                + "end)\n";
        final LuaKumoPolicy policy = TempPolicy.load(dir, lua, HarnessOptions.defaults().withInstructionLimit(10_000));

        final PolicyException e = assertThrows(PolicyException.class,
                () -> policy.queueConfig("a.example", null, null, null));

        assertEquals("policy ran longer than 10000 instructions in get_queue_config", e.detail());
    }

    @Test
    void load_mainChunkHoardingMemory_stoppedAsAPolicyErrorBeforeTheHeapRunsOut() {
        final String lua = "local t = {}\nfor i = 1, 1e9 do\n  t[i] = string.rep('x', 1000) .. i\nend\n";

        final PolicyException e = assertThrows(PolicyException.class, () -> TempPolicy.load(dir, lua,
                HarnessOptions.defaults().withMemoryLimit(32L << 20)));

        assertEquals("init.lua:3: policy took more than 32 MB of memory in main chunk", e.getMessage());
    }

    @Test
    void coroutines_yieldingWithoutEnd_stopAtTheBudgetEvenInsidePcall() {
        final long started = System.nanoTime();
        final PolicyException e = assertThrows(PolicyException.class, () -> TempPolicy.load(dir, "local step = "
                + "coroutine.wrap(function() while true do coroutine.yield(1) end end)\n"
                + "print(pcall(function() for i = 1, 1e9 do step() end end))\n",
                HarnessOptions.defaults().withInstructionLimit(2_000_000)));

        assertTrue(e.getMessage().contains("ran longer than 2000000 instructions in main chunk"), e.getMessage());
        assertTrue(System.nanoTime() - started < 20_000_000_000L, "each resume is charged for its thread switch");
    }

    @Test
    void coroutines_createdWithoutEnd_refusedPastTheLimitForOneEvent() throws Exception {
        final PolicyException e = loadFailure("local held = {}\nfor i = 1, 100000 do\n"
                + "  held[i] = coroutine.create(function() coroutine.yield() end)\n  coroutine.resume(held[i])\nend\n");
        final LuaKumoPolicy generator = TempPolicy.load(dir, "local gen = coroutine.wrap(function()\n"
                + "  for i = 1, 3 do coroutine.yield(i) end\nend)\nresult = gen() + gen() + gen()\n",
                HarnessOptions.defaults());

        assertEquals("init.lua:3: more than 1000 coroutines created in main chunk: each is a thread in cutover's Lua",
                e.getMessage());
        assertEquals(6, generator.sandbox().globals().get("result").toint(), "coroutines within the limits work");
    }

    @Test
    void syntaxErrorInARequiredModule_namedAsInThePolicyFile() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("newer.lua"), "local x <const> = 5\nreturn {}\n");
        java.nio.file.Files.writeString(dir.resolve("floor.lua"), "local a = 7 // 2\nreturn {}\n");

        final PolicyException required = loadFailure("local m = require 'newer'\n");
        final PolicyException done = loadFailure("dofile('floor.lua')\n");

        assertEquals("init.lua:1: load newer.lua: newer.lua:1: local attribute `<const>` is Lua 5.4; LuaJ runs Lua "
                + "5.2 — remove the attribute", required.getMessage());
        assertEquals("init.lua:1: floor.lua:1: integer division `//` is Lua 5.3+; LuaJ runs Lua 5.2 — use "
                + "math.floor(a/b)", done.getMessage());
    }

    @Test
    void load_failureAfterPrinting_keepsTheLastLinesThePolicyShowed() {
        final PolicyException e = loadFailure("print('debug: got here')\nkumo = require 'kumo'\n"
                + "kumo.log_info('loading shaping')\nerror('then failed')\n");

        assertEquals("init.lua:4: then failed (the policy's output before it failed: print: debug: got here | "
                + "log_info: loading shaping)", e.getMessage());
    }

    @Test
    void load_errorWithNewlines_givesOneLine() {
        assertEquals("init.lua:1: a; b", loadFailure("error('a\\nb')\n").getMessage());
    }

    @Test
    void load_missingModule_listsSearchedPathsOnOneLine() {
        final PolicyException e = loadFailure("require 'nosuch'\n");

        assertTrue(e.getMessage().startsWith("init.lua:1: module 'nosuch' not found: "), e.getMessage());
        assertTrue(e.getMessage().contains("; nosuch.lua; "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().contains("\t"), e.getMessage());
    }

    @Test
    void load_errorWithoutValue_saysNoMessageAtItsLine() {
        assertEquals("init.lua:3: error raised with no message", loadFailure("local a = 1\n\nerror()\n").getMessage());
    }

    @Test
    void load_errorWithTable_namesTheType() {
        assertEquals("init.lua:2: error object is a table", loadFailure("local a = 1\nerror({code = 5})\n")
                .getMessage());
    }

    @Test
    void load_errorWithTableInsidePcall_keepsTheTableForLua() throws Exception {
        final LuaValue result = TempPolicy.load(dir, "local ok, err = pcall(error, {code = 5})\nresult = err.code\n",
                HarnessOptions.defaults()).sandbox().globals().get("result");

        assertEquals(5, result.toint());
    }

    @Test
    void constructor_detailOfSeveralLines_isJoinedWithSemicolons() {
        final PolicyException e = new PolicyException("shaping.toml", 4, "first\n\tsecond\r\n\nthird\n");

        assertEquals("shaping.toml:4: first; second; third", e.getMessage());
        assertEquals("first; second; third", e.detail());
    }

    @Test
    void syntaxError_tokenLuaJNamesByNumber_namedAsLuaNamesIt() {
        assertEquals("init.lua:2: unexpected symbol near '<eof>'", loadFailure("x = (\n").getMessage());
        assertEquals("init.lua:1: unexpected symbol near '}'", loadFailure("local t = {a = }\n").getMessage());
    }

    @Test
    void error_hugeMessage_cutAtTwoThousandCharacters() {
        final PolicyException e = loadFailure("error(string.rep('x', 1000000))\n");

        assertEquals("x".repeat(2000) + "... (998000 more characters)", e.detail());
    }

    @Test
    void dofile_nameWithANulCharacter_saysItNamesNoFile() {
        final PolicyException e = loadFailure("dofile('policy\\0.lua')\n");

        assertEquals("init.lua:1: a file name with a NUL character in it names no file", e.getMessage());
    }

    @Test
    void egressPathConfig_handlerReturningNil_failsAtTheHandlersLine() throws Exception {
        final LuaKumoPolicy policy = TempPolicy.load(dir, PATH_HANDLER + "  return nil\nend)\n",
                HarnessOptions.defaults());

        final PolicyException e = assertThrows(PolicyException.class,
                () -> policy.egressPathConfig("a.example", "ip-1", "site"));

        assertEquals("init.lua", e.file());
        assertEquals(2, e.line(), "where the handler is defined");
        assertTrue(e.detail().startsWith("get_egress_path_config: deserialize error"), e.detail());
    }
}
