package dev.cutover.cli;

import dev.cutover.cli.report.LiveLook;
import dev.cutover.cli.report.RehearsalResult;
import dev.cutover.cli.report.TrafficSummary;
import dev.cutover.ingest.FollowControl;
import dev.cutover.ingest.IngestException;
import dev.cutover.ingest.IngestListener;
import dev.cutover.ingest.IngestOptions;
import dev.cutover.ingest.IngestResult;
import dev.cutover.ingest.LiveFeed;
import dev.cutover.ingest.MessageCursor;
import dev.cutover.ingest.MessageRecord;
import dev.cutover.ingest.Ingestor;
import dev.cutover.ingest.ReceptionOrderJoiner;
import dev.cutover.ingest.RejectReason;
import dev.cutover.ingest.TrafficStore;
import dev.cutover.kumo.LuaKumoPolicy;
import dev.cutover.kumo.MxFixture;
import dev.cutover.kumo.PolicyException;
import dev.cutover.kumo.SpecException;
import dev.cutover.sim.CapacityReceiver;
import dev.cutover.sim.Destinations;
import dev.cutover.sim.Engine;
import dev.cutover.sim.EngineFigures;
import dev.cutover.sim.ObservedModel;
import dev.cutover.sim.ReplayDriver;
import dev.cutover.sim.SiteCapacities;
import dev.cutover.sim.SiteCapacity;
import dev.cutover.sim.compare.Comparator;
import dev.cutover.sim.compare.DomainComparison;
import dev.cutover.sim.kumo.KumoModel;
import dev.cutover.sim.kumo.KumoParameters;
import dev.cutover.sim.momentum.AdaptiveDelivery;
import dev.cutover.sim.momentum.AdaptiveModule;
import dev.cutover.sim.momentum.AdaptiveParameters;
import dev.cutover.sim.momentum.AdaptiveRules;
import dev.cutover.sim.momentum.MomentumModel;
import dev.cutover.sim.momentum.MomentumParameters;
import dev.cutover.sim.momentum.conf.ConfException;
import dev.cutover.sim.momentum.conf.EcelerityConf;
import dev.cutover.sim.momentum.conf.HostStanzas;
import dev.cutover.sim.momentum.conf.Misspellings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One scenario, end to end: ingest what the store lacks, load both configurations, replay the store through the
 * observed, Momentum and KumoMTA engines, and compare them.
 */
final class Rehearsal {
    private final Scenario scenario;
    private final IngestListener listener;
    private final Consumer<String> notices;
    private EcelerityConf conf;
    private List<String> unusedCapacities = List.of();
    private AdaptiveRules adaptiveRules = AdaptiveRules.NONE;
    private LuaKumoPolicy policy;
    private KumoModel kumo;
    private List<IngestResult.HeldBackLine> heldBackLines = List.of();
    /** Stragglers replayed as they stepped out of reception order, when following; -1 otherwise. */
    private long steppedOut = -1;
    private DnsMxResolver dns;
    private Map<String, SiteCapacity> capacities;
    private CapacityReceiver momentumReceiver;
    private CapacityReceiver kumoReceiver;
    private double liveSpeed;
    private Consumer<LiveLook> liveView;
    private BooleanSupplier liveStopped;

    Rehearsal(Scenario scenario, IngestListener listener) {
        this(scenario, listener, notice -> { });
    }

    /**
     * @param notices receives what the user should know as it happens but that is not part of the report, such as
     *                a store emptied to be filled again (the report stays the same whatever the store's history)
     */
    Rehearsal(Scenario scenario, IngestListener listener, Consumer<String> notices) {
        this.scenario = scenario;
        this.listener = listener;
        this.notices = notices;
    }

    /**
     * Looks up in DNS the MX hosts of the domains the MX data lacks ({@code --resolve-mx}).
     *
     * @return this rehearsal
     */
    Rehearsal resolvingMx(DnsMxResolver resolver) {
        this.dns = resolver;
        return this;
    }

