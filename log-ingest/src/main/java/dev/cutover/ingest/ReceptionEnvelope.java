package dev.cutover.ingest;

import java.util.Arrays;

/**
 * Recovers recipient localpart, recipient domain, sender localpart and sender domain from the middle of
 * an R line when a localpart contained {@code @} and so spilled into extra fields (Momentum changelog
 * ticket #4712, support.sparkpost.com/momentum/changelog/4/; layout from
 * support.sparkpost.com/momentum/4/log-formats-mainlog).
 *
 * <p>Worked example: the middle {@code "a@b"}, {@code example.net}, {@code bounce-7}, {@code news.example.com}
 * arrives as five tokens {@code "a}, {@code b"}, {@code example.net}, {@code bounce-7},
 * {@code news.example.com}. The quoted recipient localpart is rejoined as {@code "a@b"}.
 *
 * <p>Note: when no quotes delimit the localparts the split is a guess: the sender localpart is taken to be
 * one token, so an unquoted {@code @} in the sender localpart lands in the recipient localpart instead.
 */
final class ReceptionEnvelope {
    private ReceptionEnvelope() {
    }

    /**
     * @param tail   the fields after the record type
     * @param middle how many of them belong to the envelope (at least 4)
     * @return recipient localpart, recipient domain, sender localpart, sender domain
     */
    static String[] resolve(String[] tail, int middle) {
        final String[] tokens = Arrays.copyOf(tail, middle);
        if (middle == 4) {
            return tokens;
        }
        final String[] quoted = byQuotes(tokens);
        return quoted != null ? quoted : byRightAnchor(tokens);
    }

    private static String[] byQuotes(String[] tokens) {
        final int recipientEnd = localpartEnd(tokens, 0);
        final int senderStart = recipientEnd + 1;
        if (senderStart >= tokens.length) {
            return null;
        }
        final int senderEnd = localpartEnd(tokens, senderStart);
        if (senderEnd != tokens.length - 1) {
            return null;
        }
        return new String[] {join(tokens, 0, recipientEnd), tokens[recipientEnd],
            join(tokens, senderStart, senderEnd), tokens[senderEnd]};
    }

    /** @return the index just past the localpart that starts at {@code from} (quoted parts may span tokens) */
    private static int localpartEnd(String[] tokens, int from) {
        if (!tokens[from].startsWith("\"") || closesQuote(tokens[from], true)) {
            return from + 1;
        }
        for (int i = from + 1; i < tokens.length; i++) {
            if (closesQuote(tokens[i], false)) {
                return i + 1;
            }
        }
        return tokens.length;
    }

    private static boolean closesQuote(String token, boolean opensToo) {
        final int minimum = opensToo ? 2 : 1;
        return token.length() >= minimum && token.endsWith("\"");
    }

    private static String[] byRightAnchor(String[] tokens) {
        final int n = tokens.length;
        return new String[] {join(tokens, 0, n - 3), tokens[n - 3], tokens[n - 2], tokens[n - 1]};
    }

    private static String join(String[] tokens, int from, int to) {
        return String.join("@", Arrays.asList(tokens).subList(from, to));
    }
}
