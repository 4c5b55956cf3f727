package dev.cutover.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static dev.cutover.cli.CommandRuns.cutover;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code cutover ingest}: going on from the store, its flags for nodes, bouncelogs and custom logs, --strict. */
class IngestCommandTest {
    private static final List<String> FIRST = List.of(
            "1717430400@A1@B1@C0@R@ann@example.net@news@sender.example@192.0.2.15@1000@esmtp@retail@ip-1",
            "1717430401@A2@B2@C0@R@bob@example.org@news@sender.example@192.0.2.15@1000@esmtp@retail@ip-1",
            "1717430402@A1@B1@C1@T@example.net@1000@retail@ip-1@5@0@2.0@192.0.2.9@452 4.2.2 mailbox full");
    private static final List<String> LATER = List.of(
            "1717430403@A2@B2@C2@D@example.org@1000@retail@ip-1@0@2.0@192.0.2.8",
            "1717430500@A1@B1@C3@P@example.net@1000@retail@ip-1@5@1@100.0@192.0.2.9@550 5.1.1 user unknown");

    @TempDir
    Path dir;

    @BeforeAll
    static void quiet() {
        System.setProperty("chronicle.analytics.disable", "true");
    }

    @Test
    void ingest_storePathIsAFile_exitsTwoSayingSo() throws IOException {
        final Path log = Files.write(dir.resolve("mainlog.ec"), FIRST);
        final Path file = Files.writeString(dir.resolve("afile"), "not a store");

        final CommandRuns.Result result = cutover("ingest", log.toString(), "--store", file.toString());

        assertEquals(2, result.status(), result.err());
        assertEquals("cutover: " + file + ": cannot open the traffic store (it is a file; expected a folder)",
                result.err().strip());
    }

    @Test
    void ingest_sameFileAgainThenGrown_skipsItThenReadsOnlyTheNewLines() throws IOException {
        final Path log = Files.write(dir.resolve("mainlog.ec"), FIRST);
        final String store = dir.resolve("store").toString();

        final CommandRuns.Result first = cutover("ingest", log.toString(), "--store", store);
        final CommandRuns.Result again = cutover("ingest", log.toString(), "--store", store);
        Files.write(log, LATER, StandardOpenOption.APPEND);
        final CommandRuns.Result grown = cutover("ingest", log.toString(), "--store", store);

        assertEquals(0, first.status(), first.err());
        assertTrue(first.out().startsWith("read 1 file(s), skipped 0 (held already, empty or a copy); 3 new lines, "
                + "0 messages stored, 2 held in the join"), first.out());
        assertTrue(again.out().startsWith("read 0 file(s), skipped 1 (held already, empty or a copy); 0 new lines"),
                again.out());
        assertTrue(grown.out().startsWith("read 1 file(s), skipped 0 (held already, empty or a copy); 2 new lines, "
                + "2 messages stored, 0 held in the join"), grown.out());
    }

    @Test
    void ingest_withBouncelog_reportsClassesJoined() throws IOException {
        final Path log = Files.write(dir.resolve("mainlog.ec"), concat(FIRST, LATER));
        final Path bounces = Files.write(dir.resolve("bouncelog.ec"), List.of("1717430500@A1@B1@C3@B@ann@example.net"
                + "@news@sender.example@retail@ip-1@5@10@1000@192.0.2.9@550 5.1.1 user unknown"));

        final CommandRuns.Result result = cutover("ingest", log.toString(), "--bouncelog", bounces.toString(),
                "--store", dir.resolve("store").toString());

        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().contains("1 bouncelog lines gave an attempt its bounce class; 0 out-of-band"),
                result.out());
    }

    @Test
    void ingest_strictWithABadLine_exitsTwoAfterStoringTheRest() throws IOException {
        final Path log = Files.write(dir.resolve("mainlog.ec"), concat(List.of("not a mainlog line"), FIRST, LATER));

        final CommandRuns.Result result = cutover("ingest", log.toString(), "--strict", "--store",
                dir.resolve("store").toString());

        assertEquals(2, result.status());
        assertTrue(result.out().contains("2 messages stored"), result.out());
        assertTrue(result.err().contains("1 line(s) were set aside ({TOO_FEW_FIELDS=1})"), result.err());
    }

    @Test
    void ingest_nodeLogWithoutEquals_exitsTwoNamingTheExpectedForm() {
        final CommandRuns.Result result = cutover("ingest", "--node-log", "mainlog.ec", "--store",
                dir.resolve("store").toString());

        assertEquals(2, result.status());
        assertTrue(result.err().contains("--node-log mainlog.ec: expected NODE=FILE"), result.err());
    }

    @Test
    void ingest_pollNotASensibleNumber_exitTwoEchoingTheValueAsGiven() throws IOException {
        final Path log = Files.write(dir.resolve("mainlog.ec"), FIRST);
        final String store = dir.resolve("store").toString();

        for (String value : new String[] {"abc", "1e9", "0", "-1", "NaN"}) {
            final CommandRuns.Result result = cutover("ingest", log.toString(), "--follow", "--poll", value,
                    "--store", store);

            assertEquals(2, result.status(), value);
            assertTrue(result.err().contains("--poll " + value + ": expected a number of seconds from 0.001 to 3600"),
                    result.err());
        }
    }

    @Test
    void ingest_followOnlyOrCustomOnlyOptionsAlone_exitTwoSayingWhatTheyNeed() throws IOException {
        final Path log = Files.write(dir.resolve("mainlog.ec"), FIRST);
        final String store = dir.resolve("store").toString();

        final CommandRuns.Result poll = cutover("ingest", log.toString(), "--poll", "5", "--store", store);
        final CommandRuns.Result stage = cutover("ingest", log.toString(), "--stage", "delivery", "--store", store);

        assertEquals(2, poll.status());
        assertTrue(poll.err().contains("--poll sets how often --follow looks"), poll.err());
        assertEquals(2, stage.status());
        assertTrue(stage.err().contains("--stage and --format describe --custom-log files"), stage.err());
    }

    @Test
    void ingest_customLogWithoutFormat_exitsTwo() throws IOException {
        final Path log = Files.writeString(dir.resolve("delivery.csv"), "1717430403,A2\n");

        final CommandRuns.Result result = cutover("ingest", "--custom-log", log.toString(), "--stage", "delivery",
                "--store", dir.resolve("store").toString());

        assertEquals(2, result.status());
        assertTrue(result.err().contains("--custom-log needs --stage and --format"), result.err());
    }

    @Test
    void ingest_rewrittenFile_exitsTwoNamingIt() throws IOException {
        final List<String> heartbeats = java.util.Collections.nCopies(300, "1717430399@@@@M");
        final Path log = Files.write(dir.resolve("mainlog.ec"), concat(heartbeats, FIRST, LATER));
        final String store = dir.resolve("store").toString();
        cutover("ingest", log.toString(), "--store", store);
        Files.write(log, concat(heartbeats, FIRST, List.of(LATER.get(0).replace("example.org", "example.com"))));

        final CommandRuns.Result result = cutover("ingest", log.toString(), "--store", store);

        assertEquals(2, result.status());
        assertTrue(result.err().contains("mainlog.ec: is shorter than when the store read"), result.err());
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
