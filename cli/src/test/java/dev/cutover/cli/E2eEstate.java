package dev.cutover.cli;

import dev.cutover.ingest.synth.DomainBehaviour;
import dev.cutover.ingest.synth.MainlogSynthesizer;
import dev.cutover.ingest.synth.RetrySchedule;
import dev.cutover.ingest.synth.SynthSpec;

import java.io.IOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static dev.cutover.cli.CommandRuns.copy;

/**
 * The small estate the end-to-end tests run: the scenario under {@code /e2e} with a synthetic two-hour log of
 * 6,000 messages to gmail.com, yahoo.com and aol.com from two bindings.
 */
final class E2eEstate {

    private E2eEstate() {
    }

    /** @return the estate, made in {@code dir} */
    static Path create(Path dir) throws IOException, URISyntaxException {
        System.setProperty("chronicle.analytics.disable", "true");
        final Path estate = dir.resolve("estate");
        copy(Path.of(E2eEstate.class.getResource("/e2e/scenario.toml").toURI()).getParent(), estate);
        Files.createDirectories(estate.resolve("logs"));
        try (Writer out = Files.newBufferedWriter(estate.resolve("logs/mainlog.ec"), StandardCharsets.UTF_8)) {
            new MainlogSynthesizer().write(spec(), out);
        }
        return estate;
    }

    /** @return a copy of {@code estate} at {@code copy}, with {@code file} rewritten by {@code edit} */
    static Path copyEditing(Path estate, Path copy, String file, UnaryOperator<String> edit) throws IOException {
        copy(estate, copy);
        Files.writeString(copy.resolve(file), edit.apply(Files.readString(copy.resolve(file))));
        return copy;
    }

    private static SynthSpec spec() {
        final Map<String, Double> mix = new LinkedHashMap<>();
        mix.put("gmail.com", 40.0);
        mix.put("yahoo.com", 40.0);
        mix.put("aol.com", 20.0);
        final Map<String, DomainBehaviour> behaviours = Map.of(
                "gmail.com", new DomainBehaviour(0.03, 0.01, 60, 20),
                "yahoo.com", new DomainBehaviour(0.05, 0.01, 60, 20),
                "aol.com", new DomainBehaviour(0.02, 0.01, 300, 20));
        return new SynthSpec(11, SynthSpec.DEMO_START_EPOCH_SECONDS, 7200, 6000, "pool",
                List.of("pool-a", "pool-b"), mix, behaviours, 1.0, RetrySchedule.MOMENTUM_DEFAULT);
    }
}
