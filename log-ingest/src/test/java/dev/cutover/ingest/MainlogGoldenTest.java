package dev.cutover.ingest;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Golden test of {@link MainlogParser}: each fixture under {@code /mainlog/golden/} holds the lines of one
 * Momentum mainlog layout, and the {@code .expected.tsv} file beside it gives, for every fixture line, the kind of
 * {@link ParsedLine} and the value of every component of that record. The expected values are written by hand
 * from the layouts of momentum.md section 1, never copied from the parser's output. For example the expected
 * line {@code 25 Heartbeat timeMicros=1717430460000000 type=M} (tab-separated) says that line 25 of
 * {@code layout-3x-5x.ec}, {@code 1717430460@@@@M}, is a heartbeat at 1,717,430,460 s. The folder's README gives
 * the purpose of every fixture line.
 *
 * <p>Every fixture line is one dynamic test named after its file and line number; a mismatch names the field.
 * One parser reads a whole fixture, line after line, as the ingestor does. Lines are split at {@code \n} only,
 * so a CRLF line reaches the parser with its carriage return.
 */
class MainlogGoldenTest {
    private static final String FOLDER = "/mainlog/golden/";
    private static final List<Fixture> FIXTURES = List.of(
            new Fixture("layout-3x-5x", Set.of("R", "D", "X", "T", "P", "M", "M1")),
            new Fixture("layout-22", Set.of("R", "D", "T", "P", "M")),
            new Fixture("layout-21", Set.of("R", "D", "T", "P", "M")));
    /** Reasons given after parsing, by the joiner, the ingestor or the custom_logger reader. */
    private static final Set<RejectReason> NOT_FROM_PARSER = EnumSet.of(RejectReason.ORPHAN_ATTEMPT,
            RejectReason.DUPLICATE_RECEPTION, RejectReason.COMPRESSED_DATA_DAMAGED, RejectReason.BAD_CUSTOM_FIELD,
            RejectReason.LATE_RECEPTION, RejectReason.UNMATCHED_BOUNCE, RejectReason.MISSING_DOMAIN,
            RejectReason.BAD_DOMAIN);

    @TestFactory
    Stream<DynamicTest> parse_goldenFixtureLine_everyFieldAsExpected() {
        return FIXTURES.stream().flatMap(MainlogGoldenTest::lineTests);
    }

    @Test
    void expectedFile_eachFixture_describesEveryLineOnceInOrder() {
        for (Fixture fixture : FIXTURES) {
            final List<Integer> lineNumbers = IntStream.rangeClosed(1, fixtureLines(fixture).size()).boxed().toList();

            final List<Integer> described = expectations(fixture).stream().map(Expected::lineNumber).toList();

            assertEquals(lineNumbers, described, fixture.expectedFile());
        }
    }

    @Test
    void expectedFiles_allFixtures_coverEveryRejectReasonOfTheParser() {
        final Set<String> parserReasons = EnumSet.complementOf(EnumSet.copyOf(NOT_FROM_PARSER)).stream()
                .map(RejectReason::name).collect(Collectors.toSet());

        final Set<String> covered = FIXTURES.stream().flatMap(fixture -> expectations(fixture).stream())
                .map(expected -> expected.fields().get("reason")).filter(Objects::nonNull)
                .collect(Collectors.toSet());

        assertEquals(parserReasons, covered);
    }

    @Test
    void expectedFiles_eachFixture_coverEveryRecordTypeOfItsLayout() {
        for (Fixture fixture : FIXTURES) {
            final Set<String> covered = expectations(fixture).stream().map(Expected::recordType)
                    .filter(Objects::nonNull).collect(Collectors.toSet());

            assertEquals(fixture.recordTypes(), covered, fixture.name());
        }
    }