    /**
     * Paces the replay of the stored traffic at {@code speed} times real time, and gives {@code view} a look at the
     * comparison so far once a second, also while following the logs ({@code --speed}).
     *
     * @param speed   above 0; infinite for as fast as the engines go
     * @param stopped true once the process was interrupted: the replay then finishes without waiting or looking
     * @return this rehearsal
     */
    Rehearsal live(double speed, Consumer<LiveLook> view, BooleanSupplier stopped) {
        this.liveSpeed = speed;
        this.liveView = view;
        this.liveStopped = stopped;
        return this;
    }

    /** Names a note lists before it counts the rest, so that an estate of thousands of domains keeps it short. */
    static final int MAX_LISTED = 20;

    /** @return the first {@value #MAX_LISTED} names, joined, and how many more there are */
    static String listed(Collection<String> names) {
        final String shown = names.stream().limit(MAX_LISTED).collect(Collectors.joining(", "));
        return names.size() <= MAX_LISTED ? shown
                : String.format(Locale.ROOT, "%s and %,d more", shown, names.size() - MAX_LISTED);
    }

    /** Lines of policy output the report keeps, so that a chatty policy cannot flood it. */
    private static final int MAX_POLICY_NOTES = 50;

    /** How long a message still open may hold a following replay back, in log time, by default: an hour. */
    static final long DEFAULT_LAG_MICROS = 3_600_000_000L;

    /** Ingests what the store lacks, then replays the whole store. */
    RehearsalResult run(Path rejectsFile) {
        return run(rejectsFile, null, DEFAULT_LAG_MICROS);
    }

    /**
     * Replays the store and then follows the scenario's logs, replaying each message as the ingest joins it (see
     * {@link LiveFeed} and {@link EngineFeed}), until {@code follow} stops; the messages still open then are
     * replayed as they are.
     *
     * @param follow    paces the following ingest, or null to ingest what the store lacks and replay it all
     * @param lagMicros how long a message still open may hold the replay back, in log time
     */
    RehearsalResult run(Path rejectsFile, FollowControl follow, long lagMicros) {
        if (follow != null && !scenario.customLogs().isEmpty()) {
            throw new UserError(scenario.file().getFileName() + ": a replay cannot follow custom logs, whose messages "
                    + "are rebuilt from delivery lines that may come days after the reception; leave out --follow");
        }
        final MxFixture mx = ScenarioConfigs.mx(scenario, dns);
        final Destinations destinations = Destinations.of(mx::siteName, mx::hostsOrImplicit);
        final MomentumModel momentum = momentumModel(destinations);
        final ObservedModel observed = new ObservedModel(destinations);
        // A rate-sensitive receiver moves both compared models away from the log; the noise floor then comes from
        // a Momentum model that got the recorded answers, so the receiver's effects are not taken for noise.
        final MomentumModel calibration = scenario.receiverModel().equals("capacity")
                ? momentumModel(destinations) : momentum;
        // The KumoMTA model, the costliest, comes last: on a small machine the driver gives it a thread of its own.
        final EngineFeed feed = new EngineFeed(new ReplayDriver(scenario.drainAllowanceMicros(),
                scenario.bindingGroups()), firstMicros -> calibration == momentum
                ? List.of(observed, momentum, kumoModel(mx, firstMicros))
                : List.of(observed, momentum, calibration, kumoModel(mx, firstMicros)), lagMicros);
        final Comparator comparator = new Comparator(scenario.tolerances(), scenario.rateWindowMinutes());
        if (liveView != null) {
            feed.pacedBy(new LivePace(liveSpeed, () -> look(feed, comparator, observed, momentum, calibration),
                    liveStopped));
        }
        try (ScenarioStore store = ScenarioStore.open(scenario.store(), scenario.inputs(), follow != null)) {
            if (store.rebuiltBecause() != null) {
                notices.accept("the traffic store was emptied to be filled again from the logs: "
                        + store.rebuiltBecause());
            }
            final ReplayDriver.ReplaySummary replay = replay(() -> {
                if (follow == null) {
                    ingest(store.traffic(), rejectsFile, IngestOptions.defaults());
                    capacities(store.traffic(), destinations, momentum);
                    feed.replay(store.traffic().cursor());
                } else {
                    capacities(store.traffic(), destinations, momentum);
                    follow(store.traffic(), rejectsFile, follow, feed, mx);
                }
                return feed.finish();
            }, feed);
            requireTraffic(replay);
            ScenarioConfigs.rejectShapingErrors(scenario, policy);
            final List<DomainComparison> domains = comparator.compare(observed.metrics(), momentum.metrics(),
                    kumo.metrics(), calibration.metrics());
            return new RehearsalResult(scenario.name(), scenario.seed(), traffic(replay, rejectsFile),
                    domains, parameters(momentum), notes(mx, policy, momentum, rejectsFile), lint(),
                    scenario.rateWindowMinutes(), scenario.tolerances().absoluteFloor());
        }
    }

