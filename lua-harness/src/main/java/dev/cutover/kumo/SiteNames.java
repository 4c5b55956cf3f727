package dev.cutover.kumo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Factors a list of MX host names into one site name, as kumod's {@code factor_names} does
 * ({@code crates/mailexchanger/src/lib.rs}).
 *
 * <p>Worked example: {@code gmail-smtp-in.l.google.com} and {@code alt1}…{@code alt4.gmail-smtp-in.l.google.com}
 * give {@code (alt1|alt2|alt3|alt4)?.gmail-smtp-in.l.google.com}. Names are lower-cased and lose a trailing
 * dot; labels are compared from the right; each position lists its distinct labels in first-seen order,
 * in parentheses when there is more than one, with {@code ?} when some names are too short to reach it.
 * A {@code :port} suffix stays on the last label. Host order matters: the same hosts in another order give
 * another site name.
 */
public final class SiteNames {

    private SiteNames() {
    }

    /**
     * @param hosts MX host names in preference order; empty or malformed names are skipped
     * @return the factored site name, or the empty string when no usable name remains
     */
    public static String factor(List<String> hosts) {
        final List<List<String>> reversedLabels = new ArrayList<>();
        int maxLabels = 0;
        for (String host : hosts) {
            final List<String> labels = reversedLabels(host);
            if (!labels.isEmpty()) {
                reversedLabels.add(labels);
                maxLabels = Math.max(maxLabels, labels.size());
            }
        }

        final List<List<String>> positions = new ArrayList<>();
        for (List<String> labels : reversedLabels) {
            for (int i = 0; i < maxLabels; i++) {
                addDistinct(positions, i, i < labels.size() ? labels.get(i) : "?");
            }
        }
        return render(positions);
    }

    private static List<String> reversedLabels(String host) {
        String name = host.trim();
        String port = "";
        final int colon = name.lastIndexOf(':');
        if (colon > 0 && name.substring(colon + 1).matches("\\d+")) {
            port = name.substring(colon);
            name = name.substring(0, colon);
        }
        name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (name.isEmpty() || name.contains("..") || name.startsWith(".")) {
            return List.of();
        }

        final List<String> labels = new ArrayList<>(List.of(name.toLowerCase(Locale.ROOT).split("\\.")));
        final int last = labels.size() - 1;
        labels.set(last, labels.get(last) + port);
        java.util.Collections.reverse(labels);
        return labels;
    }

    private static void addDistinct(List<List<String>> positions, int index, String label) {
        if (index == positions.size()) {
            positions.add(new ArrayList<>());
        }
        final List<String> seen = positions.get(index);
        if (!seen.contains(label)) {
            seen.add(label);
        }
    }

    private static String render(List<List<String>> positions) {
        final List<String> parts = new ArrayList<>();
        for (List<String> labels : positions) {
            final List<String> real = new ArrayList<>(labels);
            final boolean optional = real.remove("?");
            final String text = real.size() == 1 ? real.get(0) : "(" + String.join("|", real) + ")";
            parts.add(0, optional ? text + "?" : text);
        }
        return String.join(".", parts);
    }
}