    private static Stream<DynamicTest> lineTests(Fixture fixture) {
        final List<String> lines = fixtureLines(fixture);
        final Map<Integer, Expected> expected = expectations(fixture).stream()
                .collect(Collectors.toMap(Expected::lineNumber, Function.identity()));
        final MainlogParser parser = new MainlogParser();
        final List<DynamicTest> tests = new ArrayList<>(lines.size());

        for (int i = 0; i < lines.size(); i++) {
            final int lineNumber = i + 1;
            final ParsedLine parsed = parser.parse(lines.get(i));
            final String where = fixture.fixtureFile() + " line " + lineNumber;
            tests.add(dynamicTest(where, () -> assertLine(where, expected.get(lineNumber), parsed)));
        }
        return tests.stream();
    }

    private static void assertLine(String where, Expected expected, ParsedLine parsed) {
        assertNotNull(expected, where + ": no expected line");
        assertEquals(expected.kind(), parsed.getClass().getSimpleName(), where + ": kind");
        final RecordComponent[] components = parsed.getClass().getRecordComponents();
        final Set<String> names = Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());
        final Set<String> listed = expected.fields().keySet();

        assertEquals(Set.of(), without(names, listed), where + ": fields with no expected value");
        assertEquals(Set.of(), without(listed, names), where + ": expected fields the record does not have");
        assertAll(where, Arrays.stream(components).map(component -> fieldCheck(where, component, expected, parsed)));
    }

    private static Executable fieldCheck(String where, RecordComponent component, Expected expected,
            ParsedLine parsed) {
        final String name = component.getName();
        final String wanted = expected.fields().get(name);
        final Object actual = value(component, parsed);
        final String message = where + ", field " + name;

        if (actual instanceof Double decimal) {
            return () -> assertEquals(Double.parseDouble(wanted), decimal, message);
        }
        return () -> assertEquals(wanted, String.valueOf(actual), message);
    }

    private static Set<String> without(Set<String> names, Set<String> removed) {
        final Set<String> left = new TreeSet<>(names);

        left.removeAll(removed);
        return left;
    }

    private static Object value(RecordComponent component, ParsedLine parsed) {
        try {
            return component.getAccessor().invoke(parsed);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(component.getName(), e);
        }
    }

    /** @return the lines of a fixture, split at {@code \n} only and with any carriage return kept */
    private static List<String> fixtureLines(Fixture fixture) {
        final String text = resourceText(fixture.fixtureFile());
        final List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));

        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static List<Expected> expectations(Fixture fixture) {
        return resourceText(fixture.expectedFile()).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(Expected::parse)
                .toList();
    }

    private static String resourceText(String file) {
        try (InputStream in = MainlogGoldenTest.class.getResourceAsStream(FOLDER + file)) {
            assertNotNull(in, FOLDER + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(file, e);
        }
    }

    /**
     * A fixture and the record types its layout writes: R for a {@link ParsedLine.Reception}, the kind of an
     * {@link ParsedLine.AttemptLine}, the type of a {@link ParsedLine.Heartbeat}.
     */
    private record Fixture(String name, Set<String> recordTypes) {
        String fixtureFile() {
            return name + ".ec";
        }

        String expectedFile() {
            return name + ".expected.tsv";
        }
    }

    /**
     * One line of an expected file: the fixture line number, the simple name of the {@link ParsedLine} record,
     * then one {@code name=value} column per record component (the value is everything after the first
     * {@code =}).
     */
    private record Expected(int lineNumber, String kind, Map<String, String> fields) {
        static Expected parse(String line) {
            final String[] columns = line.split("\t", -1);
            final Map<String, String> fields = new LinkedHashMap<>();

            for (int i = 2; i < columns.length; i++) {
                final int equals = columns[i].indexOf('=');
                final String name = equals < 0 ? "" : columns[i].substring(0, equals);
                if (name.isEmpty() || fields.containsKey(name)) {
                    throw new IllegalArgumentException("missing or repeated name in '" + columns[i] + "': " + line);
                }
                fields.put(name, columns[i].substring(equals + 1));
            }
            return new Expected(Integer.parseInt(columns[0]), columns[1], fields);
        }

        /** @return the record type this line expects, or null for a {@link ParsedLine.Rejected} line */
        String recordType() {
            return switch (kind) {
                case "Reception" -> "R";
                case "AttemptLine" -> fields.get("kind");
                case "Heartbeat" -> fields.get("type");
                default -> null;
            };
        }
    }
}