    /** @return the policy's lint, with the settings the traffic's domains sharing a site never got */
    private List<String> lint() {
        final List<String> lint = new ArrayList<>(policy.lint());
        lint.addAll(kumo.findings());
        return lint;
    }

    /** Compares the engines as they stand, each frozen on its own thread at the same point of the traffic. */
    private void look(EngineFeed feed, Comparator comparator, Engine observed, Engine momentum, Engine calibration) {
        if (!feed.started()) {
            return;
        }
        final int window = scenario.rateWindowMinutes();
        final Map<Engine, EngineFigures> figures = feed.probe(engine -> engine.figures(window));
        liveView.accept(new LiveLook(scenario.name(), feed.newestPublishedMicros(), feed.messages(),
                comparator.compare(figures.get(observed), figures.get(momentum), figures.get(kumo),
                        figures.get(calibration))));
    }

    /**
     * Replays what the store holds so far, follows the logs while the ingest joins their messages, and at the end
     * replays the messages the ingest left open. An empty store loads the policy once up front, so a mistake in it
     * is reported before following starts rather than with the first message.
     */
    private void follow(TrafficStore store, Path rejectsFile, FollowControl follow, EngineFeed feed, MxFixture mx) {
        final long steppedOutBefore = store.pendingStragglers();
        feed.replay(store.cursorBeforeFollowing());
        if (!feed.started()) {
            ScenarioConfigs.kumoPolicy(scenario, mx, 0);
        }
        ingest(store, rejectsFile, IngestOptions.defaults().withFollow(liveView == null ? follow
                : lookingBetweenPolls(follow, feed)).withLive(feed));
        feed.flush();
        feed.replay(store.cursorAfterFollowing());
        steppedOut = steppedOutBefore + feed.steppedOutCount();
    }

    /** @return {@code follow}, with a look at the replay when one is due before every wait for the files */
    private static FollowControl lookingBetweenPolls(FollowControl follow, EngineFeed feed) {
        return new FollowControl() {
            @Override
            public boolean awaitMore() {
                feed.tick();
                return follow.awaitMore();
            }

            @Override
            public boolean stopRequested() {
                return follow.stopRequested();
            }

            @Override
            public long saveIntervalNanos() {
                return follow.saveIntervalNanos();
            }
        };
    }

