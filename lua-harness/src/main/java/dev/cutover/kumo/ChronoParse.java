package dev.cutover.kumo;

import static dev.cutover.kumo.KumoTime.Unparsable;
import static dev.cutover.kumo.KumoTime.BILLION;
import static dev.cutover.kumo.KumoTime.SHORT_DAYS;
import static dev.cutover.kumo.KumoTime.SHORT_MONTHS;
import static dev.cutover.kumo.KumoTime.LATEST;
import static dev.cutover.kumo.KumoTime.EARLIEST;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** chrono's RFC 3339 and RFC 2822 readers, on the text's UTF-8 bytes as chrono reads them. */
final class ChronoParse {
    private static final String INVALID = "input contains invalid characters";
    private static final String TOO_SHORT = "premature end of input";
    private static final String TOO_LONG = "trailing input";
    private static final String RANGE = "input is out of range";
    private static final String IMPOSSIBLE = "no possible date and time matching input";
    /**
     * The zone words kumod's RFC 2822 retry reads, to their offsets: those the IANA time zone database gives a
     * single offset (the list of {@code crates/mailparsing/src/zone_offsets.rs}); any other word is -0000.
     */
    private static final Map<String, String> ZONES = zones("-1100 SST; -1000 HST; -0900 AKST HDT; -0800 AKDT; "
            + "-0700 MST PDT; -0600 MDT; -0500 EST; -0400 EDT AST; -0330 NST; -0300 ADT; -0230 NDT; "
            + "+0000 UTC GMT WET; +0100 WAT BST CET WEST; +0200 EET CAT CEST SAST; +0300 MSK IDT EEST EAT; "
            + "+0500 PKT; +0700 WIB; +0800 AWST HKT WITA; +0900 KST JST WIT; +0930 ACST; +1000 AEST CHST; "
            + "+1030 ACDT; +1100 AEDT; +1200 NZST; +1300 NZDT");

    private ChronoParse() {
    }

    private static Map<String, String> zones(String table) {
        final Map<String, String> zones = new HashMap<>();
        for (String group : table.split("; ")) {
            final String[] words = group.split(" ");
            for (int i = 1; i < words.length; i++) {
                zones.put(words[i], words[0]);
            }
        }
        return Map.copyOf(zones);
    }

    /** @return the zone words of kumod's retry and their offsets, for tests */
    static Map<String, String> zones() {
        return ZONES;
    }

