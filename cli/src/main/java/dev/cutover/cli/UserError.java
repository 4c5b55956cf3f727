package dev.cutover.cli;

/**
 * A problem the user can fix (bad scenario, missing file, bad log, Lua error): one line naming the file, the line
 * and what was expected. The command prints the message and exits with status 2.
 */
public final class UserError extends RuntimeException {

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
