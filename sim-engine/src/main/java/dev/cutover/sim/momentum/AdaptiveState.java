package dev.cutover.sim.momentum;

import dev.cutover.ingest.Attempt;
import dev.cutover.ingest.Outcome;

import java.util.ArrayDeque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Adaptive Delivery's state for one (binding, domain) queue: the managed options' current values, suspension, and
 * the trigger counts of the domain's response rules.
 *
 * <p>Rules and sources (support.sparkpost.com/momentum/4/modules/4-adaptive, momentum/3/3-ad/…):
 * <ul>
 *   <li>State is per binding::domain. The managed options start from ecelerity.conf, then the domain's
 *   {@code configuration} entry (an integer forces, {@code {lo, hi}} clamps, a function computes from the binding's
 *   age), always kept within the {@code adaptive_<option> = ( low high )} bounds (4-adaptive, appendix header).</li>
 *   <li>Every answer other than a delivery is matched against the domain's response rules in order; the first
 *   that matches counts toward its trigger ({@link ResponseRule}). {@code transcode} rewrites every matching
 *   answer to its text, whose code makes it temporary (4xx) or permanent (5xx); a message whose permanent failure
 *   was made temporary gets its last recorded answer again when the log holds no more, as the receiver would give
 *   it. The other actions come when the trigger fires (ad-adaptive-rules-actions).</li>
 *   <li>{@code suspend} stops delivery for the binding::domain; one already suspended cannot be suspended again
 *   (4-adaptive, sweep rules). Suspensions are lifted by the sweep every {@code suspend_sweep_interval}. A message
 *   that meets the suspension is temp-failed once (changelog MO-6322) and waits in the delayed queue until the
 *   suspension ends, spread by {@code adaptive_retry_fuzz} (changelogs #6167, #7112, SD-126).</li>
 *   <li>{@code blackhole} discards the binding::domain's messages for its duration; they count as failed.</li>
 *   <li>{@code throttle down}, {@code reduce_connections N}, {@code reduce_deliveries N} and {@code greylisted}
 *   (which sets retry_interval to its duration) change an option at most once per
 *   {@code adaptive_adjustment_interval}, and only an option that has a value (ad-using).</li>
 *   <li>Speculative increases: once per {@code adaptive_positive_adjustment_interval} without a decrease, each
 *   option below its ceiling (the upper bound, or the configured value without one) rises a step: a connection,
 *   a delivery per connection, the throttle divided by {@link AdaptiveParameters#throttleDownFactor}, and
 *   retry_interval back to its configured value; configuration functions are evaluated again then.</li>
 *   <li>{@code warmup N} sets the binding's age to N seconds, which configuration functions read.</li>
 * </ul>
 * The bounce sweep rules act too ({@link #sweep}, {@link SweepRules}). Not modelled: FBL sweep rules (the log
 * carries no FBL reports), the rejection-rate suspension (off by default since 4.2), {@code max_retries} and
 * timeouts as managed options.
 */
final class AdaptiveState {
    /** Bounce classes run from 1 to 100 (4-bounce-logger-classification-codes); others are not counted. */
    static final int BOUNCE_CLASSES = 101;
    private static final java.util.regex.Pattern NEVER = java.util.regex.Pattern.compile("(?!)");

    private final MomentumModel model;
    private final MomentumQueue queue;
    private final AdaptiveDelivery delivery;
    private final AdaptiveModule module;
    private final QueueSettings settings;
    private final AdaptiveRules.DomainRules rules;
    private final List<ResponseRule> responses;
    private final ArrayDeque<Long>[] matches;
    private final SplittableRandom random;
    private final Managed connections;
    private final Managed deliveries;
    private final Managed throttle;
    private final Managed retryInterval;
    private final long startMicros;
    private long ageOffsetSeconds;
    private long suspendedUntil = Long.MIN_VALUE;
    private long blackholedUntil = Long.MIN_VALUE;
    private long lastAdjustment = Long.MIN_VALUE;
    private long lastDecrease = Long.MIN_VALUE;
    private boolean positiveTimer;
    private TokenBucket budget;
    private long sweepAttempts;
    /** Since the last sweep, the permanent failures of each bounce class. */
    private final long[] sweepBounces = new long[BOUNCE_CLASSES];
    /** Each bounce sweep rule's low and high actions, as rules the explanations can name. */
    private final List<SweptRule> sweepRules;
    private boolean sweepTimer;
    /** Answers seen in all, and as of the last speculative increase: timers run only while the queue is in use. */
    private long attempts;
    private long attemptsAtPositive = -1;

    @SuppressWarnings("unchecked")
    AdaptiveState(MomentumModel model, MomentumQueue queue, AdaptiveDelivery delivery, AdaptiveModule module) {
        this.model = model;
        this.queue = queue;
        this.delivery = delivery;
        this.module = module;
        this.settings = queue.settings;
        this.rules = delivery.rules().forDomain(queue.domain);
        this.responses = rules == null ? List.of() : rules.responses();
        this.matches = new ArrayDeque[responses.size()];
        this.random = new SplittableRandom(delivery.seed() * 31 + (queue.binding + "::" + queue.domain).hashCode());
        this.startMicros = model.now();
        this.ageOffsetSeconds = delivery.parameters().bindingAgeSeconds();
        final QueueSettings.Adaptive bounds = settings.adaptive();
        final QueueSettings.Throttle conf = settings.messageThrottle();
        this.connections = managed("max_outbound_connections", settings.maxOutboundConnections(),
                bounds.connections());
        this.deliveries = managed("max_deliveries_per_connection",
                settings.maxDeliveriesPerConnection() == 0 ? Double.NaN : settings.maxDeliveriesPerConnection(),
                bounds.deliveries());
        this.throttle = managed("outbound_throttle_messages",
                conf == null ? Double.NaN : conf.count() * 3600 / conf.periodSeconds(), bounds.throttlePerHour());
        this.retryInterval = managed("retry_interval", settings.retryIntervalSeconds(), bounds.retryInterval());
        this.sweepRules = bounds.sweepRules().stream().filter(SweepRules.Rule::countsBounces)
                .map(SweptRule::of).toList();
        if (!throttle.equalsConfigured()) {
            rebuildBudget();
        }
        if (belowCeiling()) {
            schedulePositive();
        }
    }

    /**
     * The bounce sweep rules (4-adaptive, "Sweep Rules"): a {@code bounce_sweep_interval} after the first attempt
     * since the last sweep (the model keeps no timer on a queue without attempts), once the binding::domain has had
     * {@code adaptive_attempt_threshold} attempts since the last sweep, each rule sums the rates of its bounce
     * classes and takes its high action from the high threshold on, else its low action from the low threshold on.
     * Classes come from a bouncelog read with the mainlog; without one no bounce has a class and no rule acts.
     */
    private void sweep() {
        final boolean overThreshold = sweepAttempts >= module.attemptThreshold() && sweepAttempts > 0;
        delivery.bounceSweep(sweepAttempts, overThreshold);
        if (overThreshold) {
            for (SweptRule swept : sweepRules) {
                long bounces = 0;
                for (int bounceClass : swept.rule().bounceClasses()) {
                    bounces += bounceClass < BOUNCE_CLASSES ? sweepBounces[bounceClass] : 0;
                }
                final double percent = 100.0 * bounces / sweepAttempts;
                if (percent >= swept.rule().highPercent()) {
                    fire(swept.high());
                } else if (percent >= swept.rule().lowPercent()) {
                    fire(swept.low());
                }
            }
        }
        sweepAttempts = 0;
        java.util.Arrays.fill(sweepBounces, 0);
        sweepTimer = false;
    }

    /** A sweep rule with its two actions as response rules, which is how explanations count what fired. */
    private record SweptRule(SweepRules.Rule rule, ResponseRule low, ResponseRule high) {
        static SweptRule of(SweepRules.Rule rule) {
            final String origin = rule.name().equals(SweepRules.DEFAULT_BOUNCE_RULE) ? "default bounce sweep rule"
                    : "adaptive_sweep_rule \"" + rule.name() + "\" at " + rule.origin();
            return new SweptRule(rule, new ResponseRule(rule.codes() + " at " + number(rule.lowPercent()) + "%",
                    NEVER, 1, 0, List.of(rule.lowAction()), origin), new ResponseRule(rule.codes() + " at "
                    + number(rule.highPercent()) + "%", NEVER, 1, 0, List.of(rule.highAction()), origin));
        }

        private static String number(double value) {
            return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        }
    }

    private boolean mayAdjust() {
        return lastAdjustment == Long.MIN_VALUE
                || model.now() - lastAdjustment >= module.adjustmentIntervalSeconds() * 1_000_000L;
    }

    private Managed managed(String option, double configured, QueueSettings.Bounds bounds) {
        final AdaptiveRules.Configured entry = rules == null ? null : rules.configuration().get(option);
        final QueueSettings.Bounds range = bounds != null ? bounds : entry == null ? null : entry.range();
        double value = configured;
        if (entry != null && entry.forced() != null) {
            value = entry.forced();
        } else if (entry != null && entry.function() != null) {
            value = entry.function().apply(orZero(value), orZero(value), ageSeconds());
        }
        if (!Double.isNaN(value) && range != null) {
            value = range.clip(value);
        }
        return new Managed(option, configured, unsetWhenZero(option, value), range,
                entry == null ? null : entry.function());
    }

    /**
     * A throttle or a per-connection limit of 0 means none in Momentum (ref-outbound-throttle-messages,
     * ref-max-deliveries-per-connection), and a negative one is read the same way.
     */
    private static double unsetWhenZero(String option, double value) {
        final boolean zeroIsNone = option.equals("outbound_throttle_messages")
                || option.equals("max_deliveries_per_connection");
        return zeroIsNone && value <= 0 ? Double.NaN : value;
    }

    private static double orZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    private double ageSeconds() {
        return ageOffsetSeconds + (model.now() - startMicros) / 1e6;
    }

    /** @return max_outbound_connections as Adaptive Delivery has it now */
    long maxOutboundConnections() {
        return Math.max(1, Math.round(connections.value));
    }

    /** @return max_deliveries_per_connection now, 0 for unlimited */
    long maxDeliveriesPerConnection() {
        return Double.isNaN(deliveries.value) ? 0 : Math.max(1, Math.round(deliveries.value));
    }

    /** @return retry_interval now, seconds */
    long retryIntervalSeconds() {
        return Math.max(1, Math.round(retryInterval.value));
    }

    /** @return the message budget Adaptive Delivery set for this binding::domain, or null to use the conf's */
    TokenBucket budget() {
        return budget;
    }

    /** @return true when Adaptive Delivery set no throttle (0) where ecelerity.conf sets one */
    boolean throttleLifted() {
        return Double.isNaN(throttle.value) && !Double.isNaN(throttle.configured);
    }

    boolean suspended() {
        return model.now() < suspendedUntil;
    }

    long suspendedUntil() {
        return suspendedUntil;
    }

    boolean blackholed() {
        return model.now() < blackholedUntil;
    }

    /** @return when a message held by the suspension may be tried again: its end plus the fuzz */
    long releaseMicros() {
        final long fuzz = module.retryFuzzSeconds();
        return suspendedUntil + (fuzz <= 0 ? 0 : random.nextLong(fuzz) * 1_000_000L);
    }

    /**
     * Matches an answer against the domain's response rules and acts on the first that matches.
     *
     * @return the outcome the message takes: the answer's, or temporary when a transcode rule rewrote it
     */
    Outcome observe(MomentumMessage message, Attempt answer) {
        final Outcome outcome = answer.outcome();
        attempts++;
        if (!sweepTimer) {
            sweepTimer = true;
            model.at(model.now() + module.bounceSweepIntervalSeconds() * 1_000_000L, this::sweep);
        }
        if (!positiveTimer && belowCeiling()) {
            schedulePositive();
        }
        sweepAttempts++;
        if (outcome == Outcome.PERMANENT && answer.bounceClass() > 0 && answer.bounceClass() < BOUNCE_CLASSES) {
            sweepBounces[answer.bounceClass()]++;
        }
        if (outcome == Outcome.DELIVERED || responses.isEmpty()) {
            return outcome;
        }
        final String text = answer.responseText();
        for (int i = 0; i < responses.size(); i++) {
            final ResponseRule rule = responses.get(i);
            if (rule.pattern().matcher(text).find()) {
                if (triggered(i, rule)) {
                    fire(rule);
                }
                final Outcome transcoded = transcoded(rule, outcome);
                message.repeatLastAnswer |= transcoded != outcome;
                return transcoded;
            }
        }
        return outcome;
    }

    /**
     * @return the outcome of the response a transcode action rewrites the answer to: temporary for a 4xx text,
     *         permanent for a 5xx one; the answer's own outcome without a transcode
     */
    private static Outcome transcoded(ResponseRule rule, Outcome outcome) {
        for (AdaptiveAction action : rule.actions()) {
            if (action.kind() == AdaptiveAction.Kind.TRANSCODE) {
                final String text = action.text().trim();
                if (text.startsWith("4")) {
                    return Outcome.TRANSIENT;
                }
                if (text.startsWith("5")) {
                    return Outcome.PERMANENT;
                }
            }
        }
        return outcome;
    }

    private boolean triggered(int index, ResponseRule rule) {
        if (rule.count() <= 1) {
            return true;
        }
        final long now = model.now();
        ArrayDeque<Long> times = matches[index];
        if (times == null) {
            times = matches[index] = new ArrayDeque<>();
        }
        times.add(now);
        final long window = rule.windowSeconds() * 1_000_000L;
        while (window > 0 && times.peekFirst() <= now - window) {
            times.pollFirst();
        }
        if (times.size() >= rule.count()) {
            times.clear();
            return true;
        }
        return false;
    }

    private void fire(ResponseRule rule) {
        final long now = model.now();
        final boolean mayAdjust = mayAdjust();
        boolean adjusted = false;
        for (AdaptiveAction action : rule.actions()) {
            switch (action.kind()) {
                case SUSPEND -> suspend(rule, action);
                case BLACKHOLE -> blackhole(rule, action);
                case WARMUP -> {
                    ageOffsetSeconds = action.seconds() - (now - startMicros) / 1_000_000L;
                    count(rule, action, "");
                    evaluateFunctions();
                }
                case TRANSCODE -> count(rule, action, "");
                default -> adjusted |= mayAdjust && adjust(rule, action);
            }
        }
        if (adjusted) {
            lastAdjustment = now;
            lastDecrease = now;
            schedulePositive();
        }
    }

    private void suspend(ResponseRule rule, AdaptiveAction action) {
        if (suspended()) {
            return;
        }
        final long sweep = Math.max(1, module.suspendSweepIntervalSeconds()) * 1_000_000L;
        final long end = model.now() + action.seconds() * 1_000_000L;
        suspendedUntil = Math.floorDiv(end + sweep - 1, sweep) * sweep;
        count(rule, action, "");
        model.at(suspendedUntil, queue::maintain);
        queue.holdActive();
    }

    private void blackhole(ResponseRule rule, AdaptiveAction action) {
        if (blackholed()) {
            return;
        }
        blackholedUntil = model.now() + action.seconds() * 1_000_000L;
        count(rule, action, "");
        queue.discardActive();
    }

    /** @return true when the action changed an option */
    private boolean adjust(ResponseRule rule, AdaptiveAction action) {
        final Managed option;
        final double next;
        switch (action.kind()) {
            case THROTTLE_DOWN -> {
                option = throttle;
                next = throttle.value * delivery.parameters().throttleDownFactor();
            }
            case REDUCE_CONNECTIONS -> {
                option = connections;
                next = connections.value - action.amount();
            }
            case REDUCE_DELIVERIES -> {
                option = deliveries;
                next = deliveries.value - action.amount();
            }
            default -> {
                option = retryInterval;
                next = action.seconds();
            }
        }
        if (Double.isNaN(option.value)) {
            count(rule, action, " (no effect: " + option.name + " is not set)");
            return false;
        }
        final double before = option.value;
        option.value = Math.max(1, option.range == null ? next : option.range.clip(next));
        option.lowest = Math.min(option.lowest, option.value);
        if (option == throttle) {
            rebuildBudget();
        }
        count(rule, action, "");
        return option.value != before;
    }

    private void count(ResponseRule rule, AdaptiveAction action, String suffix) {
        final String metric = switch (action.kind()) {
            case REDUCE_CONNECTIONS, REDUCE_DELIVERIES -> "connections";
            case THROTTLE_DOWN, WARMUP -> "delivered_per_minute";
            default -> "deferrals";
        };
        delivery.count(queue.domain, metric, "rule " + rule.label() + " -> " + action + suffix);
    }

    private void rebuildBudget() {
        final QueueSettings.Throttle conf = settings.messageThrottle();
        final double period = conf == null ? delivery.parameters().throttlePeriodSeconds() : conf.periodSeconds();
        budget = Double.isNaN(throttle.value) ? null : new TokenBucket(throttle.value * period / 3600, period);
    }

    private boolean belowCeiling() {
        for (Managed option : new Managed[] {connections, deliveries, throttle}) {
            if (option.function != null || !Double.isNaN(option.value) && option.value < option.ceiling()) {
                return true;
            }
        }
        return retryInterval.function != null || retryInterval.value != retryInterval.restored();
    }

    private void schedulePositive() {
        if (!positiveTimer) {
            positiveTimer = true;
            model.at(model.now() + module.positiveAdjustmentIntervalSeconds() * 1_000_000L, this::positive);
        }
    }

    /** A speculative increase, unless an option was lowered within the interval. */
    private void positive() {
        positiveTimer = false;
        final long interval = module.positiveAdjustmentIntervalSeconds() * 1_000_000L;
        if (lastDecrease == Long.MIN_VALUE || model.now() - lastDecrease >= interval) {
            connections.raise(connections.value + 1);
            deliveries.raise(deliveries.value + 1);
            final double throttleBefore = throttle.value;
            throttle.raise(throttle.value / delivery.parameters().throttleDownFactor());
            retryInterval.restore();
            evaluateFunctions();
            if (throttle.value != throttleBefore) {
                rebuildBudget();
            }
            queue.maintain();
        }
        if (belowCeiling() && attempts != attemptsAtPositive) {
            schedulePositive();
        }
        attemptsAtPositive = attempts;
    }

    private void evaluateFunctions() {
        for (Managed option : new Managed[] {connections, deliveries, throttle, retryInterval}) {
            if (option.function != null) {
                final double before = option.value;
                final double computed = option.function.apply(orZero(option.value), orZero(option.last), ageSeconds());
                option.last = before;
                option.value = unsetWhenZero(option.name, option.range == null ? computed
                        : option.range.clip(computed));
                option.lowest = Double.isNaN(option.lowest) ? option.value : Math.min(option.lowest, option.value);
                if (option == throttle && before != option.value) {
                    rebuildBudget();
                }
            }
        }
    }

    /** @return the managed options whose value differs from ecelerity.conf's at the end, or "" for none */
    String changes() {
        final StringBuilder text = new StringBuilder();
        for (Managed option : new Managed[] {connections, deliveries, throttle, retryInterval}) {
            if (!option.equalsConfigured() || option.lowest < option.configured) {
                text.append(text.length() == 0 ? "" : ", ").append(option.name).append(' ')
                        .append(describe(option.value, option == throttle)).append(" at the end");
                if (option.lowest < option.value) {
                    text.append(", ").append(describe(option.lowest, option == throttle)).append(" at the lowest");
                }
                text.append(" (configured: ").append(describe(option.configured, option == throttle)).append(')');
            }
        }
        return text.toString();
    }

    private static String describe(double value, boolean perHour) {
        if (Double.isNaN(value)) {
            return "unset";
        }
        final String number = value == Math.rint(value) ? Long.toString((long) value) : String.format("%.1f", value);
        return perHour ? number + "/hour" : number;
    }

    /** One managed option's value, its configured value, its bounds and configuration function. */
    private static final class Managed {
        final String name;
        final double configured;
        final QueueSettings.Bounds range;
        final AdaptiveRules.Function function;
        double value;
        double last;
        /** The lowest value it took, NaN while it has none. */
        double lowest;

        Managed(String name, double configured, double value, QueueSettings.Bounds range,
                AdaptiveRules.Function function) {
            this.name = name;
            this.configured = configured;
            this.value = value;
            this.last = value;
            this.lowest = value;
            this.range = range;
            this.function = function;
        }

        double ceiling() {
            return range == null ? configured : range.high();
        }

        /** @return the configured value within the bounds, where a speculative increase returns retry_interval */
        double restored() {
            return range == null ? configured : range.clip(configured);
        }

        void restore() {
            if (function == null) {
                value = restored();
            }
        }

        /** Raises the value toward {@code proposed}, never above the ceiling nor below where it is. */
        void raise(double proposed) {
            if (!Double.isNaN(value) && function == null && value < ceiling()) {
                value = Math.max(value, Math.min(ceiling(), proposed));
            }
        }

        boolean equalsConfigured() {
            return Double.isNaN(value) && Double.isNaN(configured) || value == configured;
        }
    }
}
