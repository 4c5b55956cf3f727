package dev.cutover.kumo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a pattern written for another engine's regular expressions (KumoMTA's {@code fancy_regex}, Momentum's
 * PCRE) with {@code java.util.regex}, which reads the common forms the same. Python-style named groups, which both
 * accept and Java does not, are rewritten first: {@code (?P<name>...)} to {@code (?<name>...)} and {@code (?P=name)}
 * to {@code \k<name>}; Java's group names take letters and digits only, so other characters of a name are dropped.
 */
public final class ForeignRegex {
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?P<([^>]*)>");
    private static final Pattern NAMED_REFERENCE = Pattern.compile("\\(\\?P=([^)]*)\\)");

    private ForeignRegex() {
    }

    /**
     * @param regex the pattern as written
     * @return it compiled
     * @throws java.util.regex.PatternSyntaxException when Java cannot read it
     */
    public static Pattern compile(String regex) {
        return Pattern.compile(rewrite(regex));
    }

    static String rewrite(String regex) {
        if (!regex.contains("(?P")) {
            return regex;
        }
        final String groups = replace(NAMED_GROUP, regex, name -> "(?<" + javaName(name) + ">");
        return replace(NAMED_REFERENCE, groups, name -> "\\\\k<" + javaName(name) + ">");
    }

    private static String replace(Pattern form, String text, java.util.function.UnaryOperator<String> with) {
        final Matcher m = form.matcher(text);
        final StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, with.apply(m.group(1)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String javaName(String name) {
        final String kept = name.replaceAll("[^A-Za-z0-9]", "");
        return kept.isEmpty() || !Character.isLetter(kept.charAt(0)) ? "g" + kept : kept;
    }
}
