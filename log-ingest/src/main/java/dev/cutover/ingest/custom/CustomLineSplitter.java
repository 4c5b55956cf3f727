package dev.cutover.ingest.custom;

import dev.cutover.ingest.RejectReason;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

/**
 * Cuts a {@code custom_logger} line into one value per field of its {@link CustomLogFormat}.
 *
 * <p>A format with a single one-character delimiter, such as {@code ,} or {@code ;} or a tab, is read as CSV
 * with Apache Commons CSV, so a field in double quotes may hold the delimiter. Other formats are cut at each
 * literal separator in turn. Either way the last field takes the rest of the line: Momentum does not quote
 * response texts, and {@code 550 5.1.1 <a@example.net>: unknown, sorry} would otherwise split in two.
 *
 * <p>Example: with {@code %t,%i,%R,%T,%n}, the line {@code 1717430405,A3,example.net,4.02,550 no, never}
 * gives five values, the last {@code 550 no, never}; with {@code "550 no, never"} quoted it gives the same.
 */
final class CustomLineSplitter {
    private final CustomLogFormat format;
    private final CSVFormat csv;
    private final int fieldCount;
    private RejectReason failure;

    CustomLineSplitter(CustomLogFormat format) {
        this.format = format;
        this.fieldCount = format.fields().size();
        final char delimiter = format.delimiter();
        this.csv = delimiter == 0 ? null : CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
    }

    /** @return one value per field, or null when the line does not fit the format (see {@link #failure()}) */
    String[] split(String line) {
        failure = null;
        return csv != null ? splitCsv(line) : splitLiterals(line);
    }

    /** @return why the last {@link #split} returned null */
    RejectReason failure() {
        return failure;
    }

    private String[] splitCsv(String line) {
        final List<String> values;
        try (CSVParser parser = CSVParser.parse(line, csv)) {
            final Iterator<CSVRecord> records = parser.iterator();
            values = records.hasNext() ? records.next().toList() : List.of();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return fail(RejectReason.BAD_CUSTOM_FIELD);
        }
        if (values.size() < fieldCount) {
            return fail(RejectReason.TOO_FEW_FIELDS);
        }
        final String[] fields = values.subList(0, fieldCount).toArray(new String[0]);
        final String rest = String.join(String.valueOf(format.delimiter()), values.subList(fieldCount - 1,
                values.size()));
        fields[fieldCount - 1] = rest;
        return fields;
    }

    private String[] splitLiterals(String line) {
        final List<String> literals = format.literals();
        final String head = literals.get(0);
        final String tail = literals.get(fieldCount);
        if (!line.startsWith(head) || !line.endsWith(tail) || line.length() < head.length() + tail.length()) {
            return fail(RejectReason.TOO_FEW_FIELDS);
        }
        final String body = line.substring(head.length(), line.length() - tail.length());
        final String[] fields = new String[fieldCount];
        int from = 0;
        for (int i = 0; i < fieldCount - 1; i++) {
            final int at = body.indexOf(literals.get(i + 1), from);
            if (at < 0) {
                return fail(RejectReason.TOO_FEW_FIELDS);
            }
            fields[i] = body.substring(from, at);
            from = at + literals.get(i + 1).length();
        }
        fields[fieldCount - 1] = body.substring(from);
        return fields;
    }

    private String[] fail(RejectReason reason) {
        failure = reason;
        return null;
    }
}
