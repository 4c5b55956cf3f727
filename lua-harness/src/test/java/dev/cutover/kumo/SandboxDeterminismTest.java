package dev.cutover.kumo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luaj.vm2.LuaValue;

/** The same policy with the same options gives the same answers: seeded {@code math.random}, fixed clock. */
class SandboxDeterminismTest {

    private static final String DRAWS = "local t = {}\n"
            + "for i = 1, 5 do t[#t + 1] = math.random(1, 1000000) end\n"
            + "t[#t + 1] = math.random(10)\n"
            + "t[#t + 1] = string.format('%.12f', math.random())\n"
            + "t[#t + 1] = os.time()\n"
            + "result = table.concat(t, ' ')\n";

    @TempDir
    Path dir;

    private String run(String lua, HarnessOptions options) throws Exception {
        return TempPolicy.load(dir, lua, options).sandbox().globals().get("result").tojstring();
    }

    @Test
    void tostring_ofTablesAndFunctions_numberedInOrderSoTwoLoadsWriteTheSame() throws Exception {
        final String lua = "local kumo = require 'kumo'\nlocal a, b = {}, {}\n"
                + "local shown = setmetatable({}, { __tostring = function() return 'custom' end })\n"
                + "print(a, shown)\n"
                + "result = table.concat({ tostring(a), tostring(b), tostring(a), tostring(shown),\n"
                + "  select(2, pcall(kumo.json_encode, { f = print })),\n"
                + "  select(2, pcall(kumo.json_encode, { [{}] = 1 })) }, ' | ')\n";

        final String first = run(lua, HarnessOptions.defaults());
        final LuaKumoPolicy again = TempPolicy.load(dir, lua, HarnessOptions.defaults());

        assertEquals("table: 0x00000001 | table: 0x00000002 | table: 0x00000001 | custom | json_encode: cannot "
                + "encode a function as JSON | json_encode: cannot encode a table key that is a table as JSON", first);
        assertEquals(first, again.sandbox().globals().get("result").tojstring());
        assertEquals(List.of("print: table: 0x00000001\tcustom"), again.warnings().stream()
                .filter(w -> w.startsWith("print: ")).toList(), "print writes what tostring writes");
    }

    @Test
    void random_sameSeedTwoLoads_sameValues() throws Exception {
        final HarnessOptions options = HarnessOptions.defaults().withSeed(7);

        assertEquals(run(DRAWS, options), run(DRAWS, options));
    }

    @Test
    void random_otherSeed_otherValues() throws Exception {
        final String seven = run(DRAWS, HarnessOptions.defaults().withSeed(7));
        final String eight = run(DRAWS, HarnessOptions.defaults().withSeed(8));

        assertNotEquals(seven, eight);
        assertEquals(seven.substring(seven.lastIndexOf(' ')), eight.substring(eight.lastIndexOf(' ')));
    }

    @Test
    void randomseed_sameArgument_replaysSequence() throws Exception {
        final String lua = "math.randomseed(42)\nlocal a = math.random(1000000)\n"
                + "math.randomseed(42)\nlocal b = math.random(1000000)\nresult = tostring(a == b) .. ' ' .. a\n";

        final String first = run(lua, HarnessOptions.defaults().withSeed(3));

        assertEquals(first, run(lua, HarnessOptions.defaults().withSeed(3)));
        assertEquals("true", first.split(" ")[0]);
    }

    @Test
    void randomseed_fromFixedClock_stillFollowsHarnessSeed() throws Exception {
        final String lua = "math.randomseed(os.time())\nresult = math.random(1000000000)\n";

        assertNotEquals(run(lua, HarnessOptions.defaults().withSeed(1)), run(lua, HarnessOptions.defaults()
                .withSeed(2)));
    }

    @Test
    void random_emptyInterval_failsLikeLua() throws Exception {
        final String message = run("result = select(2, pcall(math.random, 5, 1))", HarnessOptions.defaults());

        assertEquals("bad argument #2: interval is empty", message.replaceFirst("^.*:\\d+:? ", ""));
    }

    @Test
    void clock_defaults_standAtTheEpoch() throws Exception {
        assertEquals("0 1970-01-01 00:00:00 0", run("result = os.time() .. ' ' .. os.date('%Y-%m-%d %H:%M:%S') .. ' '"
                + " .. os.clock()", HarnessOptions.defaults()));
    }

    @Test
    void clock_withClock_isWhatTimeAndDateReport() throws Exception {
        final String lua = "result = os.time() .. ' ' .. os.date('%Y-%m-%d %H:%M:%S') .. ' ' .. os.date('!%H') .. ' '"
                + " .. os.date('*t').year\n";

        assertEquals("1700000000 2023-11-14 22:13:20 22 2023", run(lua, HarnessOptions.defaults()
                .withClock(1_700_000_000L)));
    }

    @Test
    void time_dateTable_readsUtcWithNoonDefault() throws Exception {
        final String lua = "result = os.time{year = 2023, month = 11, day = 14, hour = 22, min = 13, sec = 20}"
                + " .. ' ' .. os.time{year = 2023, month = 12, day = 32}\n";

        assertEquals("1700000000 1704110400", run(lua, HarnessOptions.defaults()));
    }

    @Test
    void date_explicitTime_isFormattedInUtc() throws Exception {
        final LuaValue result = TempPolicy.load(dir, "result = os.date('%H:%M', 3600)\n", HarnessOptions.defaults())
                .sandbox().globals().get("result");

        assertEquals("01:00", result.tojstring());
    }
}
