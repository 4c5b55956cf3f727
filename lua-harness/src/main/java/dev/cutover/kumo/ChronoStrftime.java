package dev.cutover.kumo;

import static dev.cutover.kumo.KumoTime.Unformattable;
import static dev.cutover.kumo.KumoTime.SHORT_DAYS;
import static dev.cutover.kumo.KumoTime.LONG_DAYS;
import static dev.cutover.kumo.KumoTime.SHORT_MONTHS;
import static dev.cutover.kumo.KumoTime.LONG_MONTHS;
import static dev.cutover.kumo.KumoTime.rfc3339;
import static dev.cutover.kumo.KumoTime.fraction;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Map;
import org.luaj.vm2.LuaError;

/** chrono's strftime for a UTC time, as {@code StrftimeItems::new_lenient} reads the format. */
final class ChronoStrftime {
    private static final char NONE = '-';
    private static final char ZERO = '0';
    private static final char SPACE = '_';
    private static final String NUMERIC = "YCyGgqmdeHkIlMSfjUWVwus";
    private static final Map<Character, String> COMPOSITE = Map.of('D', "%m/%d/%y", 'F', "%Y-%m-%d",
            'R', "%H:%M", 'T', "%H:%M:%S", 'X', "%H:%M:%S", 'x', "%m/%d/%y", 'c', "%a %b %e %H:%M:%S %Y",
            'r', "%I:%M:%S %p", 'v', "%e-%b-%Y");

    private ChronoStrftime() {
    }

    /** @return {@code at} written as {@code spec} says */
    static String format(Instant at, String spec) {
        final StringBuilder out = new StringBuilder();
        try {
            write(out, LocalDateTime.ofInstant(at, ZoneOffset.UTC), at.getEpochSecond(), spec);
        } catch (Unformattable e) {
            throw new LuaError("Time:format: " + e.getMessage());
        }
        return out.toString();
    }

    private static void write(StringBuilder out, LocalDateTime t, long epoch, String spec) {
        int i = 0;
        while (i < spec.length()) {
            if (spec.charAt(i) == '%') {
                i = specifier(out, t, epoch, spec, i);
            } else {
                out.append(spec.charAt(i++));
            }
        }
    }

    /**
     * Writes the specifier at {@code start}, a {@code %}.
     *
     * @return where the format goes on after it
     */
    private static int specifier(StringBuilder out, LocalDateTime t, long epoch, String spec, int start) {
        int i = start + 1;
        if (i >= spec.length()) {
            return literal(out, spec, start, i);
        }
        char c = spec.charAt(i++);
        char pad = 0;
        if (c == '-' || c == '0' || c == '_') {
            pad = c == '-' ? NONE : c == '0' ? ZERO : SPACE;
            if (i >= spec.length()) {
                return literal(out, spec, start, i);
            }
            c = spec.charAt(i++);
        } else if (c == '#') {
            if (i < spec.length() && spec.charAt(i) == 'z') {
                throw new Unformattable("%#z is for parsing only: chrono cannot write it (kumod panics on it)");
            }
            return literal(out, spec, start, Math.min(i + 1, spec.length()));
        }
        final String composite = COMPOSITE.get(c);
        if (composite != null) {
            if (pad != 0) {
                out.append(spec, start, i);
                write(out, t, epoch, composite.substring(2));
            } else {
                write(out, t, epoch, composite);
            }
            return i;
        }
        if (NUMERIC.indexOf(c) >= 0) {
            numeric(out, c, pad == 0 ? defaultPad(c) : pad, t, epoch);
            return i;
        }
        final String fixed;
        int end = i;
        switch (c) {
            case 'A' -> fixed = LONG_DAYS[t.getDayOfWeek().getValue() % 7];
            case 'a' -> fixed = SHORT_DAYS[t.getDayOfWeek().getValue() % 7];
            case 'B' -> fixed = LONG_MONTHS[t.getMonthValue() - 1];
            case 'b', 'h' -> fixed = SHORT_MONTHS[t.getMonthValue() - 1];
            case 'p' -> fixed = t.getHour() < 12 ? "AM" : "PM";
            case 'P' -> fixed = t.getHour() < 12 ? "am" : "pm";
            case 'Z' -> fixed = "UTC";
            case 'z' -> fixed = "+0000";
            case '+' -> fixed = rfc3339(t);
            case '%' -> fixed = "%";
            case 'n' -> fixed = "\n";
            case 't' -> fixed = "\t";
            case ':' -> {
                if (spec.startsWith("::z", i)) {
                    end = i + 3;
                    fixed = "+00";
                } else if (spec.startsWith(":z", i)) {
                    end = i + 2;
                    fixed = "+00:00:00";
                } else if (spec.startsWith("z", i)) {
                    end = i + 1;
                    fixed = "+00:00";
                } else {
                    return literal(out, spec, start, i);
                }
            }
            case '.' -> {
                end = Math.min(i + (i < spec.length() && "369".indexOf(spec.charAt(i)) >= 0 ? 2 : 1),
                        spec.length());
                final String digits = spec.substring(i, end);
                if (digits.equals("f")) {
                    fixed = fraction(t.getNano());
                } else if (digits.length() == 2 && digits.charAt(1) == 'f') {
                    fixed = "." + fixedFraction(t.getNano(), digits.charAt(0) - '0');
                } else {
                    return literal(out, spec, start, end);
                }
            }
            case '3', '6', '9' -> {
                end = Math.min(i + 1, spec.length());
                if (end == i || spec.charAt(i) != 'f') {
                    return literal(out, spec, start, end);
                }
                fixed = fixedFraction(t.getNano(), c - '0');
            }
            default -> {
                return literal(out, spec, start, i);
            }
        }
        if (pad != 0) {
            return literal(out, spec, start, end);
        }
        out.append(fixed);
        return end;
    }

