package dev.cutover.ingest;

/**
 * Shares one instance of each often-repeated field value (domains, binding names, MX IPs) among the
 * messages held open by the join, so a million open messages do not hold a million copies of
 * {@code gmail.com}. Outbound connection ids are pooled too: Momentum logs many attempts per connection.
 *
 * <p>The pool is a table of {@value #SLOTS} slots indexed by a hash of a few characters of the value, one value a
 * slot: a value whose slot holds an equal string gets that string back, any other takes the slot. Memory stays
 * fixed, and a lookup reads six characters and compares once.
 */
final class StringPool {
    private static final int SLOTS = 1 << 16;

    private final String[] values = new String[SLOTS];

    String canonical(String value) {
        final int hash = sampledHash(value);
        final int slot = (hash ^ hash >>> 16) & (SLOTS - 1);
        final String known = values[slot];
        if (value.equals(known)) {
            return known;
        }
        values[slot] = value;
        return value;
    }

    /**
     * A hash of the length and six characters, the first two and the last four, which is where pooled values
     * differ: domains and bindings at either end, connection ids and IP addresses at the end. It costs the same
     * for any length, where {@link String#hashCode} reads every character of every fresh string.
     */
    static int sampledHash(String value) {
        final int length = value.length();
        int hash = length;
        if (length < 6) {
            for (int i = 0; i < length; i++) {
                hash = 31 * hash + value.charAt(i);
            }
            return hash;
        }
        hash = 31 * hash + value.charAt(0);
        hash = 31 * hash + value.charAt(1);
        hash = 31 * hash + value.charAt(length - 4);
        hash = 31 * hash + value.charAt(length - 3);
        hash = 31 * hash + value.charAt(length - 2);
        return 31 * hash + value.charAt(length - 1);
    }
}
