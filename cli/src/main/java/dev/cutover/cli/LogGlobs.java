package dev.cutover.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/** Expands a scenario's log entries: a plain path, or a glob in its last part ({@code logs/mainlog.ec*}). */
final class LogGlobs {

    private LogGlobs() {
    }

    static List<Path> expand(Path folder, String entry, String where) {
        final Path path = folder.resolve(entry).normalize();
        final String last = path.getFileName().toString();
        if (!last.contains("*") && !last.contains("?") && !last.contains("[")) {
            if (!Files.exists(path)) {
                throw new UserError(where + ": log file " + entry + " does not exist");
            }
            return List.of(path);
        }
        final List<Path> matches;
        try {
            matches = matches(path.getParent(), last);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new UserError(where + ": " + entry + " is not a valid glob (" + e.getDescription() + ")");
        }
        if (matches.isEmpty()) {
            throw new UserError(where + ": no log file matches " + entry);
        }
        return matches;
    }

    private static List<Path> matches(Path parent, String glob) {
        final PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        if (parent == null || !Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(parent)) {
            return files.filter(p -> matcher.matches(p.getFileName())).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UserError(parent + ": cannot list (" + e.getMessage() + ")");
        }
    }
}