    /**
     * Writes what was read of a specifier chrono does not know, as it stands.
     *
     * @return where it ended
     */
    private static int literal(StringBuilder out, String spec, int start, int end) {
        out.append(spec, start, end);
        return end;
    }

    private static String fixedFraction(int nanos, int digits) {
        return String.format(Locale.ROOT, "%09d", nanos).substring(0, digits);
    }

    private static char defaultPad(char c) {
        return "ekl".indexOf(c) >= 0 ? SPACE : "qwus".indexOf(c) >= 0 ? NONE : ZERO;
    }

    private static void numeric(StringBuilder out, char c, char pad, LocalDateTime t, long epoch) {
        final int year = t.getYear();
        final int isoYear = t.get(IsoFields.WEEK_BASED_YEAR);
        final int fromSunday = t.getDayOfWeek().getValue() % 7;
        final int fromMonday = t.getDayOfWeek().getValue() - 1;
        switch (c) {
            case 'Y' -> year(out, year, pad);
            case 'G' -> year(out, isoYear, pad);
            case 'C' -> two(out, Math.floorDiv(year, 100), pad);
            case 'y' -> two(out, Math.floorMod(year, 100), pad);
            case 'g' -> two(out, Math.floorMod(isoYear, 100), pad);
            case 'q' -> out.append((t.getMonthValue() - 1) / 3 + 1);
            case 'm' -> two(out, t.getMonthValue(), pad);
            case 'd', 'e' -> two(out, t.getDayOfMonth(), pad);
            case 'H', 'k' -> two(out, t.getHour(), pad);
            case 'I', 'l' -> two(out, t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, pad);
            case 'M' -> two(out, t.getMinute(), pad);
            case 'S' -> two(out, t.getSecond(), pad);
            case 'U' -> two(out, (t.getDayOfYear() - fromSunday + 6) / 7, pad);
            case 'W' -> two(out, (t.getDayOfYear() - fromMonday + 6) / 7, pad);
            case 'V' -> two(out, t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), pad);
            case 'w' -> out.append(fromSunday);
            case 'u' -> out.append(fromMonday + 1);
            case 'j' -> wide(out, 3, t.getDayOfYear(), pad, false);
            case 'f' -> wide(out, 9, t.getNano(), pad, false);
            default -> wide(out, 9, epoch, pad, false);
        }
    }

    /** Two digits as chrono writes them: its value taken as an unsigned byte, the tens padded as asked. */
    private static void two(StringBuilder out, int value, char pad) {
        final int v = value & 0xFF;
        if (v >= 10) {
            out.append((char) ('0' + v / 10));
        } else if (pad == SPACE) {
            out.append(' ');
        } else if (pad == ZERO) {
            out.append('0');
        }
        out.append((char) ('0' + v % 10));
    }

    private static void year(StringBuilder out, int year, char pad) {
        if (year >= 1000 && year <= 9999) {
            out.append(year);
        } else {
            wide(out, 4, year, pad, year < 0 || year >= 10_000);
        }
    }

    /** A number padded to {@code width} as asked, with a sign always when {@code signed}, as chrono's write_n. */
    private static void wide(StringBuilder out, int width, long value, char pad, boolean signed) {
        final String sign = signed ? "+" : "";
        final String layout = switch (pad) {
            case NONE -> "%" + sign + "d";
            case ZERO -> "%" + sign + "0" + (width + sign.length()) + "d";
            default -> "%" + sign + (width + sign.length()) + "d";
        };
        out.append(String.format(Locale.ROOT, layout, value));
    }
}
