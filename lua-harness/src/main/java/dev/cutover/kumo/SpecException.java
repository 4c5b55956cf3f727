package dev.cutover.kumo;

/**
 * A throttle spec, limit spec or duration that kumod would refuse. The message is worded like kumod's own so
 * that a user who has seen one recognises the other.
 */
public final class SpecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public SpecException(String message) {
        super(message);
    }
}
