package dev.cutover.sim.momentum.conf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns the path written after {@code include} / {@code readonly_include} into the files to read.
 *
 * <p>Rules from support.sparkpost.com/momentum/4/conf-overview: a relative path is resolved against
 * the folder of the including file; a directory stands for all its non-hidden files in alphabetical
 * order, without descending into sub-folders.
 *
 * <p>Because operators usually run cutover on a copy of their configuration, an absolute path can
 * be re-rooted with a prefix mapping: mapping {@code /opt/msys/ecelerity/etc/conf} to
 * {@code ./estate/conf} makes {@code include "/opt/msys/ecelerity/etc/conf/default/bindings.d"}
 * read {@code ./estate/conf/default/bindings.d}. The longest matching prefix wins.
 *
 * <p>Note: Momentum also tries its configuration search path ({@code EC_CONF_SEARCH_PATH}) when a
 * relative include is not found beside the including file; this resolver does not, so such files
 * must be reachable from the including file's folder or through a prefix mapping.
 */
final class IncludeResolver {

    private final Map<String, Path> prefixes;

    IncludeResolver(Map<String, Path> prefixes) {
        this.prefixes = new LinkedHashMap<>(prefixes);
    }

    IncludeResolver withPrefix(String prefix, Path replacement) {
        final Map<String, Path> wider = new LinkedHashMap<>(prefixes);

        wider.put(trimSlash(prefix), replacement);
        return new IncludeResolver(wider);
    }

    /**
     * @param written         the path as written in the include statement
     * @param includingFolder the folder of the file that contains the include
     * @return the absolute, normalised path the include refers to
     */
    Path resolve(String written, Path includingFolder) {
        final Map.Entry<String, Path> mapping = longestPrefix(written);

        if (mapping != null) {
            final String rest = written.substring(mapping.getKey().length()).replaceFirst("^/+", "");
            return mapping.getValue().resolve(rest).toAbsolutePath().normalize();
        }
        return includingFolder.resolve(written).toAbsolutePath().normalize();
    }

    /**
     * @param target an existing file or directory
     * @return the target itself, or a directory's non-hidden regular files sorted by name
     */
    List<Path> filesOf(Path target) throws IOException {
        if (!Files.isDirectory(target)) {
            return List.of(target);
        }
        try (Stream<Path> children = Files.list(target)) {
            return new ArrayList<>(children
                .filter(Files::isRegularFile)
                .filter(child -> !child.getFileName().toString().startsWith("."))
                .sorted(Comparator.comparing(child -> child.getFileName().toString()))
                .toList());
        }
    }

    private Map.Entry<String, Path> longestPrefix(String written) {
        Map.Entry<String, Path> best = null;
        for (Map.Entry<String, Path> entry : prefixes.entrySet()) {
            final String prefix = entry.getKey();
            final boolean matches = written.equals(prefix) || written.startsWith(prefix + "/");
            if (matches && (best == null || prefix.length() > best.getKey().length())) {
                best = entry;
            }
        }
        return best;
    }

    private static String trimSlash(String prefix) {
        return prefix.length() > 1 && prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
