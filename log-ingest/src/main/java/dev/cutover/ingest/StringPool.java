package dev.cutover.ingest;

/**
 * Shares one instance of each often-repeated field value (domains, binding names, MX IPs) among the
 * messages held open by the join, so a million open messages do not hold a million copies of
 * {@code gmail.com}. Outbound connection ids are pooled too: Momentum logs many attempts per connection.
 *
 * <p>The pool is a table of {@value #SLOTS} slots indexed by the value's hash, one value a slot: a value whose
 * slot holds an equal string gets that string back, any other takes the slot. Memory stays fixed, and a value
 * the parser already pooled (the same instance, its hash cached) costs one array read.
 */
final class StringPool {
    private static final int SLOTS = 1 << 16;

    private final String[] values = new String[SLOTS];

    String canonical(String value) {
        final int hash = value.hashCode();
        final int slot = (hash ^ hash >>> 16) & (SLOTS - 1);
        final String known = values[slot];
        if (value.equals(known)) {
            return known;
        }
        values[slot] = value;
        return value;
    }
}
