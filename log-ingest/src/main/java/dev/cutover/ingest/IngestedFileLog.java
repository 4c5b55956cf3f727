package dev.cutover.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The list of ingested files kept beside a traffic store's queue, as a small tab-separated text file that
 * is replaced atomically (written to a temporary file, then renamed over the old one).
 *
 * <p>Each line after the header reads {@code size<TAB>headSha256<TAB>tailSha256<TAB>lines<TAB>name}.
 */
final class IngestedFileLog {
    static final String FILE_NAME = "ingested-files.tsv";
    private static final String HEADER = "# cutover ingested files v1: size, head sha256, tail sha256, lines, name";

    private final Path file;
    private final Map<FileIdentity, IngestedFile> entries = new LinkedHashMap<>();

    IngestedFileLog(Path storeDirectory) {
        this.file = storeDirectory.resolve(FILE_NAME);
        if (Files.exists(file)) {
            load();
        }
    }

    boolean contains(FileIdentity identity) {
        return entries.containsKey(identity);
    }

    List<IngestedFile> entries() {
        return List.copyOf(entries.values());
    }

    void record(IngestedFile entry) {
        entries.put(entry.identity(), entry);
        save();
    }

    private void load() {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    final IngestedFile entry = parse(line);
                    entries.put(entry.identity(), entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private IngestedFile parse(String line) {
        final String[] fields = line.split("\t", 5);
        if (fields.length != 5) {
            throw new IllegalStateException(file + ": damaged line, expected 5 tab-separated fields: " + line);
        }
        final FileIdentity identity = new FileIdentity(Long.parseLong(fields[0]), fields[1], fields[2]);
        return new IngestedFile(identity, fields[4], Long.parseLong(fields[3]));
    }

    private void save() {
        final List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (IngestedFile entry : entries.values()) {
            lines.add(format(entry));
        }
        final Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String format(IngestedFile entry) {
        final FileIdentity id = entry.identity();
        final String name = entry.fileName().replaceAll("[\\t\\r\\n]", " ");
        return String.join("\t", Long.toString(id.sizeBytes()), id.headSha256(), id.tailSha256(),
                Long.toString(entry.lineCount()), name);
    }
}
