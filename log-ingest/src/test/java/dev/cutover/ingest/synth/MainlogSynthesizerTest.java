package dev.cutover.ingest.synth;

import dev.cutover.ingest.Attempt;
import dev.cutover.ingest.IngestListener;
import dev.cutover.ingest.IngestResult;
import dev.cutover.ingest.Ingestor;
import dev.cutover.ingest.MessageCursor;
import dev.cutover.ingest.MessageRecord;
import dev.cutover.ingest.Outcome;
import dev.cutover.ingest.RejectSink;
import dev.cutover.ingest.TrafficStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainlogSynthesizerTest {
    private static final Pattern MOMENTUM_ID = Pattern.compile("[0-9A-F]{2}/[0-9A-F]{2}-\\d{5}-[0-9A-F]{8}");

    @TempDir
    Path dir;

    @BeforeAll
    static void disableChronicleAnalytics() {
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
    }

    @Test
    void write_sameSpecTwice_byteIdentical() throws IOException {
        final SynthSpec spec = SynthSpec.demo(7, 3_000);

        assertEquals(generate(spec), generate(spec));
    }

    @Test
    void write_otherSeed_differentLog() throws IOException {
        assertNotEquals(generate(SynthSpec.demo(7, 500)), generate(SynthSpec.demo(8, 500)));
    }

    @Test
    void write_demoSpec_linesInTimeOrderWithUniqueDocumentedIds() throws IOException {
        final List<String> lines = generate(SynthSpec.demo(11, 5_000)).lines().toList();
        final Set<String> ids = new HashSet<>();
        long previousSeconds = 0;
        int heartbeats = 0;

        for (String line : lines) {
            final String[] fields = line.split("@", 6);
            final long seconds = Long.parseLong(fields[0]);
            assertTrue(seconds >= previousSeconds, line);
            previousSeconds = seconds;
            heartbeats += fields[4].equals("M") ? 1 : 0;
            if (fields[4].equals("R")) {
                assertTrue(MOMENTUM_ID.matcher(fields[1]).matches(), fields[1]);
                assertEquals(fields[1], fields[2]);
                ids.add(fields[1]);
            }
        }

        assertEquals(5_000, ids.size());
        assertTrue(heartbeats >= 1_440, "one heartbeat per minute of a day, got " + heartbeats);
    }

    @Test
    void write_demoSpec_ingestsWithZeroRejectsAndRequestedCount() throws IOException {
        final Path log = dir.resolve("mainlog.ec");
        final SynthSummary summary;
        try (Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            summary = new MainlogSynthesizer().write(SynthSpec.demo(3, 20_000), out);
        }

        try (TrafficStore store = TrafficStore.open(dir.resolve("store"), 256 << 10)) {
            final IngestResult result = new Ingestor().ingest(List.of(log), store, RejectSink.DISCARD,
                    IngestListener.NONE);

            assertEquals(0, result.rejects().total(), result.rejects().toString());
            assertEquals(20_000, result.messagesStored());
            assertEquals(0, result.noFinalOutcome());
            assertEquals(summary.lines(), result.lines());
            assertEquals(20_000, summary.deliveries() + summary.bounces() + summary.retriesExhausted());
        }
    }

    @Test
    void write_domainThatAlwaysDefers_retriesOnScheduleThenFailsAfterSixRetries() throws IOException {
        final SynthSpec spec = singleDomain(40, new DomainBehaviour(1.0, 0.0, 600, 20));

        final List<MessageRecord> records = ingest(spec);

        assertEquals(40, records.size());
        for (MessageRecord record : records) {
            final List<Attempt> attempts = record.attempts();
            assertEquals(7, attempts.size());
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), attempts.stream().map(Attempt::retryCount).toList());
            assertEquals(Outcome.PERMANENT, attempts.get(6).outcome());
            assertEquals("554 5.4.7 [internal] exceeded max retries without delivery", attempts.get(6).responseText());
            assertRetryGaps(attempts, RetrySchedule.MOMENTUM_DEFAULT);
        }
    }

    @Test
    void write_domainDrainingSixtyPerMinute_sixHundredMessagesTakeTenMinutes() throws IOException {
        final SynthSpec spec = singleDomain(600, new DomainBehaviour(0.0, 0.0, 60, 10));

        final List<MessageRecord> records = ingest(spec);

        final double lastQueueSeconds = records.stream()
                .mapToDouble(r -> r.finalAttempt().timeMicros() / 1e6).max().orElseThrow() - spec.startEpochSeconds();
        assertTrue(lastQueueSeconds >= 599 && lastQueueSeconds <= 603, "last delivery at +" + lastQueueSeconds);
        final Set<String> connections = new HashSet<>();
        records.forEach(r -> connections.add(r.finalAttempt().connectionId()));
        assertEquals(60, connections.size());
    }

    @Test
    void write_millionMessages_wellUnderAMinute() throws IOException {
        final CountingWriter out = new CountingWriter();
        final long started = System.nanoTime();

        final SynthSummary summary = new MainlogSynthesizer().write(SynthSpec.demo(1, 1_000_000), out);

        final double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(1_000_000, summary.messages());
        assertEquals(summary.lines(), out.lines);
        assertTrue(seconds < 30, "took " + seconds + " s");
    }

    @Test
    void messageCount_volumeMultiplier_scalesTotal() {
        final SynthSpec demo = SynthSpec.demo(1, 1_000);
        final SynthSpec doubled = new SynthSpec(1, demo.startEpochSeconds(), 3_600, 1_000, "retail", demo.bindings(),
                demo.domainMix(), Map.of(), 2.5, RetrySchedule.MOMENTUM_DEFAULT);

        assertEquals(2_500, doubled.messageCount());
    }

    @Test
    void delaySeconds_momentumDefaults_doublingCappedAtTwelveHours() {
        final RetrySchedule schedule = RetrySchedule.MOMENTUM_DEFAULT;

        assertEquals(List.of(1200L, 2400L, 4800L, 9600L, 19200L, 38400L, 43200L, 43200L),
                List.of(1, 2, 3, 4, 5, 6, 7, 60).stream().map(schedule::delaySeconds).toList());
    }

    private static void assertRetryGaps(List<Attempt> attempts, RetrySchedule schedule) {
        for (int k = 1; k < attempts.size(); k++) {
            final double gapSeconds = attempts.get(k).queueSeconds() - attempts.get(k - 1).queueSeconds();
            final long delay = schedule.delaySeconds(k);
            assertTrue(gapSeconds >= delay && gapSeconds < delay + 5, "gap " + gapSeconds + " after failure " + k);
        }
    }

    private static SynthSpec singleDomain(long messages, DomainBehaviour behaviour) {
        final Map<String, Double> mix = new LinkedHashMap<>();
        mix.put("yahoo.com", 1.0);
        return new SynthSpec(5, SynthSpec.DEMO_START_EPOCH_SECONDS, 60, messages, "retail", List.of("retail-ip-01"),
                mix, Map.of("yahoo.com", behaviour), 1.0, RetrySchedule.MOMENTUM_DEFAULT);
    }

    private List<MessageRecord> ingest(SynthSpec spec) throws IOException {
        final Path log = Files.writeString(dir.resolve("mainlog.ec"), generate(spec));
        try (TrafficStore store = TrafficStore.open(dir.resolve("store"), 256 << 10)) {
            final IngestResult result = new Ingestor().ingest(List.of(log), store, RejectSink.DISCARD,
                    IngestListener.NONE);
            assertEquals(0, result.rejects().total(), result.rejects().toString());
            return readAll(store);
        }
    }

    private static List<MessageRecord> readAll(TrafficStore store) {
        final List<MessageRecord> records = new ArrayList<>();
        try (MessageCursor cursor = store.cursor()) {
            for (MessageRecord r = cursor.next(); r != null; r = cursor.next()) {
                records.add(r);
            }
        }
        return records;
    }

    private static String generate(SynthSpec spec) throws IOException {
        final StringWriter out = new StringWriter();
        new MainlogSynthesizer().write(spec, out);
        return out.toString();
    }

    /** Counts lines and discards them, so a million messages need no memory for the text. */
    private static final class CountingWriter extends Writer {
        private long lines;

        @Override
        public void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                lines += buffer[i] == '\n' ? 1 : 0;
            }
        }

        @Override
        public void write(int c) {
            lines += c == '\n' ? 1 : 0;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