    private void ingest(TrafficStore store, Path rejectsFile, IngestOptions options) {
        try (RejectsFile rejects = new RejectsFile(rejectsFile)) {
            final long holdBack = scenario.customLogs().isEmpty() ? 0
                    : ReceptionOrderJoiner.DEFAULT_MAX_MESSAGE_AGE_MICROS;
            heldBackLines = Ingestor.ingestInputs(scenario.inputs(), store, rejects, listener,
                    options.withHoldBack(holdBack)).heldBackLines();
        } catch (IngestException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** Runs {@code work}, which drives the replay, and turns a mistake in a configuration into bad input. */
    private ReplayDriver.ReplaySummary replay(Supplier<ReplayDriver.ReplaySummary> work, EngineFeed feed) {
        try {
            return work.get();
        } catch (ReplayDriver.ReplayException e) {
            final Throwable cause = e.getCause();
            if (cause instanceof PolicyException || cause instanceof ConfException || cause instanceof SpecException) {
                throw new UserError(cause.getMessage(), cause);
            }
            throw e;
        } catch (RuntimeException | Error e) {
            feed.abandon();
            throw e;
        }
    }

    private KumoModel kumoModel(MxFixture mx, long firstReceptionMicros) {
        policy = ScenarioConfigs.kumoPolicy(scenario, mx, firstReceptionMicros / 1_000_000L);
        kumo = new KumoModel(policy, kumoParameters(policy), scenario.receivers(), scenario.seed());
        if (capacities != null) {
            kumo.receivedBy(kumoReceiver = new CapacityReceiver(capacities));
        }
        return kumo;
    }

    /**
     * With the rate-sensitive receiver, reads what each site accepted from the replayed traffic the store holds (a
     * pass before the replay; when following, what it holds before following) and gives the Momentum model its
     * receiver; the KumoMTA model gets its own when it is made.
     */
    private void capacities(TrafficStore store, Destinations destinations, MomentumModel momentum) {
        if (!scenario.receiverModel().equals("capacity")) {
            return;
        }
        final SiteCapacities observed = new SiteCapacities(destinations);
        try (MessageCursor cursor = store.cursor()) {
            for (MessageRecord record = cursor.next(); record != null; record = cursor.next()) {
                if (scenario.bindingGroups().isEmpty() || scenario.bindingGroups().contains(record.bindingGroup())) {
                    observed.observe(record);
                }
            }
        }
        try {
            capacities = observed.build(scenario.capacityOverrides(), scenario.connectionCapacities());
        } catch (IllegalArgumentException e) {
            throw new UserError(scenario.file().getFileName() + ": [receivers.capacity]: " + e.getMessage());
        }
        unusedCapacities = observed.unused();
        momentum.receivedBy(momentumReceiver = new CapacityReceiver(capacities));
    }

    private void requireTraffic(ReplayDriver.ReplaySummary replay) {
        if (replay.messages() > 0) {
            return;
        }
        if (replay.filteredMessages() > 0) {
            throw new UserError(scenario.file().getFileName() + ": [traffic] binding_groups "
                    + scenario.bindingGroups() + " matched none of the " + replay.filteredMessages()
                    + " messages in the logs");
        }
        throw new UserError(scenario.file().getFileName() + ": the logs hold no complete message to replay");
    }

    private MomentumModel momentumModel(Destinations destinations) {
        conf = ScenarioConfigs.momentumConf(scenario);
        final MomentumModel model = new MomentumModel(ScenarioConfigs.momentumShaping(scenario, conf),
                MomentumParameters.defaults(), scenario.receivers(), destinations);
        adaptiveRules = ScenarioConfigs.adaptiveRules(scenario);
        model.adaptWith(new AdaptiveDelivery(adaptiveRules, AdaptiveParameters.defaults(), scenario.seed()));
        return model;
    }

    private void noteAdaptive(List<String> notes, MomentumModel momentum) {
        final String confName = scenario.momentumConfig().getFileName().toString();
        if (momentum.adaptiveQueues() == 0 && !scenario.adaptiveRules().isEmpty()) {
            notes.add("momentum: Adaptive Delivery rules were given, but " + confName + " sets adaptive_enabled for "
                    + "no queue the traffic used, so no rule applied");
        }
        if (momentum.adaptiveQueues() > 0 && scenario.adaptiveRules().isEmpty()) {
            notes.add("momentum: " + confName + " enables Adaptive Delivery, but the scenario names no rules file; "
                    + "in production Momentum's own adaptive_rules.lua applies: give it, and any custom rules, "
                    + "with [momentum] adaptive_rules");
        }
        adaptiveRules.notes().forEach(note -> notes.add("momentum: " + note));
        final AdaptiveDelivery.BounceSweeps sweeps = momentum.bounceSweeps();
        if (sweeps.sweeps() > 0 && sweeps.overThreshold() == 0 && momentum.adaptiveModule() != null) {
            notes.add("momentum: no binding::domain had adaptive_attempt_threshold ("
                    + momentum.adaptiveModule().attemptThreshold() + ") attempts within a bounce_sweep_interval ("
                    + momentum.adaptiveModule().bounceSweepIntervalSeconds() + " s), the most was "
                    + sweeps.mostAttempts() + ", so no bounce sweep rule acted in " + sweeps.sweeps() + " sweeps");
        }
        final boolean holds = momentum.adaptiveEvents().values().stream().flatMap(events -> events.keySet().stream())
                .anyMatch(event -> event.contains("-> suspend ") || event.contains("-> blackhole "));
        if (holds) {
            notes.add("momentum: Adaptive Delivery acts on the answers the log recorded, which come again whatever "
                    + "the pace: a rule that suspends or blackholes on a deferral the receiver gave anyway fires "
                    + "again after each pause, so read such results as the worst case");
        }
    }

    /** Traffic on a binding or group the conf never declares falls back to global settings in the model. */
    private void noteUndeclared(List<String> notes, String group, Set<String> bindings) {
        final String confName = scenario.momentumConfig().getFileName().toString();
        if (!group.isEmpty() && conf.bindingGroup(group).isEmpty()) {
            notes.add(confName + " declares no Binding_Group \"" + group + "\", which the logs use; its queues take "
                    + "global settings");
        }
        for (String binding : bindings) {
            if (conf.bindingGroupOf(binding).isEmpty() && conf.global().binding(binding).isEmpty()) {
                notes.add(confName + " declares no Binding \"" + binding + "\", which the logs use; its queues take "
                        + "the settings of its group or the global ones");
            }
        }
    }

    /** @return how many attempts {@code receiver} deferred, with the sites that deferred most */
    private static String deferrals(CapacityReceiver receiver) {
        return receiver == null ? "none" : bySite(receiver.deferredBySite());
    }

    private static String refusals(CapacityReceiver receiver) {
        return receiver == null ? "none" : bySite(receiver.refusedBySite());
    }

    /** @return the total and the five sites with the most, or "none" */
    private static String bySite(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        final long total = counts.values().stream().mapToLong(Long::longValue).sum();
        final int sites = counts.size();
        return total + " (" + (sites > 5 ? "the 5 of " + sites + " sites that deferred most: " : "")
                + counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5).map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "))
                + ")";
    }

    private KumoParameters kumoParameters(LuaKumoPolicy loaded) {
        return KumoParameters.defaults().withTenantField(scenario.tenantField())
                .withHeaders(scenario.headerFields()).withTsa(tsa(loaded)).withRestViaHttp(scenario.restViaHttp())
                .withHttpAuth(scenario.httpAuth());
    }

    /** @return whether TSA acts in the KumoMTA model: as the scenario says, else when the policy publishes to TSA */
    private boolean tsa(LuaKumoPolicy loaded) {
        return scenario.tsa().equals("auto") ? loaded.publishesToTsa() : scenario.tsa().equals("on");
    }

    /** Figures from the store and its rejects file, so a run over an already-ingested store reports the same. */
    private static TrafficSummary traffic(ReplayDriver.ReplaySummary replay, Path rejectsFile) {
        final long[] rejects = RejectsFile.count(rejectsFile, RejectReason.ORPHAN_ATTEMPT);
        return new TrafficSummary(replay.messages(), rejects[1], rejects[0], replay.noFinalOutcome(),
                replay.filteredMessages(), replay.firstReceptionMicros(), replay.lastReceptionMicros());
    }

    private Map<String, String> parameters(MomentumModel momentum) {
        final Map<String, String> parameters = new LinkedHashMap<>();
        final MomentumParameters m = MomentumParameters.defaults();
        parameters.put("momentum.fallback_order", scenario.fallbackOrder().name().toLowerCase());
        parameters.put("momentum.delayed_queue_scan_interval", m.delayedQueueScanMicros() / 1_000_000 + "s");
        parameters.put("momentum.connection_ramp", "normal " + m.normalRampCoefficient() + ", high "
                + m.highRampCoefficient());
        if (momentum.adaptiveQueues() > 0 || !scenario.adaptiveRules().isEmpty()) {
            final AdaptiveParameters a = AdaptiveParameters.defaults();
            final AdaptiveModule timers = momentum.adaptiveModule();
            parameters.put("momentum.adaptive_delivery", momentum.adaptiveQueues() + " (binding, domain) queue(s) "
                    + "with adaptive_enabled; rules from " + (adaptiveRules.files().isEmpty() ? "no file"
                    : String.join(", ", adaptiveRules.files())) + "; throttle down multiplies by "
                    + a.throttleDownFactor() + ", bindings taken as " + a.bindingAgeSeconds() / 86_400
                    + " days old; adjustments at most every " + timers.adjustmentIntervalSeconds()
                    + "s, increases every " + timers.positiveAdjustmentIntervalSeconds() + "s, suspensions swept every "
                    + timers.suspendSweepIntervalSeconds() + "s, spread over " + timers.retryFuzzSeconds()
                    + "s; bounce sweep rules every " + timers.bounceSweepIntervalSeconds() + "s once a binding and "
                    + "domain has " + timers.attemptThreshold() + " attempts (" + timers.location() + ")"
                    + (scenario.bouncelogs().isEmpty() ? "; no bouncelog, so no bounce has a class and no bounce sweep "
                    + "rule acts" : ""));
        }
        parameters.put("kumomta.tenant", scenario.tenantField());
        parameters.put("kumomta.rest_injections", scenario.restViaHttp()
                ? "http: messages Momentum received through its REST API reach http_message_generated"
                : "smtp: messages Momentum received through its REST API reach smtp_server_message_received");
        if (scenario.restViaHttp()) {
            parameters.put("kumomta.http_auth", scenario.httpAuth() + (scenario.httpAuth().equals(
                    KumoParameters.DEFAULT_HTTP_AUTH) ? " (the log names no API user: an injector on kumod's host, "
                    + "which the default trusted_hosts admit)" : " (scenario)"));
        }
        final KumoParameters kumoParameters = KumoParameters.defaults();
        parameters.put("kumomta.tsa", (tsa(policy) ? "on" : "off") + (scenario.tsa().equals("auto")
                ? " (the policy " + (tsa(policy) ? "publishes" : "publishes no") + " delivery logs to a TSA daemon)"
                : " (scenario)") + (tsa(policy) ? "; suspensions and bounces take effect "
                + kumoParameters.tsaActionDelayMicros() / 1_000_000 + "s after the response, SetConfig "
                + kumoParameters.tsaConfigDelayMicros() / 1_000_000 + "s after it" : ""));
        if (dns != null) {
            parameters.put("kumomta.mx", "MX data, then this machine's DNS (--resolve-mx)");
        }
        if (!scenario.headerFields().isEmpty()) {
            parameters.put("kumomta.headers", scenario.headerFields().toString());
        }
        parameters.put("kumomta.policy_clock", "os.time() in the policy reads the first reception time");
        parameters.put("kumomta.policy_random", "math.random in the policy is seeded from the scenario seed");
        parameters.put("kumomta.timer_wheel_tick", KumoParameters.defaults().timerWheelTickMicros() / 1_000_000 + "s");
        parameters.put("receivers.smtp_latency", scenario.receivers().smtpLatencyMicros() / 1000 + "ms");
        parameters.put("receivers.connect_latency", scenario.receivers().connectLatencyMicros() / 1000 + "ms");
        parameters.put("receivers.model", capacities == null ? "recorded outcomes replayed per attempt"
                : "recorded outcomes replayed per attempt; a site defers, with its most frequent recorded deferral, "
                + "what goes over the messages per minute it accepted in its busiest minute of the log");
        parameters.put("replay.drain_allowance", scenario.drainAllowanceMicros() / 1_000_000 + "s");
        parameters.put("tolerance.rate_window", scenario.rateWindowMinutes() + "m");
        parameters.put("tolerance.absolute_floor", String.valueOf(scenario.tolerances().absoluteFloor()));
        parameters.put("tolerance.noise_floor", capacities == null ? "the Momentum model's distance from the log"
                : "the distance from the log of a Momentum model given the recorded answers only, replayed beside "
                + "the compared ones");
        parameters.put("connections.counted_per", "destination MX site (domains sharing MX hosts together)");
        return parameters;
    }

    private List<String> notes(MxFixture mx, LuaKumoPolicy policy, MomentumModel momentum, Path rejectsFile) {
        final List<String> notes = new ArrayList<>();
        RejectsFile.places(rejectsFile, RejectReason.COMPRESSED_DATA_DAMAGED).forEach(place -> notes.add(place
                + ": the compressed data is damaged here (cut short or corrupted), and whatever the file held from "
                + "here on is missing from the replay"));
        if (steppedOut > 0) {
            notes.add("the replay followed the logs live: " + steppedOut + " message(s) still open long after "
                    + "reception (past the --lag) were replayed with the attempts logged by then; run without --follow "
                    + "to replay them whole");
        }
        heldBackLines.forEach(line -> notes.add("a half-written last line was left out, to be read once it is "
                + "finished: " + line.file().getFileName() + ":" + line.lineNumber() + " (" + line.bytes()
                + " bytes)"));
        momentum.bindingsByGroup().forEach((group, bindings) -> noteUndeclared(notes, group, bindings));
        scenario.bindingGroups().stream().filter(group -> !momentum.bindingsByGroup().containsKey(group)).sorted()
                .forEach(group -> notes.add(scenario.file().getFileName() + ": [traffic] binding_groups names \""
                        + group + "\", of which the logs hold no message"));
        noteAdaptive(notes, momentum);
        Misspellings.of(conf).forEach(found -> notes.add("momentum: " + found));
        HostStanzas.of(conf).forEach(found -> notes.add("momentum: " + found));
        if (!mx.nullMxDomains().isEmpty()) {
            notes.add(mx.nullMxDomains().size() + " domain(s) have a null MX in the MX data, so they accept no mail "
                    + "and kumod would bounce their messages at once; both models replay the outcomes the log shows: "
                    + listed(mx.nullMxDomains()));
        }
        if (!mx.unknownDomains().isEmpty()) {
            notes.add(mx.unknownDomains().size() + " domain(s) have no MX " + (dns == null ? "data" : "record")
                    + "; each is its own site (implicit MX): " + listed(mx.unknownDomains()));
        }
        if (dns != null && !dns.failed().isEmpty()) {
            notes.add(dns.failed().size() + " domain(s) could not be looked up in DNS; kumod would defer their "
                    + "messages until they expire, while the replay sends them to the domain itself: "
                    + listed(dns.failed()));
        }
        if (capacities != null) {
            notes.add("receivers: " + capacities.size() + " site(s) with a recorded rate; deferred for going over "
                    + "it: Momentum " + deferrals(momentumReceiver) + ", KumoMTA " + deferrals(kumoReceiver));
            if (!unusedCapacities.isEmpty()) {
                notes.add("receivers: [receivers.capacity] names site(s) the log shows no attempt to, so their "
                        + "figures act on nothing: " + listed(unusedCapacities));
            }
            final long limited = capacities.values().stream().filter(c -> c.connections() > 0).count();
            if (limited > 0) {
                notes.add("receivers: " + limited + " site(s) with a connection limit set in the scenario; attempts "
                        + "refused for going over it (a refused connection never opens): Momentum "
                        + refusals(momentumReceiver) + ", KumoMTA " + refusals(kumoReceiver));
            }
        }
        final List<String> warnings = policy.warnings();
        warnings.stream().limit(MAX_POLICY_NOTES).forEach(w -> notes.add("policy: " + w));
        final long more = Math.max(0, warnings.size() - MAX_POLICY_NOTES) + policy.droppedOutput();
        if (more > 0) {
            notes.add("policy: " + more + " more lines of policy output (kumo.log_*, print and shaping warnings) "
                    + "left out");
        }
        final long rules = policy.shapingData().stream().mapToLong(data -> data.automationRules().size()).sum();
        if (rules > 0 && !tsa(policy)) {
            notes.add("policy: the shaping files hold " + rules + " automation rule(s), but " + (policy.publishesToTsa()
                    ? "the scenario turns TSA off ([kumomta] tsa = \"off\")" : "the policy publishes no delivery "
                    + "logs to a TSA daemon (set [kumomta] tsa = \"on\" to see them act)") + ", so none of them acts");
        }
        if (tsa(policy) && !policy.publishesToTsa()) {
            notes.add("TSA acts because the scenario says tsa = \"on\", though the policy publishes no delivery logs "
                    + "to a TSA daemon and subscribes to none: kumod would apply none of these rules as it stands");
        }
        if (tsa(policy) && rules > 0) {
            notes.add("TSA acts on the answers the log recorded, which come again whatever the pace: a rule that "
                    + "suspends or bounces on a deferral the receiver gave anyway fires again after each pause, so "
                    + "read such results as the worst case (receivers.model = \"capacity\" adds the deferrals "
                    + "that sending faster than the log would draw)");
        }
        for (String event : List.of("get_queue_config", "get_egress_path_config")) {
            if (!policy.events().contains(event)) {
                notes.add("policy: no " + event + " handler is registered, so kumod's defaults apply to every "
                        + (event.equals("get_queue_config") ? "scheduled queue" : "egress path"));
            }
        }
        return notes;
    }
}
