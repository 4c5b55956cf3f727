package dev.cutover.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Recovers recipient localpart, recipient domain, sender localpart and sender domain from the middle of
 * an R line when a localpart contained {@code @} and so spilled into extra fields (Momentum changelog
 * ticket #4712, support.sparkpost.com/momentum/changelog/4/; layout from
 * support.sparkpost.com/momentum/4/log-formats-mainlog).
 *
 * <p>Worked example: the envelope {@code john@home}, {@code example.net}, {@code "b@x"}, {@code news}
 * arrives as six tokens {@code john}, {@code home}, {@code example.net}, {@code "b}, {@code x"},
 * {@code news}. Joining the quoted run {@code "b}, {@code x"} leaves five parts, one more than the
 * envelope has. The sender localpart {@code "b@x"} is quoted, so the extra {@code @} belongs to the
 * recipient localpart: {@code john@home}, then recipient domain {@code example.net}.
 *
 * <p>Implementer notes: the rule follows from two facts. A domain holds neither {@code @} nor a quote, so
 * each domain is exactly one token. A localpart is either quoted whole or not quoted at all (Quoted-string
 * or Dot-string, RFC 5321 section 4.1.2), so a quoted run is one whole localpart. Hence:
 * <ol>
 *   <li>Quoted runs are joined first: a token that opens with {@code "}, through the first token that ends
 *       with an unescaped {@code "}, is one part.</li>
 *   <li>Every {@code @} still unexplained belongs to an unquoted localpart: to the sender localpart when the
 *       recipient localpart is quoted, otherwise to the recipient localpart.</li>
 * </ol>
 * So {@code "a@b"}, {@code example.net}, {@code x@y}, {@code news} is read back whole, as are two quoted
 * localparts both holding {@code @}.
 *
 * <p>Note: when neither localpart is quoted the split is a guess: the sender localpart is taken to be one
 * token, so an unquoted {@code @} in the sender localpart lands in the recipient localpart instead
 * ({@code bob}, {@code example.org}, {@code x@y}, {@code news} reads as {@code bob@example.org},
 * {@code x}, {@code y}, {@code news}). A quote that never closes is read as an ordinary character, and
 * quoted runs that would leave fewer than four parts are not joined.
 */
public final class ReceptionEnvelope {
    private static final int ENVELOPE_PARTS = 4;

    private ReceptionEnvelope() {
    }

    /**
     * @param tail   the fields after the record type
     * @param middle how many of them belong to the envelope (at least 4)
     * @return recipient localpart, recipient domain, sender localpart, sender domain
     */
    public static String[] resolve(String[] tail, int middle) {
        final String[] tokens = Arrays.copyOf(tail, middle);
        if (middle == ENVELOPE_PARTS) {
            return tokens;
        }
        final List<String> joined = joinQuotedRuns(tokens);

        return split(joined.size() >= ENVELOPE_PARTS ? joined : Arrays.asList(tokens));
    }

    /** @param parts at least four, each domain among them a single part */
    private static String[] split(List<String> parts) {
        final int senderDomain = parts.size() - 1;
        final int recipientDomain = isQuoted(parts.get(0)) ? 1 : senderDomain - 2;

        return new String[] {join(parts, 0, recipientDomain), parts.get(recipientDomain),
            join(parts, recipientDomain + 1, senderDomain), parts.get(senderDomain)};
    }

    private static List<String> joinQuotedRuns(String[] tokens) {
        final List<String> tokenList = Arrays.asList(tokens);
        final List<String> parts = new ArrayList<>(tokens.length);

        int from = 0;
        while (from < tokens.length) {
            final int end = partEnd(tokens, from);
            parts.add(join(tokenList, from, end));
            from = end;
        }
        return parts;
    }

    /** @return the index just past the part starting at {@code from}: past a closed quoted run, else one token */
    private static int partEnd(String[] tokens, int from) {
        if (!tokens[from].startsWith("\"")) {
            return from + 1;
        }
        for (int i = from; i < tokens.length; i++) {
            if (closesQuote(tokens[i], i == from ? 1 : 0)) {
                return i + 1;
            }
        }
        return from + 1;
    }

    private static boolean isQuoted(String part) {
        return part.startsWith("\"") && closesQuote(part, 1);
    }

    /**
     * @param token       a token inside a quoted run
     * @param firstInside 1 for the token holding the opening quote (which cannot also close), else 0
     * @return whether the token ends with a quote that no backslash escapes
     */
    private static boolean closesQuote(String token, int firstInside) {
        final int last = token.length() - 1;
        if (last < firstInside || token.charAt(last) != '"') {
            return false;
        }
        int escape = last - 1;
        while (escape >= firstInside && token.charAt(escape) == '\\') {
            escape--;
        }
        return (last - 1 - escape) % 2 == 0;
    }

    private static String join(List<String> tokens, int from, int to) {
        return String.join("@", tokens.subList(from, to));
    }
}
