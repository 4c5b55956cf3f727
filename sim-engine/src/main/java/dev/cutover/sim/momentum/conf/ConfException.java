package dev.cutover.sim.momentum.conf;

/**
 * A configuration the user wrote that cannot be read: bad syntax, a missing include, a malformed
 * option value.
 *
 * <p>The message is one line of the form {@code ecelerity.conf:14: expected '}' to close Binding
 * "retail-ip-03" opened at line 9}: file, line, then what was expected. The syntax rules behind
 * these checks are those of support.sparkpost.com/momentum/4/conf-overview.
 */
public final class ConfException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SourceLocation location;

    /**
     * @param location where the problem was found
     * @param problem  what was expected, without the location prefix
     */
    public ConfException(SourceLocation location, String problem) {
        super(location + ": " + problem);
        this.location = location;
    }

    /**
     * @return the file and line the message names
     */
    public SourceLocation location() {
        return location;
    }
}
