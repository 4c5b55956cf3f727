package dev.cutover.kumo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.luaj.vm2.LuaValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kumo.time}, with every assertion of kumod's own {@code crates/mod-time/test.lua} and the examples of
 * docs.kumomta.com reference/kumo.time, then chrono's strftime specifiers, humantime's grammar, the RFC 2822 zones
 * kumod tolerates, the sandbox clock a replay reads, and the failures, which name the function.
 */
class KumoTimeTest {
    /** What kumod's test.lua and the with_ymd_hms page start from, and what each test here may use. */
    private static final String PREAMBLE = "local kumo = require 'kumo'\n"
            + "local t = kumo.time.with_ymd_hms(2000, 01, 02, 03, 04, 05)\n"
            + "local epoch = kumo.time.from_unix_timestamp(0)\n"
            + "local half = kumo.time.from_unix_timestamp(0.5)\n"
            + "local delta = half - epoch\n";

    @TempDir
    Path dir;

    private LuaSandbox load(String body, HarnessOptions options) throws IOException {
        final Path policy = dir.resolve("init.lua");
        Files.writeString(policy, PREAMBLE + body + "\n");
        return LuaKumoPolicy.load(policy, MxFixture.builtIn(), options).sandbox();
    }

    private String eval(String expression) throws IOException {
        return eval(expression, HarnessOptions.defaults());
    }

    private String eval(String expression, HarnessOptions options) throws IOException {
        return load("result = " + expression, options).globals().get("result").tojstring();
    }

