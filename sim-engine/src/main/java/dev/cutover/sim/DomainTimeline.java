package dev.cutover.sim;

/**
 * What one engine did for one domain, minute by minute: the report's charts are drawn from it.
 *
 * @param delivered   deliveries per minute
 * @param deferrals   attempts that ended in a transient failure, per minute
 * @param connections the most connections open at once in each minute, or null when the engine cannot know them;
 *                    for a domain sharing a destination, the destination's connections
 */
public record DomainTimeline(MinuteSeries delivered, MinuteSeries deferrals, MinuteSeries connections) {
}
