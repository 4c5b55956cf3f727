package dev.cutover.kumo;

import java.util.StringJoiner;

/**
 * A problem in the user's KumoMTA policy or its data files: a Lua syntax or runtime error, a value kumod
 * would refuse, a handler that ran too long. The message starts with {@code file:line:} when the line is
 * known, like Lua's own messages, and is always one line: a detail of several lines (a Lua
 * {@code error("a\nb")}, a {@code require} failure listing the paths it searched) has its lines trimmed and
 * joined with {@code "; "}, so {@code "a\n\tb"} reads {@code "a; b"}.
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
        super(located(file, line, oneLine(detail)));
        this.file = file;
        this.line = line;
        this.detail = oneLine(detail);
    }

    private static String located(String file, int line, String detail) {
        return line > 0 ? file + ":" + line + ": " + detail : file + ": " + detail;
    }

    /**
     * @param text any text, possibly null or of several lines
     * @return its non-blank lines, trimmed, joined with {@code "; "}
     */
    static String oneLine(String text) {
        final StringJoiner joined = new StringJoiner("; ");
        for (String line : String.valueOf(text).split("\\R")) {
            if (!line.isBlank()) {
                joined.add(line.strip());
            }
        }
        return joined.toString();
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