    /** @return the instant of an RFC 3339 date and time, as {@code DateTime::parse_from_rfc3339} reads it */
    static Instant rfc3339(byte[] s) {
        if (s.length < 19) {
            throw new Unparsable(TOO_SHORT);
        }
        final int year = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
        expect(s, 4, '-');
        final int month = digit(s, 5) * 10 + digit(s, 6);
        expect(s, 7, '-');
        final int day = digit(s, 8) * 10 + digit(s, 9);
        final LocalDate date = date(year, month, day);
        if (date == null) {
            throw new Unparsable(RANGE);
        }
        if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') {
            throw new Unparsable(INVALID);
        }
        final int hour = digit(s, 11) * 10 + digit(s, 12);
        expect(s, 13, ':');
        final int minute = digit(s, 14) * 10 + digit(s, 15);
        expect(s, 16, ':');
        int second = digit(s, 17) * 10 + digit(s, 18);
        long nanos = 0;
        if (second == 60) {
            second = 59;
            nanos = BILLION;
        }
        int at = 19;
        if (s.length > 19 && s[19] == '.') {
            final long[] fraction = number(s, 20, 1, 9);
            nanos += fraction[1] * (long) Math.pow(10, 9 - (fraction[0] - 20));
            at = (int) fraction[0];
            while (at < s.length && isDigit(s[at])) {
                at++;
            }
        }
        if (hour >= 24 || minute >= 60 || second >= 60 || nanos >= BILLION && second != 59) {
            throw new Unparsable(RANGE);
        }
        final long[] offset = offset(s, at, true, true);
        if (offset[0] != s.length) {
            throw new Unparsable(TOO_LONG);
        }
        if (Math.abs(offset[1]) >= 86_400) {
            throw new Unparsable(RANGE);
        }
        return instant(date, hour, minute, second, nanos, offset[1]);
    }

    /** @return the instant of an RFC 2822 date, as chrono reads it, else as kumod's retry with the zone named */
    static Instant kumodRfc2822(String text) {
        try {
            return rfc2822(text.getBytes(StandardCharsets.UTF_8));
        } catch (Unparsable original) {
            final String cleaned = withoutComments(text);
            final int space = cleaned == null ? -1 : cleaned.lastIndexOf(' ');
            if (space < 0 || !cleaned.substring(space + 1).matches("[A-Za-z]+")) {
                throw original;
            }
            final String zone = cleaned.substring(space + 1).toUpperCase(Locale.ROOT);
            try {
                return rfc2822((cleaned.substring(0, space + 1) + ZONES.getOrDefault(zone, "-0000"))
                        .getBytes(StandardCharsets.UTF_8));
            } catch (Unparsable retried) {
                throw original;
            }
        }
    }

    /** @return the instant of an RFC 2822 date, as {@code DateTime::parse_from_rfc2822} reads it */
    static Instant rfc2822(byte[] s) {
        int at = skipSpace(s, 0);
        int weekday = -1;
        if (s.length - at >= 3 && name(s, at, SHORT_DAYS) >= 0) {
            weekday = name(s, at, SHORT_DAYS);
            at += 3;
            if (at >= s.length || s[at] != ',') {
                throw new Unparsable(INVALID);
            }
            at++;
        }
        at = skipSpace(s, at);
        final long[] day = number(s, at, 1, 2);
        if (day[1] < 1 || day[1] > 31) {
            throw new Unparsable(RANGE);
        }
        at = space(s, (int) day[0]);
        if (s.length - at < 3) {
            throw new Unparsable(TOO_SHORT);
        }
        final int month = name(s, at, SHORT_MONTHS) + 1;
        if (month == 0) {
            throw new Unparsable(INVALID);
        }
        at = space(s, at + 3);
        final long[] year = number(s, at, 2, Integer.MAX_VALUE);
        final long digits = year[0] - at;
        final long fullYear = year[1] + (digits == 2 ? year[1] < 50 ? 2000 : 1900 : digits == 3 ? 1900 : 0);
        if (fullYear > Integer.MAX_VALUE) {
            throw new Unparsable(RANGE);
        }
        at = space(s, (int) year[0]);
        final long[] hour = number(s, at, 2, 2);
        if (hour[1] > 23) {
            throw new Unparsable(RANGE);
        }
        at = skipSpace(s, (int) hour[0]);
        if (at >= s.length) {
            throw new Unparsable(TOO_SHORT);
        }
        expect(s, at, ':');
        final long[] minute = number(s, skipSpace(s, at + 1), 2, 2);
        if (minute[1] > 59) {
            throw new Unparsable(RANGE);
        }
        at = (int) minute[0];
        long second = 0;
        final int colon = skipSpace(s, at);
        if (colon < s.length && s[colon] == ':') {
            final long[] read = number(s, colon + 1, 2, 2);
            if (read[1] > 60) {
                throw new Unparsable(RANGE);
            }
            second = read[1];
            at = (int) read[0];
        }
        at = space(s, at);
        final long[] offset = zone2822(s, at);
        at = (int) offset[0];
        for (int after = comment(s, at); after >= 0; after = comment(s, at)) {
            at = after;
        }
        if (at != s.length) {
            throw new Unparsable(TOO_LONG);
        }
        final LocalDate date = date((int) fullYear, month, (int) day[1]);
        if (date == null) {
            throw new Unparsable(RANGE);
        }
        if (weekday >= 0 && date.getDayOfWeek().getValue() % 7 != weekday) {
            throw new Unparsable(IMPOSSIBLE);
        }
        if (Math.abs(offset[1]) >= 86_400) {
            throw new Unparsable(RANGE);
        }
        final long nanos = second == 60 ? BILLION : 0;
        return instant(date, (int) hour[1], (int) minute[1], (int) Math.min(second, 59), nanos, offset[1]);
    }

    private static Instant instant(LocalDate date, int hour, int minute, int second, long nanos, long offset) {
        final long seconds = date.atTime(hour, minute, second).toEpochSecond(ZoneOffset.UTC) - offset;
        final Instant at = Instant.ofEpochSecond(seconds, nanos);
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw new Unparsable(IMPOSSIBLE);
        }
        return at;
    }

    /** @return the date, or null when chrono's calendar has no such day */
    private static LocalDate date(int year, int month, int day) {
        if (year < -262_143 || year > 262_142) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digit(byte[] s, int at) {
        if (!isDigit(s[at])) {
            throw new Unparsable(INVALID);
        }
        return s[at] - '0';
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static void expect(byte[] s, int at, char c) {
        if (s[at] != c) {
            throw new Unparsable(INVALID);
        }
    }

    /** @return {where the digits end, their value}: at least {@code min} digits, at most {@code max} read */
    private static long[] number(byte[] s, int at, int min, int max) {
        if (s.length - at < min) {
            throw new Unparsable(TOO_SHORT);
        }
        long value = 0;
        int i = 0;
        for (; i < max && at + i < s.length && isDigit(s[at + i]); i++) {
            try {
                value = Math.addExact(Math.multiplyExact(value, 10), s[at + i] - '0');
            } catch (ArithmeticException e) {
                throw new Unparsable(RANGE);
            }
        }
        if (i < min) {
            throw new Unparsable(INVALID);
        }
        return new long[] {at + i, value};
    }

    /** @return the index in {@code names} of the three letters at {@code at}, in any case, or -1 */
    private static int name(byte[] s, int at, String[] names) {
        final String word = new String(s, at, 3, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < names.length; i++) {
            if (names[i].substring(0, 3).equalsIgnoreCase(word)) {
                return i;
            }
        }
        return -1;
    }

    /** @return where whitespace at {@code at}, which must be there, ends */
    private static int space(byte[] s, int at) {
        final int end = skipSpace(s, at);
        if (end > at) {
            return end;
        }
        throw new Unparsable(at >= s.length ? TOO_SHORT : INVALID);
    }

    /** @return where the Unicode whitespace from {@code at} ends */
    private static int skipSpace(byte[] s, int at) {
        while (at < s.length) {
            final int length = (s[at] & 0xE0) == 0xC0 ? 2 : (s[at] & 0xF0) == 0xE0 ? 3 : 1;
            final String c = new String(s, at, Math.min(length, s.length - at), StandardCharsets.UTF_8);
            if (!KumoStrings.whiteSpace(c.codePointAt(0))) {
                return at;
            }
            at += length;
        }
        return at;
    }

    /** @return {where it ends, seconds east of UTC} of an RFC 3339 offset, or an RFC 2822 numeric one */
    private static long[] offset(byte[] s, int at, boolean colon, boolean zulu) {
        if (zulu && at < s.length && (s[at] == 'Z' || s[at] == 'z')) {
            return new long[] {at + 1, 0};
        }
        if (at >= s.length) {
            throw new Unparsable(TOO_SHORT);
        }
        final boolean minusSign = colon && s.length - at >= 3 && (s[at] & 0xFF) == 0xE2
                && (s[at + 1] & 0xFF) == 0x88 && (s[at + 2] & 0xFF) == 0x92;
        if (s[at] != '+' && s[at] != '-' && !minusSign) {
            throw new Unparsable(INVALID);
        }
        final int sign = s[at] == '+' ? 1 : -1;
        at += minusSign ? 3 : 1;
        if (s.length - at < 2) {
            throw new Unparsable(TOO_SHORT);
        }
        final int hours = digit(s, at) * 10 + digit(s, at + 1);
        at += 2;
        if (colon) {
            if (at >= s.length) {
                throw new Unparsable(TOO_SHORT);
            }
            expect(s, at++, ':');
        }
        if (s.length - at < 2) {
            throw new Unparsable(TOO_SHORT);
        }
        if (!isDigit(s[at]) || !isDigit(s[at + 1])) {
            throw new Unparsable(INVALID);
        }
        if (s[at] > '5') {
            throw new Unparsable(RANGE);
        }
        final int minutes = (s[at] - '0') * 10 + s[at + 1] - '0';
        return new long[] {at + 2, sign * (hours * 3600L + minutes * 60L)};
    }

    /** @return {where it ends, seconds east of UTC} of an RFC 2822 zone: numeric, or a name chrono knows */
    private static long[] zone2822(byte[] s, int at) {
        int end = at;
        while (end < s.length && (s[end] >= 'A' && s[end] <= 'Z' || s[end] >= 'a' && s[end] <= 'z')) {
            end++;
        }
        if (end == at) {
            return offset(s, at, false, false);
        }
        final String name = new String(s, at, end - at, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
        final int hours = switch (name) {
            case "gmt", "ut", "z" -> 0;
            case "edt" -> -4;
            case "est", "cdt" -> -5;
            case "cst", "mdt" -> -6;
            case "mst", "pdt" -> -7;
            case "pst" -> -8;
            default -> {
                if (name.length() == 1 && name.charAt(0) != 'j') {
                    yield 0;
                }
                throw new Unparsable(INVALID);
            }
        };
        return new long[] {end, hours * 3600L};
    }

    /** @return where an RFC 2822 comment after optional whitespace ends, or -1 when there is none whole */
    private static int comment(byte[] s, int at) {
        int i = skipSpace(s, at);
        if (i >= s.length || s[i] != '(') {
            return -1;
        }
        int depth = 0;
        for (; i < s.length; i++) {
            if (s[i] == '\\' && depth > 0) {
                i++;
            } else if (s[i] == '(') {
                depth++;
            } else if (s[i] == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * @return the words of {@code text} with RFC 5322 comments (nested, with backslash escapes) and folding
     *         whitespace taken out, joined by single spaces; null when a comment is left open
     */
    static String withoutComments(String text) {
        final List<String> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            final char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (c == '(') {
                int depth = 0;
                do {
                    if (i >= text.length()) {
                        return null;
                    }
                    final char d = text.charAt(i++);
                    if (d == '\\') {
                        i++;
                    } else if (d == '(') {
                        depth++;
                    } else if (d == ')') {
                        depth--;
                    }
                } while (depth > 0);
            } else {
                final int start = i;
                while (i < text.length() && " \t\r\n(".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                words.add(text.substring(start, i));
            }
        }
        return String.join(" ", words);
    }
}
