package dev.cutover.cli;

import dev.cutover.cli.report.Printable;
import dev.cutover.ingest.IngestException;
import dev.cutover.ingest.IngestInput;
import dev.cutover.ingest.Ingestor;
import dev.cutover.kumo.LuaKumoPolicy;
import dev.cutover.kumo.MxFixture;
import dev.cutover.kumo.PolicyException;
import dev.cutover.sim.momentum.MomentumShaping;
import dev.cutover.sim.momentum.conf.ConfException;
import dev.cutover.sim.momentum.conf.EcelerityConf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code cutover explain SCENARIO DOMAIN}: the KumoMTA and Momentum settings a run gives one destination domain,
 * with where each was set. Reads the configurations only; the traffic store is not opened.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Prints the settings each engine resolves for one destination domain, with the file and "
                + "section each value came from: the KumoMTA queue config and egress path config per source, "
                + "and the Momentum options per binding.",
            "Exit status: 0 done, 2 bad input or usage."})
final class ExplainCommand implements Callable<Integer> {
    /** Dot-separated labels of 1 to 63 letters, digits, hyphens or underscores (RFC 1035, with RFC 2782's _). */
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?"
            + "(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*");

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a scenario.toml, or a folder holding one")
    Path scenarioPath;

    @Parameters(index = "1", paramLabel = "DOMAIN", description = "the destination domain, such as gmail.com")
    String domain;

    @Option(names = "--source", paramLabel = "NAME",
            description = "show only this KumoMTA egress source and the Momentum binding of this name")
    String source;

    @Mixin
    ResolveMxOption resolveMx;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        final String trimmed = domain.trim().toLowerCase(Locale.ROOT);
        final String lowerDomain = trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        if (!DOMAIN.matcher(lowerDomain).matches() || lowerDomain.length() > 253) {
            throw new UserError("DOMAIN " + domain + ": expected a destination domain, such as gmail.com");
        }
        final Scenario scenario = ScenarioLoader.load(scenarioPath);
        final MxFixture mx = ScenarioConfigs.mx(scenario, resolveMx.resolver());
        final long clockMicros = firstLineMicros(scenario);
        final LuaKumoPolicy policy = ScenarioConfigs.kumoPolicy(scenario, mx, clockMicros / 1_000_000L);
        final List<String> lines;
        final List<PolicyException> failures;
        try {
            final EcelerityConf conf = ScenarioConfigs.momentumConf(scenario);
            final MomentumShaping shaping = ScenarioConfigs.momentumShaping(scenario, conf);
            final Explanation explanation = new Explanation(scenario, conf, shaping, policy, mx);
            lines = explanation.explain(lowerDomain, source, clockMicros);
            failures = explanation.failures();
        } catch (PolicyException | ConfException e) {
            throw new UserError(e.getMessage(), e);
        }
        final PrintWriter out = spec.commandLine().getOut();
        lines.forEach(out::println);
        policy.lintWithoutTraffic().forEach(finding -> out.println("lint: " + Printable.of(finding)));
        out.flush();
        if (!failures.isEmpty()) {
            // the explanation is shown whole; the exit says, as a run's would, that the policy fails
            throw new UserError(failures.get(0).getMessage() + (failures.size() > 1 ? " (and for "
                    + (failures.size() - 1) + " more binding groups)" : ""));
        }
        return 0;
    }

    /** @return the time of the earliest first line among the scenario's logs, which a run's policy clock reads */
    private static long firstLineMicros(Scenario scenario) {
        long first = Long.MAX_VALUE;
        for (IngestInput input : scenario.inputs()) {
            try {
                first = Math.min(first, Ingestor.firstLineMicros(input));
            } catch (IngestException e) {
                throw new UserError(e.getMessage(), e);
            }
        }
        return first == Long.MAX_VALUE ? 0 : first;
    }
}
