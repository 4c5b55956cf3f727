package dev.cutover.sim.momentum.conf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One run of {@link ConfParser}: tracks the stack of files being read (for relative includes and
 * cycle detection) and names files relative to the main file's folder.
 *
 * <p>Include rules: support.sparkpost.com/momentum/4/conf-overview.
 */
final class ParseSession {

    private final IncludeResolver includes;
    private final Path mainFile;
    private final Path mainFolder;
    private final Deque<Path> openFiles = new ArrayDeque<>();
    private final Deque<Path> openIdentities = new ArrayDeque<>();

    ParseSession(IncludeResolver includes, Path mainFile) {
        this.includes = includes;
        this.mainFile = mainFile.toAbsolutePath().normalize();
        this.mainFolder = this.mainFile.getParent();
    }

    ConfStanza readMain() {
        final ConfStanza global = globalStanza();

        readFile(mainFile, global, new SourceLocation(displayName(mainFile), 1));
        return global;
    }

    ConfStanza readMainText(String text) {
        final ConfStanza global = globalStanza();

        readText(text, mainFile, global);
        return global;
    }

    private ConfStanza globalStanza() {
        return new ConfStanza(ConfStanza.GLOBAL, null, new SourceLocation(displayName(mainFile), 1));
    }

    private void readFile(Path file, ConfStanza into, SourceLocation includedFrom) {
        final String text;

        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfException(includedFrom, "expected a readable file at " + file + " (" + e + ")");
        }
        readText(text, file, into);
    }

    private void readText(String text, Path file, ConfStanza into) {
        final String name = displayName(file);
        final List<Token> tokens = new ConfLexer(text, name).tokenize();

        openFiles.push(file);
        openIdentities.push(identity(file));
        try {
            new StanzaBodyParser(new TokenCursor(tokens, name), this::include).parseFile(into);
        } finally {
            openFiles.pop();
            openIdentities.pop();
        }
    }

    private void include(String written, SourceLocation where, ConfStanza into) {
        final Path target = includes.resolve(written, openFiles.peek().getParent());

        if (!Files.exists(target)) {
            throw new ConfException(where, "expected an existing file or directory for include \""
                + written + "\" (looked for " + target + ")");
        }
        for (Path file : filesOf(target, where)) {
            rejectCycle(file, where);
            readFile(file, into, where);
        }
    }

    private List<Path> filesOf(Path target, SourceLocation where) {
        try {
            return includes.filesOf(target);
        } catch (IOException e) {
            throw new ConfException(where, "expected a readable directory at " + target + " (" + e + ")");
        }
    }

    private void rejectCycle(Path file, SourceLocation where) {
        if (openIdentities.contains(identity(file))) {
            final String chain = openFiles.stream().map(this::displayName).collect(Collectors.joining(" < "));
            throw new ConfException(where, "expected an include that does not lead back to a file being read, but "
                + displayName(file) + " is already open (" + chain + ")");
        }
    }

    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private String displayName(Path file) {
        final Path absolute = file.toAbsolutePath().normalize();

        if (mainFolder != null && absolute.startsWith(mainFolder)) {
            return mainFolder.relativize(absolute).toString();
        }
        return absolute.toString();
    }
}
