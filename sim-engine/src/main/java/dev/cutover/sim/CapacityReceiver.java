package dev.cutover.sim;

import dev.cutover.ingest.Attempt;
import dev.cutover.ingest.Outcome;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rate-sensitive receiver (DESIGN.md, "Receivers"; issue "models that match the engines"): each message gets its
 * recorded answers as with {@link RecordedReceiver}, except that a site already given as many messages in the
 * current calendar minute as the log shows it accepting in its busiest one ({@link SiteCapacity}; counted the same
 * way, so the log's own sending never goes over) defers the message with that
 * site's most frequent recorded deferral instead of taking it. A deferral of this kind does not use up the
 * message's recorded answers: its next attempt gets the answer the log shows. This is what lets an engine that
 * sends faster than the log's sender meet the pushback the real site would give, and its automation react to it.
 * A site given a connection limit refuses an engine's connections beyond it with the same deferral
 * ({@link #refusal}); the connection never opens.
 *
 * <p>One instance per engine, used from that engine's thread.
 */
public final class CapacityReceiver {
    private static final long MINUTE_MICROS = 60_000_000L;

    private final Map<String, SiteCapacity> capacities;
    /** Per site: the calendar minute being counted and the messages accepted in it. */
    private final Map<String, long[]> accepted = new HashMap<>();
    private final Map<String, Long> deferredBySite = new TreeMap<>();
    private final Map<String, Long> refusedBySite = new TreeMap<>();
    private boolean lastDeferred;

    /** @return a receiver that only replays the recorded answers: no site has a capacity */
    public static CapacityReceiver recorded() {
        return new CapacityReceiver(Map.of());
    }

    /** @param capacities site to what it accepted; a site absent here takes everything, as recorded */
    public CapacityReceiver(Map<String, SiteCapacity> capacities) {
        this.capacities = Map.copyOf(capacities);
    }

    /**
     * @param recorded  the message's recorded answer to this attempt ({@link RecordedReceiver#answer}), or null
     * @param attempt   which of its recorded answers is next, 0-based
     * @param site      the site the engine sends it to
     * @param nowMicros the engine's time
     * @return the answer, or null when the log holds none for this attempt
     */
    public Attempt answer(Attempt recorded, int attempt, String site, long nowMicros) {
        lastDeferred = false;
        // Without capacities the answer is not read: a model delivering a backlog would miss the cache on each.
        final SiteCapacity capacity = recorded == null || capacities.isEmpty()
                || recorded.outcome() != Outcome.DELIVERED ? null : capacities.get(site);
        if (capacity == null) {
            return recorded;
        }
        final long minute = Math.floorDiv(nowMicros, MINUTE_MICROS);
        final long[] count = accepted.computeIfAbsent(site, s -> new long[] {minute, 0});
        if (count[0] != minute) {
            count[0] = minute;
            count[1] = 0;
        }
        if (count[1] < capacity.perMinute()) {
            count[1]++;
            return recorded;
        }
        deferredBySite.merge(site, 1L, Long::sum);
        return deferral(capacity, nowMicros, attempt, recorded);
    }

    private Attempt deferral(SiteCapacity capacity, long nowMicros, int attempt, Attempt recorded) {
        lastDeferred = true;
        return new Attempt(nowMicros, Outcome.TRANSIENT, capacity.deferralCode(), capacity.deferralText(),
                attempt, 0, "", recorded.bindingGroup(), recorded.binding(), -1, "");
    }

    /** @return true when the last {@link #answer} was this receiver's own deferral, not a recorded answer */
    public boolean lastDeferred() {
        return lastDeferred;
    }

    /**
     * Asks the site whether it takes one more connection from the engine, which has {@code openConnections} open to
     * it: a site with a connection limit it has reached refuses, answering the message the engine would send first
     * with its deferral, without using up the message's recorded answer.
     *
     * @param recorded the recorded answer to the message's next attempt ({@link RecordedReceiver#answer}), or null
     * @return the deferral, or null when the site takes the connection
     */
    public Attempt refusal(Attempt recorded, int attempt, String site, long nowMicros, long openConnections) {
        final SiteCapacity limits = capacities.get(site);
        if (recorded == null || !refuses(site, openConnections)) {
            return null;
        }
        refusedBySite.merge(site, 1L, Long::sum);
        return new Attempt(nowMicros, Outcome.TRANSIENT, limits.deferralCode(), limits.deferralText(), attempt, 0, "",
                recorded.bindingGroup(), recorded.binding(), 0, "");
    }

    /** @return true when {@code site} has a connection limit that {@code openConnections} have reached */
    public boolean refuses(String site, long openConnections) {
        final SiteCapacity limits = capacities.get(site);
        return limits != null && limits.connections() > 0 && openConnections >= limits.connections();
    }

    /** @return site to the number of attempts refused for going over its connection limit */
    public Map<String, Long> refusedBySite() {
        return refusedBySite;
    }

    /** @return site to the number of deferrals this receiver gave for going over its capacity, by site name */
    public Map<String, Long> deferredBySite() {
        return deferredBySite;
    }
}
