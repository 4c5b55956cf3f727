package dev.cutover.kumo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code kumo.time} (docs.kumomta.com reference/kumo.time: Time, TimeDelta, now, from_unix_timestamp, with_ymd_hms,
 * parse_rfc2822, parse_rfc3339, parse_duration, sleep and start_timer; {@code crates/mod-time/src/lib.rs}, which wraps
 * the Rust chrono 0.4.45 and humantime 2.3/2.4 crates). Policies use it to stamp, compare and format dates and to read
 * durations.
 *
 * <p>A Time is a userdata holding a UTC instant to the nanosecond, within chrono's years -262143 to 262142. Its fields
 * are {@code year}, {@code month}, {@code day}, {@code hour}, {@code minute}, {@code second}, {@code unix_timestamp},
 * {@code unix_timestamp_millis}, {@code rfc2822} ({@code Sun, 2 Jan 2000 03:04:05 +0000}), {@code rfc3339}
 * ({@code 2000-01-02T03:04:05+00:00}) and {@code elapsed}; {@code t:format(spec)} follows chrono's strftime, leniently:
 * a specifier chrono does not know, or one cut off by the end of the text, is written as it stands, and a padding
 * flag on a specifier that takes none ({@code %-F}) is written as it stands followed by the rest of what the specifier
 * stands for, as chrono does. {@code tostring} gives chrono's form, {@code 2000-01-02 03:04:05 UTC}, with 3, 6 or 9
 * digits of fraction when there is one. Times compare with {@code ==}; a TimeDelta added to or taken from a Time gives
 * a Time, and a Time taken from a Time gives a TimeDelta.
 *
 * <p>A TimeDelta is a signed span within chrono's ±(2^63 - 1) milliseconds. Its fields are {@code seconds} (with the
 * fraction), {@code nanoseconds} and {@code microseconds} (nil when the count overflows 64 bits), {@code milliseconds}
 * and {@code human}, humantime's text ({@code 1year 2months 3days 4h 5m 6s 7ms 8us 9ns}, a year 365.25 days, a month
 * 30.44 days), which {@code tostring} also gives; a negative span has no such text, and both fail for it as in kumod.
 * TimeDeltas add, subtract and compare with {@code ==}. Reading a field neither object has fails naming it.
 *
 * <p>{@code parse_duration} takes whole seconds, fractional seconds (rounded to the nanosecond as Rust's
 * {@code Duration::from_secs_f64} does, and refused when negative) or humantime text, whose grammar since 2.3 allows
 * decimals ({@code 1.5h}), a bare {@code 0} and the units {@code wk} and {@code yr}, and keeps nanoseconds; this is
 * read here rather than by {@link Durations}, which stops at microseconds and has the older grammar.
 * {@code parse_rfc3339} is chrono's reader ({@code T}, {@code t} or a space between date and time, {@code Z} or an
 * offset). {@code parse_rfc2822} is chrono's reader (day name optional, two- and three-digit years, the zones
 * {@code UT}, {@code GMT}, the North American ones and single military letters as -0000, comments after the zone),
 * then kumod's retry ({@code crates/mailparsing/src/datetime.rs}): with comments and folding whitespace taken out, a
 * last alphabetic word is read as the zone it names when the time zone database gives it one offset ({@code UTC},
 * {@code CET}, {@code JST}, ...) and as -0000 otherwise. Errors name the function and give chrono's or humantime's
 * reason, such as {@code kumo.time.parse_rfc3339: input contains invalid characters}.
 *
 * <p>In a replay the clock is the sandbox's ({@link SandboxClock}): {@code now()} is the harness clock, or the
 * message's reception while the reception hook runs, to the whole second; {@code now()}, {@code elapsed} and
 * {@code timer:done()} each count as a read of it, so the hook cache knows the hook depends on time. The clock stands
 * still, so {@code elapsed} and {@code done()} answer 0 unless it moved between the two readings, and {@code sleep}
 * returns at once without moving it. A timer records no {@code user_lua_latency} histogram; a second {@code done()}
 * answers nil, as in kumod, and its {@code __close} is reached only by calling it, since LuaJ cannot read Lua 5.4's
 * {@code <close>}. An RFC 3339 or 2822 leap second ({@code 23:59:60}) reads as the next second, which chrono would keep
 * as a 61st second. LuaJ's numbers are doubles, so counts past 2^53 nanoseconds lose their last digits, and a whole
 * number such as {@code 2.0} is read as the integer 2. What panics in kumod ({@code %#z}, which chrono can only parse;
 * the RFC 2822 text of a year outside 0 to 9999; a negative, endless or NaN number of seconds for
 * {@code parse_duration} or {@code sleep}) fails here with an error naming it.
 */
final class KumoTime {
    /** The earliest and latest instants chrono's {@code DateTime<Utc>} holds. */
    static final Instant EARLIEST = LocalDateTime.of(-262_143, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
    static final Instant LATEST = LocalDateTime.of(262_142, 12, 31, 23, 59, 59, 999_999_999).toInstant(ZoneOffset.UTC);
    /** The longest span chrono's {@code TimeDelta} holds, either way: 2^63 - 1 milliseconds. */
    static final Duration LONGEST = Duration.ofMillis(Long.MAX_VALUE);

    private static final String OUT_OF_RANGE = "Source duration value is out of range for the target type";
    private static final String OVERFLOW = "time would overflow";
    static final long BILLION = 1_000_000_000L;
    static final String[] SHORT_DAYS = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static final String[] LONG_DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday"};
    static final String[] SHORT_MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
        "Oct", "Nov", "Dec"};
    static final String[] LONG_MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    private final SandboxClock clock;
    private final LuaTable timeMeta = new LuaTable();
    private final LuaTable deltaMeta = new LuaTable();
    private final LuaTable timerMeta = new LuaTable();
    private final LuaValue format;
    private final LuaValue done;

    private KumoTime(SandboxClock clock) {
        this.clock = clock;
        final LuaValue eq = LuaFunctions.of("kumo.time.__eq", a -> LuaValue.valueOf(same(a.arg(1), a.arg(2))));
        format = LuaFunctions.of("Time:format", a -> LuaValue.valueOf(ChronoStrftime.format(moment(a.arg(1),
                "Time:format").at, text(a, 2, "Time:format"))));
        done = LuaFunctions.of("Timer:done", a -> timer(a.arg(1)).done());
        timeMeta.set(LuaValue.INDEX, LuaFunctions.of("Time.__index",
                a -> timeField(moment(a.arg(1), "Time.__index").at, a.arg(2).tojstring())));
        timeMeta.set(LuaValue.TOSTRING, LuaFunctions.of("Time.__tostring",
                a -> LuaValue.valueOf(display(moment(a.arg(1), "Time.__tostring").at))));
        timeMeta.set(LuaValue.EQ, eq);
        timeMeta.set(LuaValue.ADD, LuaFunctions.of("Time.__add", a -> timePlus(a.arg(1), a.arg(2))));
        timeMeta.set(LuaValue.SUB, LuaFunctions.of("Time.__sub", a -> timeMinus(a.arg(1), a.arg(2))));
        deltaMeta.set(LuaValue.INDEX, LuaFunctions.of("TimeDelta.__index",
                a -> deltaField(span(a.arg(1), "TimeDelta.__index").length, a.arg(2).tojstring())));
        deltaMeta.set(LuaValue.TOSTRING, LuaFunctions.of("TimeDelta.__tostring", a -> LuaValue.valueOf(
                human(span(a.arg(1), "TimeDelta.__tostring").length, "TimeDelta.__tostring"))));
        deltaMeta.set(LuaValue.EQ, eq);
        deltaMeta.set(LuaValue.ADD, LuaFunctions.of("TimeDelta.__add", a -> deltaSum(a.arg(1), a.arg(2), false)));
        deltaMeta.set(LuaValue.SUB, LuaFunctions.of("TimeDelta.__sub", a -> deltaSum(a.arg(1), a.arg(2), true)));
        timerMeta.set(LuaValue.INDEX, LuaFunctions.of("Timer.__index", a -> {
            if (a.arg(2).tojstring().equals("done")) {
                return done;
            }
            throw new LuaError("a Timer has no field " + a.arg(2).tojstring() + ": it has the method done");
        }));
        timerMeta.set("__close", done);
    }

    /** @return the {@code kumo.time} table, whose clock is {@code clock} */
    static LuaTable module(SandboxClock clock) {
        final KumoTime time = new KumoTime(clock);
        final LuaTable module = new LuaTable();
        module.set("now", LuaFunctions.of("kumo.time.now", a -> time.time(time.now())));
        module.set("from_unix_timestamp", LuaFunctions.of("kumo.time.from_unix_timestamp",
                a -> time.time(fromUnixTimestamp(a.arg1()))));
        module.set("with_ymd_hms", LuaFunctions.of("kumo.time.with_ymd_hms", a -> time.time(withYmdHms(a))));
        module.set("parse_rfc3339", LuaFunctions.of("kumo.time.parse_rfc3339", a -> time.time(parsed(
                "kumo.time.parse_rfc3339", text(a, 1, "kumo.time.parse_rfc3339"), false))));
        module.set("parse_rfc2822", LuaFunctions.of("kumo.time.parse_rfc2822", a -> time.time(parsed(
                "kumo.time.parse_rfc2822", text(a, 1, "kumo.time.parse_rfc2822"), true))));
        module.set("parse_duration", LuaFunctions.of("kumo.time.parse_duration",
                a -> time.delta(parseDuration(a.arg1()))));
        module.set("sleep", LuaFunctions.of("kumo.time.sleep", KumoTime::sleep));
        module.set("start_timer", LuaFunctions.of("kumo.time.start_timer", a -> {
            text(a, 1, "kumo.time.start_timer");
            return new LuaUserdata(time.new Timer(time.clock.epochSeconds()), time.timerMeta);
        }));
        return module;
    }

    /** @return the sandbox clock's instant, counted as a read */
    private Instant now() {
        return Instant.ofEpochSecond((long) clock.now().todouble());
    }

    private LuaValue time(Instant at) {
        return new Shown(new Moment(at), timeMeta);
    }

    private LuaValue delta(Duration length) {
        return new Shown(new Span(length), deltaMeta);
    }

    /** The instant of a Time; an object of its own, so two Times are two userdata, as in kumod. */
    private static final class Moment {
        private final Instant at;

        Moment(Instant at) {
            this.at = at;
        }

        Instant at() {
            return at;
        }
    }

    /** The length of a TimeDelta; likewise an object of its own. */
    private static final class Span {
        private final Duration length;

        Span(Duration length) {
            this.length = length;
        }

        Duration length() {
            return length;
        }
    }

    /** A userdata whose text, where LuaJ asks for it without {@code tostring} ({@code print}), is its tostring's. */
    private static final class Shown extends LuaUserdata {
        Shown(Object value, LuaTable meta) {
            super(value, meta);
        }

        @Override
        public String tojstring() {
            return m_metatable.get(LuaValue.TOSTRING).call(this).tojstring();
        }
    }

    /** A timer: the whole second it started at, by the sandbox clock, until {@code done} is called. */
    private final class Timer {
        private final long started;
        private boolean finished;

        Timer(long started) {
            this.started = started;
        }

        LuaValue done() {
            if (finished) {
                return LuaValue.NIL;
            }
            finished = true;
            return LuaValue.valueOf(Math.max(0.0, clock.now().todouble() - started));
        }
    }

    private static Moment moment(LuaValue value, String function) {
        if (value instanceof LuaUserdata data && data.m_instance instanceof Moment moment) {
            return moment;
        }
        throw new LuaError(function + ": a Time expected, got " + kind(value) + " (call methods with a colon)");
    }

    private static Span span(LuaValue value, String function) {
        if (value instanceof LuaUserdata data && data.m_instance instanceof Span span) {
            return span;
        }
        throw new LuaError(function + ": a TimeDelta expected, got " + kind(value));
    }

    private Timer timer(LuaValue value) {
        if (value instanceof LuaUserdata data && data.m_instance instanceof Timer timer) {
            return timer;
        }
        throw new LuaError("Timer:done: a Timer expected, got " + kind(value) + " (call it as timer:done())");
    }

    private static String kind(LuaValue value) {
        if (value instanceof LuaUserdata data) {
            return data.m_instance instanceof Moment ? "Time" : data.m_instance instanceof Span ? "TimeDelta"
                    : data.m_instance instanceof KumoTime.Timer ? "Timer" : "userdata";
        }
        return value.typename();
    }

    private static boolean same(LuaValue left, LuaValue right) {
        if (left instanceof LuaUserdata a && right instanceof LuaUserdata b) {
            if (a.m_instance instanceof Moment x && b.m_instance instanceof Moment y) {
                return x.at.equals(y.at);
            }
            if (a.m_instance instanceof Span x && b.m_instance instanceof Span y) {
                return x.length.equals(y.length);
            }
        }
        throw new LuaError("kumo.time: cannot compare a " + kind(left) + " with a " + kind(right));
    }

    private LuaValue timeField(Instant at, String name) {
        final LocalDateTime t = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        return switch (name) {
            case "year" -> LuaValue.valueOf(t.getYear());
            case "month" -> LuaValue.valueOf(t.getMonthValue());
            case "day" -> LuaValue.valueOf(t.getDayOfMonth());
            case "hour" -> LuaValue.valueOf(t.getHour());
            case "minute" -> LuaValue.valueOf(t.getMinute());
            case "second" -> LuaValue.valueOf(t.getSecond());
            case "unix_timestamp" -> number(at.getEpochSecond());
            case "unix_timestamp_millis" -> number(at.toEpochMilli());
            case "rfc2822" -> LuaValue.valueOf(rfc2822(t));
            case "rfc3339" -> LuaValue.valueOf(rfc3339(t));
            case "elapsed" -> delta(Duration.between(at, now()));
            case "format" -> format;
            default -> throw new LuaError("a Time has no field " + name + ": it has year, month, day, hour, minute, "
                    + "second, unix_timestamp, unix_timestamp_millis, rfc2822, rfc3339, elapsed and the method "
                    + "format");
        };
    }

    private static LuaValue deltaField(Duration length, String name) {
        return switch (name) {
            case "seconds" -> LuaValue.valueOf(length.getSeconds() + length.getNano() / (double) BILLION);
            case "nanoseconds" -> count(length, BILLION, 1);
            case "microseconds" -> count(length, 1_000_000L, 1000);
            case "milliseconds" -> count(length, 1000L, 1_000_000);
            case "human" -> LuaValue.valueOf(human(length, "TimeDelta.human"));
            default -> throw new LuaError("a TimeDelta has no field " + name + ": it has seconds, nanoseconds, "
                    + "microseconds, milliseconds and human");
        };
    }

    /** @return the span in whole units (chrono's {@code num_*}), truncated toward zero; nil past 64 bits */
    private static LuaValue count(Duration length, long perSecond, int nanosPerUnit) {
        final boolean borrow = length.getSeconds() < 0 && length.getNano() > 0;
        final long seconds = borrow ? length.getSeconds() + 1 : length.getSeconds();
        final long part = (borrow ? length.getNano() - BILLION : length.getNano()) / nanosPerUnit;
        try {
            return number(Math.addExact(Math.multiplyExact(seconds, perSecond), part));
        } catch (ArithmeticException e) {
            return LuaValue.NIL;
        }
    }

    private static LuaValue number(long value) {
        return LuaValue.valueOf((double) value);
    }

    private LuaValue timePlus(LuaValue left, LuaValue right) {
        final Instant at = moment(left, "Time.__add").at;
        if (!(right instanceof LuaUserdata data && data.m_instance instanceof Span span)) {
            throw new LuaError("Time.__add: only a TimeDelta can be added to a Time, got " + kind(right));
        }
        return time(shifted(at, span.length, "Time.__add"));
    }

    private LuaValue timeMinus(LuaValue left, LuaValue right) {
        final Instant at = moment(left, "Time.__sub").at;
        if (right instanceof LuaUserdata data && data.m_instance instanceof Moment other) {
            return delta(Duration.between(other.at, at));
        }
        if (right instanceof LuaUserdata data && data.m_instance instanceof Span span) {
            return time(shifted(at, span.length.negated(), "Time.__sub"));
        }
        throw new LuaError("Time.__sub: could not represent argument as either Time or TimeDelta: got " + kind(right));
    }

    private static Instant shifted(Instant at, Duration by, String function) {
        try {
            final Instant moved = at.plus(by);
            if (!moved.isBefore(EARLIEST) && !moved.isAfter(LATEST)) {
                return moved;
            }
        } catch (DateTimeException | ArithmeticException e) {
            // past what Java holds: past chrono's range too
        }
        throw new LuaError(function + ": " + OVERFLOW);
    }

    private LuaValue deltaSum(LuaValue left, LuaValue right, boolean minus) {
        final String function = minus ? "TimeDelta.__sub" : "TimeDelta.__add";
        final Duration a = span(left, function).length;
        final Duration b = span(right, function).length;
        final Duration sum = minus ? a.minus(b) : a.plus(b);
        if (sum.compareTo(LONGEST) > 0 || sum.compareTo(LONGEST.negated()) < 0) {
            throw new LuaError(function + ": " + OVERFLOW);
        }
        return delta(sum);
    }

    /** @return chrono's text for a UTC instant: {@code 2000-01-02 03:04:05 UTC}, a fraction in 3, 6 or 9 digits */
    static String display(Instant at) {
        final LocalDateTime t = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        return date(t) + " " + clockTime(t) + " UTC";
    }

    static String rfc3339(LocalDateTime t) {
        return date(t) + "T" + clockTime(t) + "+00:00";
    }

    static String rfc2822(LocalDateTime t) {
        if (t.getYear() < 0 || t.getYear() > 9999) {
            throw new LuaError("Time.rfc2822: date cannot be represented by RFC 2822: the year " + t.getYear()
                    + " is outside 0 to 9999 (kumod panics on it)");
        }
        return SHORT_DAYS[t.getDayOfWeek().getValue() % 7] + ", " + t.getDayOfMonth() + " "
                + SHORT_MONTHS[t.getMonthValue() - 1] + " " + String.format(Locale.ROOT, "%04d %02d:%02d:%02d +0000",
                t.getYear(), t.getHour(), t.getMinute(), t.getSecond());
    }

    private static String date(LocalDateTime t) {
        final int year = t.getYear();
        return String.format(Locale.ROOT, year >= 0 && year <= 9999 ? "%04d-%02d-%02d" : "%+05d-%02d-%02d", year,
                t.getMonthValue(), t.getDayOfMonth());
    }

    private static String clockTime(LocalDateTime t) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond())
                + fraction(t.getNano());
    }

    /** @return chrono's automatic fraction: none, or a dot and 3, 6 or 9 digits, as few as show it whole */
    static String fraction(int nanos) {
        if (nanos == 0) {
            return "";
        }
        if (nanos % 1_000_000 == 0) {
            return String.format(Locale.ROOT, ".%03d", nanos / 1_000_000);
        }
        return nanos % 1000 == 0 ? String.format(Locale.ROOT, ".%06d", nanos / 1000)
                : String.format(Locale.ROOT, ".%09d", nanos);
    }

    /** @return humantime's text for a span that is not negative; a negative one fails, as chrono's to_std does */
    static String human(Duration length, String function) {
        if (length.isNegative()) {
            throw new LuaError(function + ": " + OUT_OF_RANGE + " (a negative TimeDelta has no humantime form)");
        }
        final long seconds = length.getSeconds();
        final int nanos = length.getNano();
        if (seconds == 0 && nanos == 0) {
            return "0s";
        }
        final long withinYear = seconds % 31_557_600;
        final long withinMonth = withinYear % 2_630_016;
        final long withinDay = withinMonth % 86_400;
        final List<String> items = new ArrayList<>();
        item(items, seconds / 31_557_600, "year", true);
        item(items, withinYear / 2_630_016, "month", true);
        item(items, withinMonth / 86_400, "day", true);
        item(items, withinDay / 3600, "h", false);
        item(items, withinDay % 3600 / 60, "m", false);
        item(items, withinDay % 60, "s", false);
        item(items, nanos / 1_000_000, "ms", false);
        item(items, nanos / 1000 % 1000, "us", false);
        item(items, nanos % 1000, "ns", false);
        return String.join(" ", items);
    }

    private static void item(List<String> items, long count, String unit, boolean plural) {
        if (count > 0) {
            items.add(count + unit + (plural && count > 1 ? "s" : ""));
        }
    }

    private static String text(Varargs args, int position, String function) {
        final LuaValue value = args.arg(position);
        if (!value.isstring()) {
            throw new LuaError(function + ": bad argument #" + position + ": a string expected, got "
                    + kind(value));
        }
        return value.tojstring();
    }

    /** @return the instant of {@code from_unix_timestamp}: seconds truncated, a fraction to whole nanoseconds */
    static Instant fromUnixTimestamp(LuaValue value) {
        if (value.type() != LuaValue.TNUMBER) {
            throw new LuaError("kumo.time.from_unix_timestamp: timestamp must be either an integer or floating "
                    + "point number of seconds");
        }
        final double seconds = value.todouble();
        // Rust's casts, which Java's share: toward zero, saturating, NaN as 0; a negative fraction gives 0 nanos
        final double nanos = seconds % 1.0 * BILLION;
        try {
            final Instant at = Instant.ofEpochSecond((long) seconds, nanos > 0 ? (long) nanos : 0);
            if (!at.isBefore(EARLIEST) && !at.isAfter(LATEST)) {
                return at;
            }
        } catch (DateTimeException | ArithmeticException e) {
            // out of range: as below
        }
        throw new LuaError("kumo.time.from_unix_timestamp: invalid timestamp");
    }

    private static Instant withYmdHms(Varargs args) {
        final String function = "kumo.time.with_ymd_hms";
        final long year = integer(args, 1, "year", Integer.MIN_VALUE, Integer.MAX_VALUE, "i32");
        final long[] rest = new long[5];
        final String[] names = {"month", "day", "hour", "minute", "second"};
        for (int i = 0; i < rest.length; i++) {
            rest[i] = integer(args, i + 2, names[i], 0, 0xFFFF_FFFFL, "u32");
        }
        try {
            if (year >= -262_143 && year <= 262_142 && rest[2] < 24 && rest[3] < 60 && rest[4] < 60) {
                return LocalDateTime.of((int) year, (int) rest[0], (int) rest[1], (int) rest[2], (int) rest[3],
                        (int) rest[4]).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeException e) {
            // no such date: as below
        }
        throw new LuaError(function + ": time cannot be represented due to a gap in local time (there is no UTC time "
                + year + "-" + rest[0] + "-" + rest[1] + " " + rest[2] + ":" + rest[3] + ":" + rest[4] + ")");
    }

    /** @return an integer argument as mlua converts one: a number or numeric string, truncated, within range */
    private static long integer(Varargs args, int position, String name, long min, long max, String type) {
        final LuaValue value = args.arg(position).tonumber();
        if (value.isnil()) {
            throw new LuaError("kumo.time.with_ymd_hms: bad argument #" + position + " (" + name + "): a number "
                    + "expected, got " + kind(args.arg(position)));
        }
        final double number = value.todouble();
        if (!(number > min - 1.0 && number < max + 1.0)) {
            throw new LuaError("kumo.time.with_ymd_hms: bad argument #" + position + " (" + name + "): error "
                    + "converting Lua number to " + type + " (out of range)");
        }
        return (long) number;
    }

    private static Varargs sleep(Varargs args) {
        final LuaValue value = args.arg1().tonumber();
        if (value.isnil()) {
            throw new LuaError("kumo.time.sleep: bad argument #1: a number of seconds expected, got "
                    + kind(args.arg1()));
        }
        floatSeconds(value.todouble(), "kumo.time.sleep");
        return LuaValue.NONE;
    }

    private static Instant parsed(String function, String text, boolean rfc2822) {
        try {
            return rfc2822 ? ChronoParse.kumodRfc2822(text)
                    : ChronoParse.rfc3339(text.getBytes(StandardCharsets.UTF_8));
        } catch (Unparsable e) {
            throw new LuaError(function + ": " + e.getMessage());
        }
    }

    /** @return the span {@code parse_duration} reads from whole seconds, fractional seconds or humantime text */
    static Duration parseDuration(LuaValue value) {
        final String function = "kumo.time.parse_duration";
        if (value.type() == LuaValue.TNUMBER) {
            final double seconds = value.todouble();
            if (seconds == Math.rint(seconds) && Math.abs(seconds) < 0x1p63) {
                final long whole = (long) seconds;
                if (Math.abs(whole) > LONGEST.getSeconds()) {
                    throw new LuaError(function + ": seconds out of range");
                }
                return Duration.ofSeconds(whole);
            }
            final BigInteger[] split = floatSeconds(seconds, function);
            return standard(function, split[0], split[1].longValue());
        }
        if (value.type() == LuaValue.TSTRING) {
            try {
                final long[] parsed = Humantime.parse(value.tojstring());
                return standard(function, new BigInteger(Long.toUnsignedString(parsed[0])), parsed[1]);
            } catch (Unparsable e) {
                throw new LuaError(function + ": " + e.getMessage());
            }
        }
        throw new LuaError(function + ": invalid duration value");
    }

    /** @return {seconds, nanoseconds} as Rust's {@code Duration::from_secs_f64} makes them, rounding to nearest */
    private static BigInteger[] floatSeconds(double seconds, String function) {
        final String refused = function + ": cannot convert float seconds to Duration: ";
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw new LuaError(refused + "value is either too big or NaN");
        }
        if (seconds < 0) {
            throw new LuaError(refused + "value is negative");
        }
        final BigInteger nanos = new BigDecimal(seconds).movePointRight(9).setScale(0, RoundingMode.HALF_EVEN)
                .toBigIntegerExact();
        final BigInteger[] split = nanos.divideAndRemainder(BigInteger.valueOf(BILLION));
        if (split[0].bitLength() > 64) {
            throw new LuaError(refused + "value is either too big or NaN");
        }
        return split;
    }

    /** @return a std Duration made a chrono TimeDelta, which fails past {@link #LONGEST} */
    private static Duration standard(String function, BigInteger seconds, long nanos) {
        if (seconds.compareTo(BigInteger.valueOf(LONGEST.getSeconds())) > 0
                || seconds.longValue() == LONGEST.getSeconds() && nanos > LONGEST.getNano()) {
            throw new LuaError(function + ": " + OUT_OF_RANGE);
        }
        return Duration.ofSeconds(seconds.longValue(), nanos);
    }

    /** Why a text is not a date or duration, in the words of chrono or humantime. */
    static final class Unparsable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unparsable(String message) {
            super(message, null, false, false);
        }
    }

    /** Why a format cannot be written, where chrono's formatter gives up. */
    static final class Unformattable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unformattable(String message) {
            super(message, null, false, false);
        }
    }
}
