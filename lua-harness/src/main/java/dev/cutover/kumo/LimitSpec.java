package dev.cutover.kumo;

/**
 * A KumoMTA limit such as {@code connection_limit}: an integer, or a string like {@code "1_000"},
 * {@code "1,000"} or {@code "local:20"} ({@code crates/throttle/src/lib.rs}, {@code LimitSpec}).
 *
 * <p>kumod accepts integers of at least 1 and strings; it has no visitor for floating point numbers, so
 * {@code 2.5} and {@code 5.0} (in Lua 5.4) are refused. Note: LuaJ cannot tell {@code 5.0} from {@code 5}.
 *
 * @param limit at least 1
 * @param local true when the {@code local:} prefix keeps the limit per process
 */
public record LimitSpec(long limit, boolean local) {

    private static final String LOCAL_PREFIX = "local:";

    /**
     * @param text a limit such as {@code "100"}, {@code "1_000"} or {@code "local:5"}
     * @return the parsed limit
     * @throws SpecException with kumod's message
     */
    public static LimitSpec parse(String text) {
        final boolean local = text.startsWith(LOCAL_PREFIX);
        final String rest = local ? text.substring(LOCAL_PREFIX.length()) : text;
        final String digits = Numbers.stripSeparators(rest);

        final long limit;
        try {
            limit = Numbers.parseUnsigned(digits);
        } catch (SpecException e) {
            throw new SpecException("invalid limit '" + digits + "': " + e.getMessage());
        }
        if (limit == 0) {
            throw new SpecException("invalid LimitSpec `" + rest + "`: limit must be greater than 0!");
        }
        return new LimitSpec(limit, local);
    }

    /**
     * @param value an integer from a policy or TOML file
     * @return the limit
     * @throws SpecException "limit must be 1 or larger" for values below 1
     */
    public static LimitSpec of(long value) {
        if (value < 1) {
            throw new SpecException("limit must be 1 or larger");
        }
        return new LimitSpec(value, false);
    }

    /** @return the limit as kumod displays it, e.g. {@code 5} or {@code local:5}. */
    @Override
    public String toString() {
        return local ? LOCAL_PREFIX + limit : Long.toString(limit);
    }
}
