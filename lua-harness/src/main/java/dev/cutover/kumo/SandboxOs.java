package dev.cutover.kumo;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The {@code os} table a policy sees: {@code time}, {@code clock}, {@code date}, {@code difftime} and a
 * {@code getenv} that answers only what the scenario gives ({@code [kumomta.env]}) and nil for any other name, on a
 * clock that stands still, because a policy evaluated by a simulator must give the same answers on every replay and
 * on every machine: the environment cutover itself runs in is never read.
 *
 * <p>With the clock at 1700000000 ({@link HarnessOptions#withClock}): {@code os.time()} is 1700000000,
 * {@code os.date('%Y-%m-%d')} is "2023-11-14", and {@code os.clock()}, the processor time the policy has used,
 * is always 0. The sandbox's local time zone is UTC: {@code os.date} formats in UTC whether or not the format
 * starts with {@code !} ({@code '*t'} included, whose table LuaJ would build in the machine's zone), and
 * {@code os.time{year=..., month=..., day=...}} reads the table as UTC (hour 12 when absent, out-of-range
 * fields carried over as in C's {@code mktime}). The other {@code os.date} formats and {@code os.difftime} are
 * LuaJ's.
 */
final class SandboxOs {

    private SandboxOs() {
    }

    /**
     * @param full              LuaJ's {@code os} table, for {@code date} and {@code difftime}
     * @param clock the instant the clock stands at
     * @param env   what {@code os.getenv} answers, name to value
     * @return the reduced {@code os} table
     */
    static LuaTable create(LuaValue full, SandboxClock clock, Map<String, String> env) {
        final LuaValue date = full.get("date");
        final LuaTable os = new LuaTable();
        os.set("time", LuaFunctions.of("time", a -> a.isnoneornil(1) ? clock.now() : utcSeconds(a.checktable(1))));
        os.set("clock", LuaFunctions.of("clock", a -> LuaValue.valueOf(0.0)));
        os.set("date", LuaFunctions.of("date", a -> utcDate(date, a.optjstring(1, "%c"),
                a.isnoneornil(2) ? clock.now() : a.arg(2))));
        os.set("difftime", full.get("difftime"));
        os.set("getenv", LuaFunctions.of("getenv", a -> {
            final String value = env.get(a.checkjstring(1));
            return value == null ? LuaValue.NIL : LuaValue.valueOf(value);
        }));
        for (String name : new String[] {"execute", "exit", "remove", "rename", "tmpname", "setlocale"}) {
            os.set(name, LuaFunctions.of("os." + name, a -> {
                throw new LuaError("os." + name + " is not available in cutover's sandbox: a replay runs no "
                        + "commands and changes no files");
            }));
        }
        return os;
    }

    private static Varargs utcDate(LuaValue luajDate, String format, LuaValue time) {
        final String utc = format.startsWith("!") ? format.substring(1) : format;
        return utc.equals("*t") ? dateTable((long) time.checkdouble())
                : luajDate.invoke(LuaValue.valueOf("!" + utc), time);
    }

    /** @return the fields of {@code os.date('*t')} for an instant, read in UTC. */
    private static LuaTable dateTable(long epochSeconds) {
        final LocalDateTime time;
        try {
            time = LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new LuaError("time out-of-bounds");
        }
        final LuaTable fields = new LuaTable();
        fields.set("year", time.getYear());
        fields.set("month", time.getMonthValue());
        fields.set("day", time.getDayOfMonth());
        fields.set("hour", time.getHour());
        fields.set("min", time.getMinute());
        fields.set("sec", time.getSecond());
        fields.set("wday", time.getDayOfWeek().getValue() % 7 + 1);
        fields.set("yday", time.getDayOfYear());
        fields.set("isdst", LuaValue.FALSE);
        return fields;
    }

    private static LuaValue utcSeconds(LuaTable fields) {
        try {
            final LocalDateTime yearStart = LocalDateTime.of(field(fields, "year", -1), 1, 1, 0, 0);
            final LocalDateTime time = yearStart.plusMonths(field(fields, "month", -1) - 1L)
                    .plusDays(field(fields, "day", -1) - 1L).plusHours(field(fields, "hour", 12))
                    .plusMinutes(field(fields, "min", 0)).plusSeconds(field(fields, "sec", 0));
            return LuaValue.valueOf((double) time.toEpochSecond(ZoneOffset.UTC));
        } catch (DateTimeException | ArithmeticException e) {
            throw new LuaError("time result cannot be represented in this installation");
        }
    }

    private static int field(LuaTable fields, String key, int absent) {
        final LuaValue value = fields.get(key);
        if (!value.isnil()) {
            return value.checkint();
        }
        if (absent < 0) {
            throw new LuaError("field '" + key + "' missing in date table");
        }
        return absent;
    }
}
