package dev.cutover.bench;

import dev.cutover.ingest.IngestListener;
import dev.cutover.ingest.IngestResult;
import dev.cutover.ingest.Ingestor;
import dev.cutover.ingest.MainlogParser;
import dev.cutover.ingest.ParsedLine;
import dev.cutover.ingest.TrafficStore;
import dev.cutover.ingest.synth.MainlogSynthesizer;
import dev.cutover.ingest.synth.SynthSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Parses and ingests a synthetic Momentum mainlog of {@code messages} messages (the demo spec, about two
 * lines per message). {@code parseOnly} runs {@link MainlogParser#parse} over every line held in memory;
 * {@code ingestToStore} runs the whole {@link Ingestor#ingest} (read, decode, parse, join, append) into a
 * fresh traffic store per invocation. Lines per second = lines in the log / the measured time.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -B -q -DskipTests package -pl jmh -am
 * java -jar jmh/target/benchmarks.jar IngestBenchmark
 * </pre>
 * Last measured on a 2-core machine, 500,000 messages (1,022,357 lines), two forks of ten iterations: parse only
 * 242 ± 3 ms (about 4.2 million lines per second, every field kept), whole ingest 905 ± 47 ms (about 1.13 million
 * lines per second: read, parse, join, Chronicle append and the final save of the ingest state, on one thread). The
 * machine is shared: on a busy day the whole ingest has measured means up to 1.2 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 2, jvmArgsAppend = {
    "-Xmx2g",
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true", "-Dchronicle.announcer.disable=true"})
public class IngestBenchmark {

    @Param("500000")
    public long messages;

    private Path work;
    private Path log;
    private List<String> lines;
    private Path storeFolder;
    private TrafficStore store;

    @Setup(Level.Trial)
    public void synthesize() throws IOException {
        System.setProperty("chronicle.analytics.disable", "true");
        work = Files.createTempDirectory("cutover-ingest-bench");
        log = work.resolve("mainlog.ec");
        try (Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            new MainlogSynthesizer().write(SynthSpec.demo(1, messages), out);
        }
        lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    @Setup(Level.Invocation)
    public void openFreshStore() throws IOException {
        storeFolder = Files.createTempDirectory(work, "store");
        store = TrafficStore.open(storeFolder);
    }

    @Benchmark
    public void parseOnly(Blackhole sink) {
        final MainlogParser parser = new MainlogParser();
        for (String line : lines) {
            final ParsedLine parsed = parser.parse(line);
            sink.consume(parsed);
        }
    }

    @Benchmark
    public IngestResult ingestToStore() {
        return new Ingestor().ingest(List.of(log), store, (file, line, reason, text) -> { }, new IngestListener() { });
    }

    @TearDown(Level.Invocation)
    public void removeStore() throws IOException {
        store.close();
        delete(storeFolder);
    }

    @TearDown(Level.Trial)
    public void removeWork() throws IOException {
        delete(work);
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
