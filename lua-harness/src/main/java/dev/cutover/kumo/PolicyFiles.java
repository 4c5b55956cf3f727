package dev.cutover.kumo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.lib.ResourceFinder;

/**
 * The only files a policy may read: those under its own folder and under an optional helper folder (the
 * stand-in for {@code /opt/kumomta/share}, which holds {@code policy-extras/}).
 *
 * <p>Relative names resolve against the policy folder first, then the helper folder. The absolute install
 * paths a real policy names are mapped: {@code /opt/kumomta/etc/policy/X}, and any other
 * {@code /opt/kumomta/etc/X} (such as the queue helper's {@code /opt/kumomta/etc/queue.toml}), to the policy folder,
 * and {@code /opt/kumomta/share/X} to the helper folder ({@code docs/userguide/installation} lays these out);
 * without a helper folder, {@code /opt/kumomta/share/policy-extras/X} is cutover's own module of that name.
 * A scenario may map other production folders to local ones ({@code [kumomta.paths]}): the longest mapped folder
 * that holds a name wins over the built-in mapping, and the local folders it names may be read as well.
 * Anything else is refused.
 *
 * <p>Symbolic links are followed only when they stay inside: a file is read when its real path
 * ({@link Path#toRealPath}) lies under the real path of the folder it was found in, so a link such as
 * {@code policy/secret.toml -> /etc/shadow} fails with "secret.toml resolves outside the policy folder"
 * rather than being read. A policy folder that is itself reached through a link is fine: the check compares
 * real paths on both sides.
 */
public final class PolicyFiles implements ResourceFinder {

    private static final String ETC_POLICY = "/opt/kumomta/etc/policy/";
    private static final String ETC = "/opt/kumomta/etc/";
    private static final String SHARE = "/opt/kumomta/share/";
    /** Where cutover's own policy-extras modules are, relative to this class's package on the class path. */
    private static final String BUILT_IN_EXTRAS = "policy-extras/";

    private final Path policyFolder;
    private final String folderName;
    private final Path helperFolder;
    private final Set<String> builtInModules = new TreeSet<>();
    private final Set<Path> scriptsRead = new java.util.LinkedHashSet<>();
    /** Lua files asked for outside the folders, to why they could not be read. */
    private final Map<String, String> outsideTried = new LinkedHashMap<>();
    /** Production folder (no final slash) to local folder, longest production folder first. */
    private final Map<String, Path> mapped = new LinkedHashMap<>();
    /** The folders files may be read from, and their real paths. */
    private final List<Path> roots = new ArrayList<>();
    private final List<Path> realRoots = new ArrayList<>();
    private final boolean mappable;

    /**
     * @param policyFolder folder of init.lua
     * @param helperFolder folder holding {@code policy-extras/}, or null
     */
    public PolicyFiles(Path policyFolder, Path helperFolder) {
        this(policyFolder, helperFolder, SandboxHost.KUMOD.folder(), Map.of(), true);
    }

    /**
     * @param policyFolder folder of init.lua
     * @param helperFolder folder holding {@code policy-extras/}, or null
     * @param paths        production folders, absolute, to the local folders that stand for them
     */
    public PolicyFiles(Path policyFolder, Path helperFolder, Map<String, Path> paths) {
        this(policyFolder, helperFolder, SandboxHost.KUMOD.folder(), paths, true);
    }

    /**
     * @param scriptFolder folder of the script the sandbox runs
     * @param helperFolder folder holding {@code policy-extras/}, or null
     * @param folderName   what messages call the script's folder, e.g. {@code policy folder}
     */
    public PolicyFiles(Path scriptFolder, Path helperFolder, String folderName) {
        this(scriptFolder, helperFolder, folderName, Map.of(), false);
    }

