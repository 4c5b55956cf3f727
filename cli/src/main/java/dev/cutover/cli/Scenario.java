package dev.cutover.cli;

import dev.cutover.ingest.IngestInput;
import dev.cutover.ingest.LogSource;
import dev.cutover.sim.ReceiverParameters;
import dev.cutover.sim.compare.Tolerances;
import dev.cutover.sim.momentum.conf.FallbackOrder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scenario file, its paths resolved against the file's folder.
 *
 * @param file             the scenario.toml
 * @param name             display name
 * @param seed             seed of every random choice the models make
 * @param mainlogs         mainlog files with the cluster node that wrote each ("" for a single node), in the order
 *                         given (globs expanded, sorted by name within a glob)
 * @param bouncelogs       bouncelog files with their nodes, read alongside the mainlogs for the bounce class of
 *                         failed attempts; possibly empty
 * @param customLogs       custom_logger stage files with their stages, formats and nodes, in the order given;
 *                         possibly empty
 * @param bindingGroups    binding groups to replay; empty for all
 * @param store            the traffic store folder
 * @param momentumConfig   the ecelerity.conf
 * @param fallbackOrder    Momentum option fallback order
 * @param adaptiveRules    Adaptive Delivery rules files (msys.adaptive.registerRules), in the order they run
 * @param kumoPolicy       the init.lua
 * @param mxFixture        the MX fixture, or null for the built-in one
 * @param kumoHelpers      the folder of KumoMTA's shipped helpers (an installation's /opt/kumomta/share, holding
 *                         policy-extras/), or null for cutover's own policy-extras modules
 * @param kumoPaths        production folders the policy names to the local folders standing for them
 *                         ({@code [kumomta.paths]}); possibly empty
 * @param kumoEnv          what the policy's {@code os.getenv} answers ({@code [kumomta.env]}); possibly empty
 * @param restViaHttp      whether messages Momentum received through its REST API reach kumod through its HTTP
 *                         injection API ({@code http_message_generated}) rather than over SMTP
 * @param httpAuth         the template of the {@code http_auth} meta those messages carry ({@code [kumomta]
 *                         http_auth}; {@code {binding_group}} and {@code {binding}} stand for the log's fields)
 * @param tenantField      which log field becomes the KumoMTA tenant
 * @param headerFields     header name to the template of the value a message carries in it at reception, for a
 *                         policy's {@code smtp_server_message_received} ({@code {binding_group}} and
 *                         {@code {binding}} stand for the log's fields); possibly empty
 * @param tsa              whether Traffic Shaping Automation acts in the KumoMTA model: {@code auto} (when the
 *                         policy publishes its logs to a TSA daemon), {@code on} or {@code off}
 * @param receivers        receiver latencies
 * @param receiverModel    {@code recorded}: each attempt gets its recorded answer; {@code capacity}: a site also
 *                         defers what goes over the rate it accepted in the log
 *                         ({@link dev.cutover.sim.CapacityReceiver})
 * @param capacityOverrides site, or a domain standing for its site, to messages per minute, replacing the log's
 *                         figure
 * @param connectionCapacities site, or a domain standing for its site, to the connections it accepts at once from
 *                         one engine; no limit for a site absent here
 * @param tolerances       per-metric tolerances
 * @param drainAllowanceMicros how long after the log ends the models may keep delivering
 * @param rateWindowMinutes    window of the sustained delivery rate compared between engines
 */
public record Scenario(
        Path file,
        String name,
        long seed,
        List<LogSource> mainlogs,
        List<LogSource> bouncelogs,
        List<IngestInput> customLogs,
        Set<String> bindingGroups,
        Path store,
        Path momentumConfig,
        FallbackOrder fallbackOrder,
        List<Path> adaptiveRules,
        Path kumoPolicy,
        Path mxFixture,
        Path kumoHelpers,
        Map<String, Path> kumoPaths,
        Map<String, String> kumoEnv,
        boolean restViaHttp,
        String httpAuth,
        String tenantField,
        Map<String, String> headerFields,
        String tsa,
        ReceiverParameters receivers,
        String receiverModel,
        Map<String, Long> capacityOverrides,
        Map<String, Long> connectionCapacities,
        Tolerances tolerances,
        long drainAllowanceMicros,
        int rateWindowMinutes) {

    /** @return the mainlog files, without their nodes, in the order given */
    public List<Path> logs() {
        return mainlogs.stream().map(LogSource::path).toList();
    }

    /** @return every input file and how it is read, mainlogs first: what the traffic store must hold. */
    public List<IngestInput> inputs() {
        final List<IngestInput> inputs = new ArrayList<>();
        mainlogs.forEach(log -> inputs.add(IngestInput.mainlog(log)));
        bouncelogs.forEach(log -> inputs.add(IngestInput.bouncelog(log)));
        inputs.addAll(customLogs);
        return inputs;
    }

    /** @return the folder holding the scenario file. */
    public Path folder() {
        return file.toAbsolutePath().getParent();
    }
}
