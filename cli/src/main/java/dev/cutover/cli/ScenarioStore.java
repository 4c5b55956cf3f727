package dev.cutover.cli;

import dev.cutover.ingest.FileIdentity;
import dev.cutover.ingest.IngestedFile;
import dev.cutover.ingest.TrafficStore;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The traffic store of a scenario run. A run replays exactly the scenario's current logs: when the store holds
 * any other set of files (a file changed, grew, was removed from the list, or an earlier ingest stopped part way)
 * or they were read another way (a custom log's stage or format changed), the store is emptied and built again.
 * A lock file keeps two cutover processes from filling one store at once. A folder holding anything but a store's
 * own files is refused, so emptying a store can never delete a user's files.
 */
final class ScenarioStore implements AutoCloseable {
    private static final String LOCK_FILE = "cutover.lock";
    private static final String INPUTS_FILE = "inputs.txt";
    private static final String REJECTS_FILE = "rejects.tsv";

    private final Path folder;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private TrafficStore store;

    private ScenarioStore(Path folder, FileChannel lockChannel, FileLock lock) {
        this.folder = folder;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens and locks the store for {@code logs} read as {@code inputs} describes, emptying it first when it holds
     * other files or was filled from another description.
     */
    static ScenarioStore open(Path folder, List<Path> logs, String inputs) {
        final ScenarioStore opened = openForAppend(folder);
        if (!opened.holdsExactly(logs) || !inputs.equals(opened.readInputs())) {
            opened.store.close();
            opened.empty();
            opened.store = openStore(folder);
        }
        opened.writeInputs(inputs);
        return opened;
    }

    /** Opens and locks the store as it is, for adding files to it. */
    static ScenarioStore openForAppend(Path folder) {
        refuseForeignFiles(folder);
        final ScenarioStore opened = lock(folder);
        opened.store = openStore(folder);
        return opened;
    }

    TrafficStore traffic() {
        return store;
    }

    /** @return the store's rejects file, which lives and dies with the store. */
    Path rejectsFile() {
        return folder.resolve(REJECTS_FILE);
    }

    private static boolean ownsEntry(String name) {
        return TrafficStore.ownsEntry(name) || name.equals(LOCK_FILE) || name.equals(INPUTS_FILE)
                || name.equals(REJECTS_FILE);
    }

    private static void refuseForeignFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            final List<String> foreign = entries.map(p -> p.getFileName().toString())
                    .filter(name -> !ownsEntry(name)).sorted().limit(3).toList();
            if (!foreign.isEmpty()) {
                throw new UserError(folder + ": holds files that are not part of a cutover traffic store ("
                        + String.join(", ", foreign) + "); give [traffic] store a folder of its own");
            }
        } catch (IOException e) {
            throw new UserError(folder + ": cannot list the traffic store (" + e.getMessage() + ")");
        }
    }

    private String readInputs() {
        try {
            final Path file = folder.resolve(INPUTS_FILE);
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UserError(folder + ": cannot read the traffic store (" + e.getMessage() + ")");
        }
    }

    private void writeInputs(String inputs) {
        try {
            Files.writeString(folder.resolve(INPUTS_FILE), inputs);
        } catch (IOException e) {
            throw new UserError(folder + ": cannot write the traffic store (" + e.getMessage() + ")");
        }
    }

    private static ScenarioStore lock(Path folder) {
        try {
            Files.createDirectories(folder);
            final FileChannel channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            final FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new UserError(folder + ": the traffic store is in use by another cutover run; wait for it "
                        + "or give this scenario another [traffic] store");
            }
            return new ScenarioStore(folder, channel, lock);
        } catch (IOException e) {
            throw new UserError(folder + ": cannot open the traffic store (" + e.getMessage() + ")");
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static TrafficStore openStore(Path folder) {
        try {
            return TrafficStore.open(folder);
        } catch (RuntimeException e) {
            throw new UserError(folder + ": cannot open the traffic store (" + e.getMessage() + ")", e);
        }
    }

    private boolean holdsExactly(List<Path> logs) {
        final Set<FileIdentity> held = new HashSet<>();
        for (IngestedFile file : store.ingestedFiles()) {
            held.add(file.identity());
        }
        if (held.isEmpty() && store.messageCount() == 0) {
            return true;
        }
        return held.equals(identities(logs));
    }

    private static Set<FileIdentity> identities(List<Path> logs) {
        final Set<FileIdentity> wanted = new HashSet<>();
        for (Path log : logs) {
            try {
                wanted.add(FileIdentity.of(log));
            } catch (IOException e) {
                throw new UserError(log + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        return wanted;
    }

    /** Deletes the store's own entries, never anything else, and keeps the lock file. */
    private void empty() {
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.toList()) {
                final String name = entry.getFileName().toString();
                if (ownsEntry(name) && !name.equals(LOCK_FILE)) {
                    deleteTree(entry);
                }
            }
        } catch (IOException e) {
            throw new UserError(folder + ": cannot empty the traffic store (" + e.getMessage() + ")");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(ScenarioStore::delete);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UserError(path + ": cannot delete from the traffic store (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        try {
            store.close();
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UserError(folder + ": cannot close the traffic store (" + e.getMessage() + ")");
        }
    }
}
