package dev.cutover.cli;

import dev.cutover.ingest.IngestException;
import dev.cutover.ingest.IngestInput;
import dev.cutover.ingest.Ingestor;
import dev.cutover.ingest.TrafficStore;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The traffic store of a scenario run. A run replays exactly the scenario's current logs. The store goes on from
 * what it holds when it can: files that grew, were rotated, or were added after the others are read on, and an
 * ingest that was stopped part way is finished. When it cannot (a file it holds is no longer among the logs, was
 * rewritten, or is read another way, as when a custom log's format changed; or a new log starts before the newest
 * message it holds), the store is emptied and built again.
 * A lock file keeps two cutover processes from filling one store at once. A folder holding anything but a store's
 * own files is refused, so emptying a store can never delete a user's files.
 */
final class ScenarioStore implements AutoCloseable {
    private static final String LOCK_FILE = "cutover.lock";
    /** Written by earlier versions to describe how the logs were read; still the store's own, so it may be deleted. */
    private static final String INPUTS_FILE = "inputs.txt";
    private static final String REJECTS_FILE = "rejects.tsv";

    private final Path folder;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private TrafficStore store;
    private String rebuiltBecause;

    private ScenarioStore(Path folder, FileChannel lockChannel, FileLock lock) {
        this.folder = folder;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens and locks the store for {@code inputs}, emptying it first when it cannot go on from what it holds.
     *
     * @throws UserError when an input cannot be read at all
     */
    static ScenarioStore open(Path folder, List<IngestInput> inputs) {
        return open(folder, inputs, false);
    }

    /** @param follow true when the logs will be followed, so that an empty log is one to wait for */
    static ScenarioStore open(Path folder, List<IngestInput> inputs, boolean follow) {
        final ScenarioStore opened = openForAppend(folder);
        try {
            final String why = Ingestor.whyNotResumable(inputs, opened.store, follow);
            if (why != null) {
                opened.store.close();
                opened.empty();
                opened.store = openStore(folder);
                opened.rebuiltBecause = why;
            }
            return opened;
        } catch (IngestException e) {
            opened.close();
            throw new UserError(e.getMessage(), e);
        }
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

    /** @return why the store was emptied to be filled again from the logs, or null when it went on as it was */
    String rebuiltBecause() {
        return rebuiltBecause;
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

    private static ScenarioStore lock(Path folder) {
        try {
            Files.createDirectories(folder);
            final FileChannel channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            final FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new UserError(folder + ": the traffic store is in use by another cutover run; wait for it "
                        + "or use another store folder");
            }
            return new ScenarioStore(folder, channel, lock);
        } catch (IOException e) {
            throw new UserError(folder + ": cannot open the traffic store (" + why(folder, e) + ")");
        }
    }

    /** @return what went wrong, in words: the exceptions of the file system name only the file */
    private static String why(Path folder, IOException e) {
        if (Files.isRegularFile(folder)) {
            return "it is a file; expected a folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way: " + e.getMessage();
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            final FileSystemException failure = (FileSystemException) e;
            return failure.getReason() + ": " + failure.getFile();
        }
        return String.valueOf(e.getMessage());
    }

    /**
     * The queues and state of a store must be writable: Chronicle opens a queue it cannot write as read-only and
     * fails only at the first append.
     */
    private static void requireWritable(Path folder) {
        try (Stream<Path> entries = Files.walk(folder, 2)) {
            for (Path entry : entries.toList()) {
                if (!Files.isWritable(entry)) {
                    throw new UserError(entry + ": cannot write to the traffic store (permission denied); every "
                            + "file and folder of a store must be writable by the user running cutover");
                }
            }
        } catch (IOException e) {
            throw new UserError(folder + ": cannot open the traffic store (" + why(folder, e) + ")");
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
        requireWritable(folder);
        try {
            return TrafficStore.open(folder);
        } catch (RuntimeException e) {
            throw new UserError(folder + ": cannot open the traffic store (" + e.getMessage() + ")", e);
        }
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
