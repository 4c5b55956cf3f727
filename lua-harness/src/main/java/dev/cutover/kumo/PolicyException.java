package dev.cutover.kumo;

/**
 * A problem in the user's KumoMTA policy or its data files: a Lua syntax or runtime error, a value kumod
 * would refuse, a handler that ran too long. The message starts with {@code file:line:} when the line is
 * known, like Lua's own messages.
 */
public final class PolicyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String detail;

    /**
     * @param file   policy or data file, as the user named it
     * @param line   1-based line, or 0 when unknown
     * @param detail what went wrong
     */
    public PolicyException(String file, int line, String detail) {
        super(line > 0 ? file + ":" + line + ": " + detail : file + ": " + detail);
        this.file = file;
        this.line = line;
        this.detail = detail;
    }

    /** @return the file the problem is in. */
    public String file() {
        return file;
    }

    /** @return the 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** @return the message without the file and line. */
    public String detail() {
        return detail;
    }
}
