package dev.cutover.cli.report;

/**
 * Text from the logs and configurations, made safe to show to a person: control characters (which a terminal would
 * act on, such as an escape sequence) and the invisible characters that reverse or reorder the text around them
 * (bidirectional overrides, embeddings, isolates and marks) are shown as {@code \\u} and their code instead.
 * Machine-read files (report.json, divergences.csv, junit.xml) keep the text as it was.
 */
public final class Printable {

    private Printable() {
    }

    /** @return {@code text} with every character a person should not be shown raw written as {@code \\uXXXX} */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        if (text.codePoints().noneMatch(Printable::hidden)) {
            return text;
        }
        final StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (hidden(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean hidden(int c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F || c == 0x061C || c == 0x200E || c == 0x200F
                || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }
}
