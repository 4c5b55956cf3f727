package dev.cutover.sim.momentum.conf;

/**
 * Which of two public sources decides whether a {@code binding_group::domain} stanza outranks a
 * {@code binding} stanza when both set an option. Every other step of the fallback chain is the
 * same in both.
 *
 * <p>The sources disagree (see {@link OptionResolver} for the full chain):
 * <ul>
 *   <li>support.sparkpost.com/momentum/4/4-ecelerity-conf-fallback lists binding_group::domain
 *       above binding;</li>
 *   <li>the SparkPost knowledge-base article "How do throttles in different scopes interact?"
 *       orders them the other way.</li>
 * </ul>
 * Operators can settle it on a live system with {@code config eval}.
 */
public enum FallbackOrder {

    /** binding_group::domain above binding, as the fallback documentation lists it; the default. */
    DOCUMENTATION,

    /** binding above binding_group::domain, as the knowledge-base article orders it. */
    KNOWLEDGE_BASE
}
