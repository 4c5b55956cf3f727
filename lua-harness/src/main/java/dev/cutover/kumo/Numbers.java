package dev.cutover.kumo;

/**
 * Unsigned decimal parsing with the error texts of Rust's {@code u64::from_str}, which kumod uses for the
 * numbers inside throttle and limit specs ({@code crates/throttle/src/lib.rs}).
 */
final class Numbers {

    private Numbers() {
    }

    /** @return {@code text} with every {@code _} and {@code ,} removed, as kumod allows {@code 1_000}. */
    static String stripSeparators(String text) {
        return text.replace("_", "").replace(",", "");
    }

    /**
     * @param digits a string that should hold an unsigned decimal, with an optional leading {@code +}
     * @return its value, at most {@link Long#MAX_VALUE}
     * @throws SpecException with Rust's wording ("invalid digit found in string" and so on)
     */
    static long parseUnsigned(String digits) {
        final String body = digits.startsWith("+") ? digits.substring(1) : digits;
        if (body.isEmpty()) {
            throw new SpecException("cannot parse integer from empty string");
        }
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) < '0' || body.charAt(i) > '9') {
                throw new SpecException("invalid digit found in string");
            }
        }
        try {
            return Long.parseLong(body);
        } catch (NumberFormatException e) {
            throw new SpecException("number too large to fit in target type");
        }
    }
}
