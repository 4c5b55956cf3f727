package dev.cutover.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.cutover.cli.CommandRuns.Result;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import static dev.cutover.cli.CommandRuns.cutover;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run --speed}: the replay paced, a look every second, and the same report as an unpaced run. */
class LiveRehearsalEndToEndTest extends OnE2eEstate {

    @Test
    void speed_pacedToAboutThreeSeconds_looksAlongTheWayAndWritesTheSameReport() throws IOException {
        final Result plain = cutover("run", estate.toString(), "--out", dir.resolve("plain").toString());
        final JsonObject traffic = JsonParser.parseString(Files.readString(dir.resolve("plain/report.json")))
                .getAsJsonObject().getAsJsonObject("traffic");
        final Duration span = Duration.between(Instant.parse(traffic.get("first_reception").getAsString()),
                Instant.parse(traffic.get("last_reception").getAsString()));
        final String speed = String.format(Locale.ROOT, "%.3f", span.toMillis() / 3000.0);

        final long start = System.nanoTime();
        final Result live = cutover("run", estate.toString(), "--speed", speed, "--out",
                dir.resolve("live").toString());
        final long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(1, plain.status(), plain.err());
        assertEquals(1, live.status(), live.err());
        assertTrue(tookMillis >= 2900, "paced: " + tookMillis + " ms");
        final long looks = live.out().lines().filter(l -> l.startsWith("cutover: live: log time ")).count();
        assertTrue(looks >= 2, live.out());
        assertTrue(live.out().lines().filter(l -> l.startsWith("cutover: live: ")).allMatch(l -> l.matches(
                "cutover: live: log time \\S+Z, [0-9,]+ messages replayed, \\d+ of \\d+ domains diverge so far")),
                live.out());
        for (String file : new String[] {"report.json", "report.html", "divergences.csv", "junit.xml"}) {
            assertEquals(Files.readString(dir.resolve("plain").resolve(file)),
                    Files.readString(dir.resolve("live").resolve(file)), file);
        }
    }

    @Test
    void speed_max_isUnpacedWithTheSameReport() throws IOException {
        final Result plain = cutover("run", estate.toString(), "--out", dir.resolve("a").toString());
        final Result max = cutover("run", estate.toString(), "--speed", "max", "--out", dir.resolve("b").toString());

        assertEquals(plain.status(), max.status(), max.err());
        assertEquals(Files.readString(dir.resolve("a/report.json")), Files.readString(dir.resolve("b/report.json")));
    }

    @Test
    void speed_notANumberAboveZero_isAnErrorNamingIt() {
        for (String bad : new String[] {"0", "-2", "fast", "NaN", "Infinity"}) {
            final Result result = cutover("run", estate.toString(), "--speed", bad, "--out",
                    dir.resolve("bad").toString());

            assertEquals(2, result.status(), bad);
            assertTrue(result.err().contains("--speed " + bad + ": expected how many times real time to replay, "
                    + "a number above 0 such as 60, or max"), result.err());
            assertTrue(!Files.exists(dir.resolve("bad/report.json")), "nothing written");
        }
    }
}
