package dev.cutover.ingest.custom;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code custom_logger} format string (support.sparkpost.com/momentum/4/modules/custom-logger) split into
 * its specifiers and the literal text around them.
 *
 * <p>Example: {@code %t,%i,%R,%T{3},%n} has five fields, {@code %t %i %R %T{3} %n}, separated by four commas
 * and with empty text before the first and after the last; its {@link #delimiter()} is {@code ','}, so lines
 * are read as CSV. {@code %t|%i: %R|%T %n} has the separators {@code |}, {@code : }, {@code |} and a space,
 * and is read by cutting at each separator in turn.
 *
 * <p>A format must hold what the traffic store needs: {@code %t} (line time), {@code %i} (message id),
 * {@code %R} or {@code %d} (domain) and {@code %T} (queue time, which turns the line time into the reception
 * time). Two specifiers with nothing between them are refused, since no line could be split there.
 *
 * <p>Note: {@code %t{strftime}} stamps are refused; configure {@code %t} alone for cutover to read the log.
 */
public final class CustomLogFormat {
    private final String text;
    private final List<CustomLogField> fields;
    private final List<String> literals;

    private CustomLogFormat(String text, List<CustomLogField> fields, List<String> literals) {
        this.text = text;
        this.fields = List.copyOf(fields);
        this.literals = List.copyOf(literals);
    }

    /**
     * @param format a {@code *_format} value from ecelerity.conf
     * @return the parsed format
     * @throws IllegalArgumentException naming the position and specifier at fault, or the required specifier
     *                                  that is missing
     */
    public static CustomLogFormat parse(String format) {
        final List<CustomLogField> fields = new ArrayList<>();
        final List<String> literals = new ArrayList<>();
        final StringBuilder literal = new StringBuilder();

        int at = 0;
        while (at < format.length()) {
            if (format.charAt(at) != '%') {
                literal.append(format.charAt(at++));
                continue;
            }
            final CustomLogSpecifier specifier = specifierAt(format, at);
            final int afterName = at + 1 + specifier.specifierName().length();
            final String argument = argumentAt(format, afterName, specifier, at);
            requireSeparator(format, fields, literal, specifier);
            literals.add(literal.toString());
            literal.setLength(0);
            fields.add(checked(new CustomLogField(specifier, argument), format));
            at = afterName + (argument.isEmpty() ? 0 : argument.length() + 2);
        }
        literals.add(literal.toString());
        return requireStoreFields(new CustomLogFormat(format, fields, literals));
    }

    /** @return the format string as given */
    public String text() {
        return text;
    }

    /** @return the specifiers in order */
    public List<CustomLogField> fields() {
        return fields;
    }

    /**
     * @return the literal text before the first field, between each pair of fields and after the last one;
     *         one more entry than {@link #fields()}
     */
    public List<String> literals() {
        return literals;
    }

    /** @return the index of the first field holding {@code specifier}, or -1 */
    public int indexOf(CustomLogSpecifier specifier) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).specifier() == specifier) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @return the single character that separates every pair of fields when nothing precedes the first or
     *         follows the last, such as {@code ','}; 0 when the separators are mixed or longer
     */
    public char delimiter() {
        final String first = literals.size() > 2 ? literals.get(1) : "";
        final boolean bare = literals.get(0).isEmpty() && literals.get(literals.size() - 1).isEmpty();
        final boolean uniform = literals.subList(1, literals.size() - 1).stream().allMatch(first::equals);
        return bare && uniform && first.length() == 1 ? first.charAt(0) : 0;
    }

    @Override
    public String toString() {
        return text;
    }

    private static CustomLogSpecifier specifierAt(String format, int percent) {
        for (CustomLogSpecifier specifier : CustomLogSpecifier.LONGEST_FIRST) {
            if (format.startsWith(specifier.specifierName(), percent + 1)) {
                return specifier;
            }
        }
        final String found = percent + 1 < format.length() ? "%" + format.charAt(percent + 1) : "a lone %";
        throw new IllegalArgumentException("custom_logger format \"" + format + "\": unknown specifier " + found
                + " at position " + (percent + 1) + " (see support.sparkpost.com/momentum/4/modules/custom-logger)");
    }

    private static String argumentAt(String format, int from, CustomLogSpecifier specifier, int percent) {
        final boolean braced = from < format.length() && format.charAt(from) == '{'
                && specifier.argument() != CustomLogSpecifier.Argument.NONE;
        final int close = braced ? format.indexOf('}', from) : -1;
        if (braced && close > from + 1) {
            return format.substring(from + 1, close);
        }
        if (braced) {
            throw new IllegalArgumentException("custom_logger format \"" + format + "\": " + specifier.token()
                    + " at position " + (percent + 1) + " opens a brace it does not close with an argument, such as "
                    + specifier.token() + "{3}");
        }
        if (specifier.argument() == CustomLogSpecifier.Argument.REQUIRED) {
            throw new IllegalArgumentException("custom_logger format \"" + format + "\": " + specifier.token()
                    + " at position " + (percent + 1) + " needs an argument in braces, such as "
                    + specifier.token() + "{3}");
        }
        return "";
    }

    private static void requireSeparator(String format, List<CustomLogField> fields, CharSequence literal,
                                         CustomLogSpecifier next) {
        if (!fields.isEmpty() && literal.length() == 0) {
            throw new IllegalArgumentException("custom_logger format \"" + format + "\": "
                    + fields.get(fields.size() - 1) + " and " + next.token()
                    + " have no delimiter between them, so a line cannot be split there");
        }
    }

    private static CustomLogField checked(CustomLogField field, String format) {
        final boolean strftime = field.specifier() == CustomLogSpecifier.TIME && !field.argument().isEmpty();
        if (strftime) {
            throw new IllegalArgumentException("custom_logger format \"" + format + "\": " + field
                    + " writes a strftime stamp, which cutover does not read; log %t (epoch seconds) instead");
        }
        final boolean digits = field.specifier() == CustomLogSpecifier.SUBSECOND
                || field.specifier() == CustomLogSpecifier.QUEUE_TIME;
        if (digits && !field.argument().isEmpty() && !field.argument().matches("[1-6]")) {
            throw new IllegalArgumentException("custom_logger format \"" + format + "\": " + field
                    + " must give a number of digits from 1 to 6 in braces");
        }
        return field;
    }

    private static CustomLogFormat requireStoreFields(CustomLogFormat format) {
        requireField(format, CustomLogSpecifier.TIME, "the time of each line");
        requireField(format, CustomLogSpecifier.MESSAGE_ID, "the message id that joins a message's lines");
        requireField(format, CustomLogSpecifier.QUEUE_TIME, "the queue time: the reception time is the line "
                + "time minus %T");
        if (format.indexOf(CustomLogSpecifier.RECIPIENT_DOMAIN) < 0
                && format.indexOf(CustomLogSpecifier.ROUTING_DOMAIN) < 0) {
            throw new IllegalArgumentException("custom_logger format \"" + format.text
                    + "\" lacks %R or %d; cutover needs the recipient or routing domain");
        }
        return format;
    }

    private static void requireField(CustomLogFormat format, CustomLogSpecifier specifier, String why) {
        if (format.indexOf(specifier) < 0) {
            throw new IllegalArgumentException("custom_logger format \"" + format.text + "\" lacks "
                    + specifier.token() + "; cutover needs " + why);
        }
    }
}