    private String failure(String expression) {
        return assertThrows(PolicyException.class, () -> eval(expression)).getMessage();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // crates/mod-time/test.lua, in its order (its sleep and elapsed lines: see sleep_returnsAtOnce...)
        "tostring(t)|2000-01-02 03:04:05 UTC",
        "t.year|2000",
        "t.month|1",
        "t.day|2",
        "t.hour|3",
        "t.minute|4",
        "t.second|5",
        "t.unix_timestamp|946782245",
        "t.rfc2822|Sun, 2 Jan 2000 03:04:05 +0000",
        "t.rfc3339|2000-01-02T03:04:05+00:00",
        "tostring(kumo.time.now() ~= t)|true",
        "tostring(kumo.time.parse_rfc2822(t.rfc2822) == t)|true",
        "tostring(kumo.time.parse_rfc3339(t.rfc3339) == t)|true",
        "tostring(kumo.time.from_unix_timestamp(t.unix_timestamp) == t)|true",
        "tostring(kumo.time.parse_rfc2822 'Sun, 2 Jan 2000 03:04:05 UTC' == "
                + "kumo.time.with_ymd_hms(2000, 01, 02, 03, 04, 05))|true",
        "t:format '%H:%M:%S%'|03:04:05%",
        "tostring(half)|1970-01-01 00:00:00.500 UTC",
        "delta.seconds|0.5",
        "delta.human|500ms",
        "tostring(half + delta)|1970-01-01 00:00:01 UTC",
        "tostring(half - kumo.time.parse_duration(0.5))|1970-01-01 00:00:00 UTC",
        "(delta + delta + delta).seconds|1.5",
        "(delta + delta + delta - delta).seconds|1",
        "(delta + delta + delta - delta).nanoseconds|1000000000",
        "(delta + delta + delta - delta).microseconds|1000000",
        "(delta + delta + delta - delta).milliseconds|1000",
        "(delta + delta + delta - delta).human|1s",
        "kumo.time.parse_duration(2.5).seconds|2.5",
        "kumo.time.parse_duration(2).seconds|2",
        "tostring(kumo.time.parse_duration(2) == kumo.time.parse_duration '2s')|true",
        "kumo.time.parse_duration('5 mins').seconds|300",
        "kumo.time.parse_duration('5 mins').human|5m",
        "tostring(kumo.time.parse_duration '5 mins')|5m",
        // the docs' examples: Time.md, TimeDelta.md, parse_duration.md, parse_rfc2822.md, parse_rfc3339.md
        "tostring(kumo.time.from_unix_timestamp(1))|1970-01-01 00:00:01 UTC",
        "kumo.time.now().year|1970",
        "kumo.time.now().unix_timestamp|0",
        "kumo.time.now():format '%H:%M:%S'|00:00:00",
        "kumo.time.parse_duration('5m').human|5m",
        "tostring(kumo.time.parse_rfc2822 'Sun, 2 Jan 2000 03:04:05 +0000' == t)|true",
        "tostring(kumo.time.parse_rfc3339 '2000-01-02T03:04:05+00:00' == t)|true",
        // TimeDelta.md asserts this is 10; delta2 - delta1 is 10 seconds less 20, which kumod also makes -10
        "(kumo.time.parse_duration '10 seconds' - kumo.time.parse_duration(20)).seconds|-10",
        "(kumo.time.parse_duration(20) - kumo.time.parse_duration '10 seconds').seconds|10",
    })
    void time_asKumodsTestAndDocsSayIt(String expression, String expected) throws IOException {
        assertEquals(expected, eval(expression));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%Y|2000", "%C|20", "%y|00", "%m|01", "%b|Jan", "%h|Jan", "%B|January", "%d|02", "[%e]|[ 2]",
        "%a|Sun", "%A|Sunday", "%w|0", "%u|7", "%j|002", "%H|03", "[%k]|[ 3]", "%I|03", "[%l]|[ 3]", "%M|04",
        "%S|05", "%p|AM", "%P|am", "%f|000000000", "[%.f]|[]", "%.3f|.000", "%.6f|.000000", "%.9f|.000000000",
        "%3f|000", "%Z|UTC", "%z|+0000", "%:z|+00:00", "%::z|+00:00:00", "%:::z|+00", "%s|946782245",
        "%F|2000-01-02", "%T|03:04:05", "%D|01/02/00", "%R|03:04", "%c|Sun Jan  2 03:04:05 2000", "%x|01/02/00",
        "%X|03:04:05", "%r|03:04:05 AM", "[%v]|[ 2-Jan-2000]", "%+|2000-01-02T03:04:05+00:00", "%%|%", "%q|1",
        // weeks: 2000-01-02 is a Sunday, in ISO week 52 of 1999
        "%U|01", "%W|00", "%V|52", "%G|1999", "%g|99",
        // padding flags on numbers
        "%-d|2", "[%_m]|[ 1]", "%0e|02", "%-j|2", "%-H|3", "[%_j]|[  2]", "%0s|946782245",
        // lenient: what chrono does not know is written as it stands; a flag chrono refuses keeps the rest
        "%Q|%Q", "%-F|%-F-01-02", "%-A|%-A", "%.3x|%.3x", "%.5f|%.5f", "100%|100%", "%Y-%|2000-%", "%E|%E",
        "%#Y|%#Y", "%-|%-",
    })
    void format_followsChronosStrftime(String spec, String expected) throws IOException {
        assertEquals(expected, eval("t:format '" + spec + "'"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kumo.time.with_ymd_hms(2000, 1, 2, 15, 4, 5):format '%I,%l,%p,%P'|03, 3,PM,pm",
        "kumo.time.with_ymd_hms(2000, 1, 2, 0, 0, 0):format '%I %p'|12 AM",
        "kumo.time.with_ymd_hms(2000, 1, 2, 12, 0, 0):format '%I %p'|12 PM",
        "half:format '%f %.f %3f %6f %-f'|500000000 .500 500 500000 500000000",
        "half.unix_timestamp_millis|500",
        "half.rfc3339|1970-01-01T00:00:00.500+00:00",
        "half.rfc2822|Thu, 1 Jan 1970 00:00:00 +0000",
        "tostring(kumo.time.from_unix_timestamp(1.25))|1970-01-01 00:00:01.250 UTC",
        // Rust's casts, as kumod makes them: the seconds truncated toward zero, a negative fraction dropped
        "tostring(kumo.time.from_unix_timestamp(-1.5))|1969-12-31 23:59:59 UTC",
        "tostring(kumo.time.parse_rfc3339 '2000-01-02T03:04:05.123456789Z')|2000-01-02 03:04:05.123456789 UTC",
        "tostring(kumo.time.parse_rfc3339 '2000-01-02T03:04:05.1234567891234Z')|2000-01-02 03:04:05.123456789 UTC",
        "tostring(kumo.time.parse_rfc3339 '2000-01-02T03:04:05.12345Z')|2000-01-02 03:04:05.123450 UTC",
        "kumo.time.parse_rfc3339('2000-01-02T03:04:05.12345Z'):format '%.f %.3f'|.123450 .123",
        "tostring(kumo.time.parse_rfc3339 '2000-01-02 03:04:05z' == t)|true",
        "tostring(kumo.time.parse_rfc3339 '2000-01-02T05:34:05+02:30' == t)|true",
        "tostring(kumo.time.parse_rfc3339 '2000-01-01T22:04:05\u221205:00' == t)|true",
        // chrono's RFC 2822: no day name, two-digit years, named and military zones, a comment after the zone
        "tostring(kumo.time.parse_rfc2822 '2 Jan 2000 03:04:05 GMT' == t)|true",
        "tostring(kumo.time.parse_rfc2822 'Sun, 02 Jan 00 04:04:05 +0100' == t)|true",
        "tostring(kumo.time.parse_rfc2822 'Sat, 1 Jan 2000 22:04:05 EST' == t)|true",
        "tostring(kumo.time.parse_rfc2822 'sun, 2 jan 2000 03:04:05 Z (zulu)' == t)|true",
        "tostring(kumo.time.parse_rfc2822 'Sun, 2 Jan 2000 03:04 +0000')|2000-01-02 03:04:00 UTC",
        // kumod's retry: a zone word the tz database gives one offset, else -0000; comments taken out first
        "tostring(kumo.time.parse_rfc2822 'Sun, 2 Jan 2000 04:04:05 CET' == t)|true",
        "tostring(kumo.time.parse_rfc2822 'Sun, 2 Jan 2000 12:04:05 jst' == t)|true",
        "tostring(kumo.time.parse_rfc2822 'Sun, 2 Jan 2000 03:04:05 IST' == t)|true",
        "tostring(kumo.time.parse_rfc2822 'Sun, 2 Jan 2000 03:04:05 UTC (Coordinated)' == t)|true",
        "tostring(kumo.time.parse_rfc2822 'Sun, 2 Jan (a (nested) comment) 2000 03:04:05 UTC' == t)|true",
        // and the examples of kumod's own tests of that retry (crates/mailparsing/src/datetime.rs)
        "tostring(kumo.time.parse_rfc2822 'Thu, 02 Jul 26 18:55:38 UTC' == "
                + "kumo.time.parse_rfc2822 'Thu, 02 Jul 2026 18:55:38 +0000')|true",
        "kumo.time.parse_rfc2822('Thu, 02 Jul 26 18:55:38 EST').rfc3339|2026-07-02T23:55:38+00:00",
        "kumo.time.parse_rfc2822('Tue, 1 Jul 2003 10:52:37 +0200').rfc3339|2003-07-01T08:52:37+00:00",
        "kumo.time.parse_rfc2822('Thu, 02 Jul 26 18:55:38 CEST').rfc3339|2026-07-02T16:55:38+00:00",
        "kumo.time.parse_rfc2822('Thu, 02 Jul 26 18:55:38 JST').rfc3339|2026-07-02T09:55:38+00:00",
        "tostring(kumo.time.parse_rfc2822 'Thu, 02 Jul 26 18:55:38 IST' == "
                + "kumo.time.parse_rfc2822 'Thu, 02 Jul 26 18:55:38 UTC')|true",
        "tostring(kumo.time.parse_rfc2822 'Thu, 02 Jul 26 18:55:38 UTC (Coordinated)' == "
                + "kumo.time.parse_rfc2822 'Thu, 02 Jul 2026 18:55:38 +0000')|true",
        // years past four digits, as chrono writes them
        "tostring(kumo.time.with_ymd_hms(10000, 1, 1, 0, 0, 0))|+10000-01-01 00:00:00 UTC",
        "kumo.time.with_ymd_hms(10000, 1, 1, 0, 0, 0):format '%Y %C'|+10000 :0",
        "kumo.time.with_ymd_hms(999, 1, 1, 0, 0, 0):format '%Y %-Y'|0999 999",
        "tostring(kumo.time.with_ymd_hms(-1, 1, 1, 0, 0, 0))|-0001-01-01 00:00:00 UTC",
        "type(t)|userdata",
    })
    void time_keepsChronosFormsAndNanoseconds(String expression, String expected) throws IOException {
        assertEquals(expected, eval(expression));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // humantime's grammar, to the nanosecond (Durations stops at microseconds)
        "kumo.time.parse_duration('1ns').nanoseconds|1",
        "kumo.time.parse_duration('1ns').human|1ns",
        "kumo.time.parse_duration('20 min 17 nsec ').human|20m 17ns",
        "kumo.time.parse_duration('1.5h').seconds|5400",
        "kumo.time.parse_duration('1h30m').seconds|5400",
        "kumo.time.parse_duration('2h 37min').human|2h 37m",
        "kumo.time.parse_duration('4.2s').milliseconds|4200",
        "kumo.time.parse_duration('1.234s 0.345ms 0.678us 0ns').nanoseconds|1234345678",
        "kumo.time.parse_duration('7.120us 3ns').nanoseconds|7123",
        "kumo.time.parse_duration('3 wks').human|21days",
        "kumo.time.parse_duration('2 yrs 3 days 4 hours').human|2years 3days 4h",
        "kumo.time.parse_duration('1M').human|1month",
        "kumo.time.parse_duration('163\u00b5s').microseconds|163",
        "kumo.time.parse_duration('0').human|0s",
        "kumo.time.parse_duration('1 0s').seconds|10",
        "kumo.time.parse_duration('1y 1M 1d 1h 1m 1s 1ms 1us 1ns').human|1year 1month 1day 1h 1m 1s 1ms 1us 1ns",
        // numbers: whole seconds, or fractions rounded to the nearest nanosecond as Rust's from_secs_f64 does
        "kumo.time.parse_duration(-90).seconds|-90",
        "kumo.time.parse_duration(0.1).nanoseconds|100000000",
        "kumo.time.parse_duration(1.0000000009).nanoseconds|1000000001",
        "kumo.time.parse_duration(1e-10).nanoseconds|0",
        // chrono's whole-unit counts truncate toward zero
        "(kumo.time.parse_duration(1) - kumo.time.parse_duration(1.5)).seconds|-0.5",
        "(kumo.time.parse_duration(1) - kumo.time.parse_duration(1.5)).milliseconds|-500",
        "(kumo.time.parse_duration(1) - kumo.time.parse_duration(1.0000015)).microseconds|-1",
        "(kumo.time.parse_duration(1) - kumo.time.parse_duration(1.0000015)).nanoseconds|-1500",
        "tostring(kumo.time.parse_duration(9223372037).nanoseconds)|nil",
        "kumo.time.parse_duration(9223372037).microseconds|9223372037000000",
        "tostring(t - epoch)|30years 15h 4m 5s",
        "tostring(t - (t - epoch) == epoch)|true",
        "tostring(epoch - t == (t - epoch))|false",
        "(epoch - t).seconds|-946782245",
    })
    void duration_readsHumantimeAndNumbersAsKumodDoes(String expression, String expected) throws IOException {
        assertEquals(expected, eval(expression));
    }

    @Test
    void format_writesNewlineTabAndEverythingElseVerbatim() throws IOException {
        assertEquals("a\nb\tc d\u00e9", eval("t:format 'a%nb%tc d\u00e9'"));
    }

    @Test
    void now_isTheSandboxClock_whichStandsAtTheEpochByDefault() throws IOException {
        assertEquals(0L, HarnessOptions.DEFAULT_CLOCK_EPOCH_SECONDS);
        assertEquals("1970-01-01 00:00:00 UTC", eval("tostring(kumo.time.now())"));
        assertEquals("2023-11-14 22:13:20 UTC 1700000000",
                eval("tostring(kumo.time.now()) .. ' ' .. kumo.time.now().unix_timestamp",
                        HarnessOptions.defaults().withClock(1_700_000_000L)));
    }

    @Test
    void now_andElapsed_countAsReadsOfTheClock_andElapsedFollowsIt() throws IOException {
        final LuaSandbox sandbox = load("stamp = kumo.time.now()", HarnessOptions.defaults().withClock(100));
        final LuaValue time = sandbox.globals().get("kumo").get("time");
        final long reads = sandbox.clock().reads();

        time.get("now").call();
        assertEquals(reads + 1, sandbox.clock().reads());

        final LuaValue stamp = sandbox.globals().get("stamp");
        assertEquals("0", stamp.get("elapsed").get("seconds").tojstring());
        assertEquals(reads + 2, sandbox.clock().reads());

        sandbox.clock().set(190);
        assertEquals("1m 30s", stamp.get("elapsed").get("human").tojstring());
        assertEquals(reads + 3, sandbox.clock().reads());
        assertEquals(reads + 3, sandbox.clock().reads(), "fields other than elapsed do not read the clock");
        assertEquals("100", stamp.get("unix_timestamp").tojstring());
    }

    @Test
    void sleep_returnsAtOnce_soElapsedStaysZeroWhereKumodsTestWaits() throws IOException {
        // test.lua sleeps 0.1 s and asserts elapsed >= 0.1: a replay waits for nothing and its clock stands still
        final LuaSandbox sandbox = load("local n = kumo.time.now()\nlocal slept = kumo.time.sleep(0.1)\n"
                + "result = n.elapsed.seconds .. ' ' .. tostring(slept) .. ' ' .. tostring(n.elapsed)",
                HarnessOptions.defaults());

        assertEquals("0 nil 0s", sandbox.globals().get("result").tojstring());
        assertEquals(0L, sandbox.clock().epochSeconds());
    }

    @Test
    void timer_answersSecondsByTheSandboxClock_onceOnly_andCloses() throws IOException {
        final LuaSandbox sandbox = load("local timer = kumo.time.start_timer 'my-operation'\n"
                + "result = timer:done() .. ' ' .. tostring(timer:done())\n"
                + "later = kumo.time.start_timer 'later'\nclosed = kumo.time.start_timer 'closed'",
                HarnessOptions.defaults().withClock(500));
        assertEquals("0 nil", sandbox.globals().get("result").tojstring());

        sandbox.clock().set(502);
        final LuaValue later = sandbox.globals().get("later");
        assertEquals("2", later.get("done").call(later).tojstring());

        final LuaValue closed = sandbox.globals().get("closed");
        final long reads = sandbox.clock().reads();
        assertEquals("2", closed.getmetatable().get("__close").call(closed).tojstring());
        assertEquals(reads + 1, sandbox.clock().reads());
        assertTrue(closed.get("done").call(closed).isnil(), "done after __close answers nil");
    }

    @Test
    void zoneWords_areThe44OfKumodsTable() {
        final Map<String, String> zones = ChronoParse.zones();

        assertEquals(44, zones.size());
        assertEquals("+0000", zones.get("UTC"));
        assertEquals("+0100", zones.get("CET"));
        assertEquals("-0330", zones.get("NST"));
        assertEquals("+1300", zones.get("NZDT"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kumo.time.parse_rfc3339('yesterday')|kumo.time.parse_rfc3339: premature end of input",
        "kumo.time.parse_rfc3339('2000-01-02T03:04:05')|kumo.time.parse_rfc3339: premature end of input",
        "kumo.time.parse_rfc3339('2000-13-02T03:04:05Z')|kumo.time.parse_rfc3339: input is out of range",
        "kumo.time.parse_rfc3339('2000-01-02T03:04:05+24:00')|kumo.time.parse_rfc3339: input is out of range",
        "kumo.time.parse_rfc3339('2000-01-02X03:04:05Z')|kumo.time.parse_rfc3339: input contains invalid characters",
        "kumo.time.parse_rfc3339('2000-01-02T03:04:05Z and more')|kumo.time.parse_rfc3339: trailing input",
        "kumo.time.parse_rfc2822('not a date')|kumo.time.parse_rfc2822: input contains invalid characters",
        "kumo.time.parse_rfc2822('Mon, 2 Jan 2000 03:04:05 +0000')"
                + "|kumo.time.parse_rfc2822: no possible date and time matching input",
        "kumo.time.parse_rfc2822('Sun, 2 Jan 2000 03:04:05 +0000 ')|kumo.time.parse_rfc2822: trailing input",
        "kumo.time.parse_rfc2822('Sun, 2 Jan 2000 03:04')|kumo.time.parse_rfc2822: premature end of input",
        "kumo.time.parse_rfc2822('Sun, 2 Jan 2000 03:04:05 +0000 (open')|kumo.time.parse_rfc2822: trailing input",
        "kumo.time.parse_duration('5 fortnights')|kumo.time.parse_duration: unknown time unit",
        "kumo.time.parse_duration('')|kumo.time.parse_duration: value was empty",
        "kumo.time.parse_duration('123')|kumo.time.parse_duration: time unit needed, for example 123sec or 123ms",
        "kumo.time.parse_duration('1.s')|kumo.time.parse_duration: invalid character at 1",
        "kumo.time.parse_duration('.1s')|kumo.time.parse_duration: expected number at 0",
        "kumo.time.parse_duration('1.5ns')|kumo.time.parse_duration: number is too large",
        "kumo.time.parse_duration('99999999999999999999s')|kumo.time.parse_duration: number is too large",
        "kumo.time.parse_duration('300000000 years')|kumo.time.parse_duration: Source duration value is out of range",
        "kumo.time.parse_duration({})|kumo.time.parse_duration: invalid duration value",
        "kumo.time.parse_duration(-1.5)|kumo.time.parse_duration: cannot convert float seconds to Duration: "
                + "value is negative",
        "kumo.time.parse_duration(1e17)|kumo.time.parse_duration: seconds out of range",
        "kumo.time.from_unix_timestamp('0')|kumo.time.from_unix_timestamp: timestamp must be either an integer or "
                + "floating point number of seconds",
        "kumo.time.from_unix_timestamp(1e300)|kumo.time.from_unix_timestamp: invalid timestamp",
        "kumo.time.with_ymd_hms(2000, 2, 30, 0, 0, 0)|kumo.time.with_ymd_hms: time cannot be represented due to a "
                + "gap in local time",
        "kumo.time.with_ymd_hms(2000, -1, 1, 0, 0, 0)|kumo.time.with_ymd_hms: bad argument #2 (month): error "
                + "converting Lua number to u32 (out of range)",
        "kumo.time.with_ymd_hms(2000)|kumo.time.with_ymd_hms: bad argument #2 (month): a number expected, got nil",
        "(kumo.time.parse_duration(1) - kumo.time.parse_duration(2)).human|TimeDelta.human: Source duration value is "
                + "out of range for the target type",
        "tostring(kumo.time.parse_duration(1) - kumo.time.parse_duration(2))|TimeDelta.__tostring: Source duration "
                + "value is out of range for the target type",
        "kumo.time.with_ymd_hms(10000, 1, 1, 0, 0, 0).rfc2822|Time.rfc2822: date cannot be represented by RFC 2822",
        "t:format '%#z'|Time:format: %#z is for parsing only",
        "t.format('%Y')|Time:format: a Time expected, got string",
        "t.weekday|a Time has no field weekday",
        "delta.minutes|a TimeDelta has no field minutes",
        "kumo.time.start_timer('x').stop|a Timer has no field stop",
        "t == delta|kumo.time: cannot compare a Time with a TimeDelta",
        "t + t|Time.__add: only a TimeDelta can be added to a Time, got Time",
        "delta + t|TimeDelta.__add: a TimeDelta expected, got Time",
        "t - 5|Time.__sub: could not represent argument as either Time or TimeDelta",
        "t + kumo.time.parse_duration(9e15)|Time.__add: time would overflow",
        "kumo.time.parse_duration(9e15) + kumo.time.parse_duration(9e15)|TimeDelta.__add: time would overflow",
        "kumo.time.sleep(-1)|kumo.time.sleep: cannot convert float seconds to Duration: value is negative",
        "kumo.time.start_timer()|kumo.time.start_timer: bad argument #1: a string expected, got nil",
    })
    void badInput_failsNamingTheFunction(String expression, String message) {
        final String thrown = failure(expression);

        assertTrue(thrown.startsWith("init.lua:6: " + message), thrown);
    }
}