    /** @param mappable whether a scenario can map production folders for this script ({@code [kumomta.paths]}) */
    private PolicyFiles(Path scriptFolder, Path helperFolder, String folderName, Map<String, Path> paths,
                        boolean mappable) {
        this.folderName = folderName;
        this.mappable = mappable;
        this.policyFolder = scriptFolder.toAbsolutePath().normalize();
        this.helperFolder = helperFolder == null ? null : helperFolder.toAbsolutePath().normalize();
        roots.add(policyFolder);
        if (this.helperFolder != null) {
            roots.add(this.helperFolder);
        }
        paths.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Path> e) -> -trimmed(e.getKey()).length())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> {
                    final Path local = e.getValue().toAbsolutePath().normalize();
                    mapped.put(trimmed(e.getKey()), local);
                    roots.add(local);
                });
        roots.forEach(root -> realRoots.add(realOrSelf(root)));
    }

    private static String trimmed(String folder) {
        return folder.length() > 1 && folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
    }

    private static Path realOrSelf(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder;
        }
    }

    /** @return the policy folder. */
    public Path policyFolder() {
        return policyFolder;
    }

    /**
     * @param name a file name as the policy wrote it
     * @return the existing file it names inside the allowed folders, if any
     * @throws LuaError when the name is outside the allowed folders, or the file exists but, through a symbolic
     *                  link, resolves outside them
     */
    public Optional<Path> resolve(String name) {
        return existing(name, Files::isRegularFile, !name.startsWith(SHARE));
    }

    /**
     * @param name a folder name as the policy wrote it
     * @return the existing folder it names inside the allowed folders, if any
     * @throws LuaError when the name is outside the allowed folders, or resolves outside them through a link
     */
    public Optional<Path> resolveFolder(String name) {
        return existing(name, Files::isDirectory, true);
    }

    /**
     * @param mustBeInside whether a name outside the allowed folders is an error (a file of the install's share
     *                     folder without a helper folder is one to look for among cutover's own modules instead)
     * @return the first candidate for {@code name} inside the allowed folders that {@code exists} accepts
     */
    private Optional<Path> existing(String name, Predicate<Path> exists, boolean mustBeInside) {
        final List<Path> candidates = candidates(name);
        if (mustBeInside && candidates.stream().noneMatch(this::isAllowed)) {
            throw new LuaError(name + " is outside the " + folders() + "; the sandbox reads only files under "
                    + (roots.size() == 1 ? "it" : "them") + (mapped.isEmpty() ? "" : " and the folders "
                    + "[kumomta.paths] maps") + (mappable && name.startsWith("/") ? " (map its production folder "
                    + "to a local one in [kumomta.paths])" : ""));
        }
        for (Path candidate : candidates) {
            if (isAllowed(candidate) && exists.test(candidate)) {
                requireRealPathInside(name, candidate);
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private void requireRealPathInside(String name, Path candidate) {
        final Path real;
        try {
            real = candidate.toRealPath();
        } catch (IOException e) {
            throw new LuaError("cannot open " + name + ": " + e.getMessage());
        }
        if (realRoots.stream().noneMatch(real::startsWith)) {
            throw new LuaError(name + " resolves outside the " + folders());
        }
    }

    /**
     * @param name a file name as the policy wrote it
     * @return the file, for reading
     * @throws IllegalArgumentException naming the file when it is missing or outside the allowed folders
     * @throws LuaError                 when the file resolves outside the allowed folders through a link
     */
    public Path require(String name) {
        return resolve(name).orElseThrow(() -> new IllegalArgumentException(
                "cannot open " + name + ": " + (name.startsWith(SHARE) && helperFolder == null
                        ? "it is a file of a KumoMTA installation and no helper folder was named (the folder that "
                                + "holds policy-extras/, such as /opt/kumomta/share; in a scenario, [kumomta] helpers)"
                        : mapped.keySet().stream().filter(folder -> holds(folder, name)).findFirst()
                                .map(folder -> "no such file in " + mapped.get(folder) + ", the local folder "
                                        + "[kumomta.paths] maps " + folder + " to")
                                .orElse("no such file under the " + folders().replace(" and the ", " or the ")))));
    }

    /** @return the folders files may be read from, as messages name them */
    private String folders() {
        return folderName + (helperFolder == null ? "" : " and the helper folder");
    }

    /** @return how to show {@code file} in messages: relative to the policy or helper folder when inside. */
    public String label(Path file) {
        final Path absolute = file.toAbsolutePath().normalize();
        if (absolute.startsWith(policyFolder)) {
            return policyFolder.relativize(absolute).toString();
        }
        if (helperFolder != null && absolute.startsWith(helperFolder)) {
            return helperFolder.relativize(absolute).toString();
        }
        for (Map.Entry<String, Path> folder : mapped.entrySet()) {
            if (absolute.startsWith(folder.getValue())) {
                return folder.getKey() + "/" + folder.getValue().relativize(absolute);
            }
        }
        return absolute.toString();
    }

    /**
     * Opens a file for {@code require} and the loaders. A module of {@code policy-extras/} that neither folder
     * holds is served from cutover's own modules, written to the documented interface of KumoMTA's helpers
     * (shaping, queue, sources, listener_domains, and dkim_sign and log_hooks, which do nothing that shapes
     * delivery).
     */
    @Override
    public InputStream findResource(String name) {
        try {
            final Optional<Path> file;
            try {
                file = resolve(name);
            } catch (LuaError outside) {
                if (!searchingPackagePath() || !outside.getMessage().contains(" is outside the ")) {
                    throw outside;
                }
                // a package.path entry outside the folders is skipped, as Lua skips a file it cannot find
                outsideTried.putIfAbsent(name, outside.getMessage());
                return null;
            }
            if (file.isPresent()) {
                if (name.endsWith(".lua")) {
                    scriptRead(file.get());
                }
                return Files.newInputStream(file.get());
            }
            final String module = name.startsWith(SHARE) ? name.substring(SHARE.length()) : name;
            final InputStream builtIn = module.startsWith(BUILT_IN_EXTRAS) && module.endsWith(".lua")
                    && !module.contains("..") ? PolicyFiles.class.getResourceAsStream(module) : null;
            if (builtIn != null && helperFolder != null && !module.equals(BUILT_IN_EXTRAS + "cutover_common.lua")) {
                builtInModules.add(module);
            }
            return builtIn;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * @return the {@code policy-extras/} modules served from cutover's own because the helper folder lacks them,
     *         such as {@code policy-extras/queue.lua}; empty without a helper folder
     */
    public Set<String> builtInModulesUsed() {
        return Collections.unmodifiableSet(builtInModules);
    }

    /** @return true when a Lua script read from the folders so far has a path ending in {@code suffix} */
    public boolean readScriptEndingIn(String suffix) {
        return scriptsRead.stream().anyMatch(file -> file.toString().replace('\\', '/').endsWith(suffix));
    }

    /** @return true while {@code require} searches {@code package.path}, rather than a policy naming one file */
    private static boolean searchingPackagePath() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getClassName()
                .startsWith("org.luaj.vm2.lib.PackageLib")));
    }

    /**
     * @param detail an error that a Lua file could not be found or opened
     * @return {@code detail} with why the first file it names outside the folders could not be read, when it names one
     */
    public String whyNotFound(String detail) {
        return outsideTried.entrySet().stream().filter(e -> detail.contains(e.getKey())).findFirst()
                .map(e -> detail + " (" + e.getValue() + ")").orElse(detail);
    }

    /** Notes that {@code file}, a Lua script, was read, for {@link #whereQuoted}. */
    void scriptRead(Path file) {
        scriptsRead.add(file);
    }

    /**
     * @param name a file name as a policy writes it, such as a shaping file's
     * @return {@code file:line} of the first line of the Lua files read so far, in reading order, that holds
     *         {@code name} as a quoted string; empty when none does (the name was built, or comes from data)
     */
    public Optional<String> whereQuoted(String name) {
        final List<String> quoted = List.of("'" + name + "'", "\"" + name + "\"", "[[" + name + "]]");
        for (Path script : scriptsRead) {
            try {
                final List<String> lines = Files.readAllLines(script, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    final String line = lines.get(i);
                    if (quoted.stream().anyMatch(line::contains)) {
                        return Optional.of(label(script) + ":" + (i + 1));
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // a script that cannot be read again names nothing
            }
        }
        return Optional.empty();
    }

    /** @return what follows {@code folder} (written with its final slash) in {@code name}; "" for the folder itself */
    private static String within(String name, String folder) {
        return name.startsWith(folder) ? name.substring(folder.length())
                : name.equals(folder.substring(0, folder.length() - 1)) ? "" : null;
    }

    private List<Path> candidates(String name) {
        if (name.indexOf('\u0000') >= 0) {
            throw new LuaError("a file name with a NUL character in it names no file");
        }
        final List<Path> out = new ArrayList<>();
        final Map.Entry<String, Path> userMapped = mapped.entrySet().stream()
                .filter(e -> holds(e.getKey(), name)).findFirst().orElse(null);
        if (userMapped != null) {
            final String rest = name.substring(userMapped.getKey().length()).replaceFirst("^/+", "");
            out.add(userMapped.getValue().resolve(rest));
        } else if (within(name, ETC_POLICY) != null) {
            out.add(policyFolder.resolve(within(name, ETC_POLICY)));
        } else if (within(name, ETC) != null) {
            out.add(policyFolder.resolve(within(name, ETC)));
        } else if (within(name, SHARE) != null && helperFolder != null) {
            out.add(helperFolder.resolve(within(name, SHARE)));
        } else if (Path.of(name).isAbsolute()) {
            out.add(Path.of(name));
        } else {
            out.add(policyFolder.resolve(name));
            if (helperFolder != null) {
                out.add(helperFolder.resolve(name));
            }
        }
        out.replaceAll(p -> p.toAbsolutePath().normalize());
        return out;
    }

    /** @return true when {@code name} is the production folder {@code folder} or a file under it */
    private static boolean holds(String folder, String name) {
        return name.equals(folder) || name.startsWith(folder.endsWith("/") ? folder : folder + "/");
    }

    private boolean isAllowed(Path candidate) {
        return roots.stream().anyMatch(candidate::startsWith);
    }
}
