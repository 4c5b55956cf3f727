package dev.cutover.kumo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code kumo.glob} and {@code kumo.fs.glob} (with their {@code uncached_} forms): the files matching a pattern, as
 * a policy lists its per-tenant configuration files (docs.kumomta.com reference/kumo.fs/glob). The pattern's
 * folder goes through the same mapping as every file a policy opens ({@link PolicyFiles}), and the names come back
 * as the policy wrote them, under the production folder, so they load through the mapping again; they are sorted,
 * so every run reads them in the same order. A folder that does not exist gives no names, as in kumod; a relative
 * pattern is looked for under {@code relative_to}, which is taken off the front of each name; the cache's time to
 * live means nothing in a replay.
 */
final class KumoGlob {

    private KumoGlob() {
    }

    /** @return the glob function, named {@code name} in messages */
    static LuaValue function(String name, PolicyFiles files) {
        return LuaFunctions.of(name, args -> glob(files, args));
    }

    /**
     * @return {@code kumo.read_dir} or {@code kumo.fs.read_dir}, named {@code name}: every entry of a folder, named
     *         under the folder as the policy wrote it, sorted; a folder that does not exist fails, as in kumod
     */
    static LuaValue readDir(String name, PolicyFiles files) {
        return LuaFunctions.of(name, args -> {
            final String folder = args.checkjstring(1);
            final Optional<Path> local = files.resolveFolder(folder);
            if (local.isEmpty()) {
                throw new LuaError(name + ": " + folder + " is not a folder the policy's folders or "
                        + "[kumomta.paths] hold");
            }
            final List<String> found = new ArrayList<>();
            try (Stream<Path> entries = Files.list(local.get())) {
                entries.forEach(p -> found.add((folder.endsWith("/") ? folder : folder + "/") + p.getFileName()));
            } catch (IOException | UncheckedIOException e) {
                throw new LuaError(name + ": cannot list " + folder + ": " + e.getMessage());
            }
            found.sort(null);
            final LuaTable names = new LuaTable();
            found.forEach(entry -> names.set(names.rawlen() + 1, LuaValue.valueOf(entry)));
            return names;
        });
    }

    private static Varargs glob(PolicyFiles files, Varargs args) {
        final String relativeTo = args.optjstring(2, ".");
        final String given = args.checkjstring(1);
        final String pattern = given.startsWith("/") || relativeTo.equals(".") ? given
                : (relativeTo.endsWith("/") ? relativeTo : relativeTo + "/") + given;
        final int meta = firstMeta(pattern);
        final int slash = pattern.lastIndexOf('/', meta < 0 ? pattern.length() - 1 : meta);
        final String folder = slash < 0 ? "." : slash == 0 ? "/" : pattern.substring(0, slash);
        final String rest = pattern.substring(slash + 1);
        final Optional<Path> local = files.resolveFolder(folder);
        final LuaTable names = new LuaTable();
        if (local.isEmpty()) {
            return names;
        }
        final PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        final List<String> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(local.get(), rest.contains("**") ? Integer.MAX_VALUE
                : (int) rest.chars().filter(c -> c == '/').count() + 1)) {
            walk.filter(p -> !p.equals(local.get()) && matcher.matches(local.get().relativize(p)))
                    .forEach(p -> found.add(named(folder, local.get().relativize(p).toString(), relativeTo)));
        } catch (IOException | UncheckedIOException e) {
            throw new LuaError("cannot list " + folder + ": " + e.getMessage());
        }
        found.sort(null);
        for (int i = 0; i < found.size(); i++) {
            names.set(i + 1, LuaValue.valueOf(found.get(i)));
        }
        return names;
    }

    /** @return the name of a found file as the policy would see it, without {@code relativeTo} in front */
    private static String named(String folder, String relative, String relativeTo) {
        final String name = folder.equals(".") ? relative : folder.endsWith("/") ? folder + relative
                : folder + "/" + relative;
        final String prefix = relativeTo.endsWith("/") ? relativeTo : relativeTo + "/";
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    private static int firstMeta(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if ("*?[{".indexOf(pattern.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
