package dev.cutover.bench;

import dev.cutover.ingest.IngestListener;
import dev.cutover.ingest.Ingestor;
import dev.cutover.ingest.MessageCursor;
import dev.cutover.ingest.TrafficStore;
import dev.cutover.ingest.synth.MainlogSynthesizer;
import dev.cutover.ingest.synth.SynthSpec;
import dev.cutover.kumo.HarnessOptions;
import dev.cutover.kumo.LuaKumoPolicy;
import dev.cutover.kumo.MxFixture;
import dev.cutover.sim.Destinations;
import dev.cutover.sim.Engine;
import dev.cutover.sim.EngineMetrics;
import dev.cutover.sim.ObservedModel;
import dev.cutover.sim.ReceiverParameters;
import dev.cutover.sim.ReplayDriver;
import dev.cutover.sim.kumo.KumoModel;
import dev.cutover.sim.kumo.KumoParameters;
import dev.cutover.sim.momentum.ConfShaping;
import dev.cutover.sim.momentum.MomentumModel;
import dev.cutover.sim.momentum.MomentumParameters;
import dev.cutover.sim.momentum.conf.EcelerityConf;
import dev.cutover.sim.momentum.conf.FallbackOrder;
import org.openjdk.jmh.annotations.AuxCounters;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Replays a synthetic 1,000,000-message Momentum mainlog from a Chronicle Queue traffic store through the observed
 * model, the Momentum model and the KumoMTA model (the demo estate's ecelerity.conf and init.lua, executed in LuaJ),
 * each a consumer of one Disruptor ring, as {@code cutover run} replays them. The setup synthesizes and ingests the
 * log once per trial.
 *
 * <p>Run from the repository root (the demo estate's files are read from {@code scenarios/demo}):
 * <pre>
 * mvn -B -q -DskipTests package -pl jmh -am
 * java -jar jmh/target/benchmarks.jar ReplayBenchmark
 * </pre>
 * It runs the parallel collector, as {@code ./cutover} does, in a fixed heap touched before the first iteration:
 * a heap that grew mid-trial made that iteration's engine threads take page faults and doubled its time. Last
 * measured on a shared 2-core machine, four runs of {@code -f 2 -wi 3 -i 5}: 0.80 to 1.65 s per replay, means
 * 0.88, 0.97, 0.98 and 1.23 s (the last while the machine ran slower), over 1,000,000 messages per second on
 * average in three of the four (1.24 to 3.5 s, most iterations 1.24 to 1.8 s, on the same machine the same day
 * before the driver and models were made cheaper; 1.13 to 1.82 s the round before). The KumoMTA model's thread
 * sets the pace; the reader and the other two models share the other core.
 *
 * <p>The secondary results {@code policyMillis} and {@code policyCalls} say what the KumoMTA model spent in its
 * policy: Lua handlers and shaping resolution, loading included. Answers are cached per scheduled queue and per
 * (source, site), so a replay of the demo estate makes 66 calls, which took 11 to 15 ms. With
 * {@code receptionHook=true} every message also asks the policy where it is queued (its hook runs once per distinct
 * message and is then answered from a cache): 1,000,156 calls took about 120 ms of 1.18 to 1.33 s. Each
 * iteration's line gives its own figures; JMH's summary line adds them up over the iterations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {
    "-Xmx8g", "-Xms8g", "-XX:+AlwaysPreTouch", "-XX:+UseParallelGC",
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true", "-Dchronicle.announcer.disable=true"})
public class ReplayBenchmark {

    @Param("1000000")
    public long messages;

    @Param("scenarios/demo")
    public String estate;

    /**
     * Whether the policy also has an {@code smtp_server_message_received} hook (the demo's, plus one that sets the
     * campaign from a header carrying the binding), which then runs for every message through its cache.
     */
    @Param({"false", "true"})
    public boolean receptionHook;

    private Path work;
    private TrafficStore store;

    @Setup(Level.Trial)
    public void synthesizeAndIngest() throws IOException {
        System.setProperty("chronicle.analytics.disable", "true");
        work = Files.createTempDirectory("cutover-bench");
        final Path log = work.resolve("mainlog.ec");
        try (Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            new MainlogSynthesizer().write(SynthSpec.demo(1, messages), out);
        }
        store = TrafficStore.open(work.resolve("store"));
        new Ingestor().ingest(List.of(log), store, (file, line, reason, text) -> { }, new IngestListener() { });
    }

    /** What the KumoMTA model spent in its policy (Lua handlers and shaping resolution, loading included). */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class PolicyTime {
        /** Milliseconds in the policy during the replay, loading it included. */
        public long policyMillis;
        /** Calls the model made to the policy. */
        public long policyCalls;

        @Setup(Level.Iteration)
        public void reset() {
            policyMillis = 0;
            policyCalls = 0;
        }
    }

    @Benchmark
    public long replayAllModels(PolicyTime policyTime) {
        final Path folder = Path.of(estate);
        final ReceiverParameters receivers = new ReceiverParameters(250_000, 100_000);
        final MxFixture mx = MxFixture.builtIn().overriddenBy(MxFixture.load(folder.resolve("mx.toml")));
        final MomentumModel momentum = new MomentumModel(
                new ConfShaping(EcelerityConf.load(folder.resolve("momentum/ecelerity.conf")),
                        FallbackOrder.DOCUMENTATION), MomentumParameters.defaults(), receivers,
                Destinations.of(mx::siteName, mx::hostsOrImplicit));
        final long loadStart = System.nanoTime();
        final TimedPolicy policy = new TimedPolicy(LuaKumoPolicy.load(policyFile(folder), mx,
                HarnessOptions.defaults()));
        final long loadNanos = System.nanoTime() - loadStart;
        final KumoParameters defaults = KumoParameters.defaults();
        final KumoModel kumo = new KumoModel(policy, receptionHook ? defaults.withHeaders(Map.of("X-Campaign",
                "{binding}")) : defaults, receivers, 1);
        final List<Engine> engines = List.of(new ObservedModel(Destinations.of(mx::siteName)), momentum, kumo);
        try (MessageCursor cursor = store.cursor()) {
            new ReplayDriver(7L * 86_400_000_000L, Set.of()).replay(cursor::next, engines);
        }
        policyTime.policyMillis = (loadNanos + policy.nanos()) / 1_000_000L;
        policyTime.policyCalls = policy.calls();
        return delivered(momentum.metrics()) + delivered(kumo.metrics());
    }

    /** @return the demo's init.lua, or a copy of its policy folder whose init.lua also has a reception hook */
    private Path policyFile(Path folder) {
        final Path init = folder.resolve("kumo/init.lua");
        if (!receptionHook) {
            return init;
        }
        try {
            final Path kumo = Files.createDirectories(work.resolve("kumo-hook"));
            Files.copy(folder.resolve("kumo/shaping.toml"), kumo.resolve("shaping.toml"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(kumo.resolve("init.lua"), Files.readString(init) + String.join("\n", "",
                    "kumo.on('smtp_server_message_received', function(msg)",
                    "  msg:set_meta('campaign', msg:get_first_named_header_value('X-Campaign') or 'none')",
                    "  if msg:recipient().domain == 'example.invalid' then kumo.reject(550, 'no') end",
                    "end)", ""));
            return kumo.resolve("init.lua");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long delivered(EngineMetrics metrics) {
        return metrics.domains().values().stream().mapToLong(d -> d.snapshot().delivered()).sum();
    }

    @TearDown(Level.Trial)
    public void removeWork() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
