package dev.cutover.cli;

import dev.cutover.ingest.IngestInput;
import dev.cutover.ingest.custom.CustomLogFile;
import dev.cutover.ingest.custom.CustomLogFormat;
import dev.cutover.ingest.custom.CustomLogStage;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One {@code [[traffic.custom_logs]]} entry of a scenario: its files, stage, format and node, each problem a
 * {@link UserError} naming the scenario file and the line of the key at fault.
 */
final class CustomLogEntry {
    private static final Set<String> CUSTOM_LOG_KEYS = Set.of("stage", "files", "format", "node");

    private final String fileName;
    private final int listLine;

    /**
     * @param fileName the scenario file's name, for messages
     * @param listLine the line of {@code traffic.custom_logs}, for a problem no key of the entry locates
     */
    CustomLogEntry(String fileName, int listLine) {
        this.fileName = fileName;
        this.listLine = listLine;
    }

    /** @return one file per match of the entry's {@code files}, each with the entry's stage, format and node */
    List<IngestInput> read(Path folder, TomlTable entry) {
        checkCustomLogKeys(entry);
        final CustomLogStage stage = customLogStage(entry);
        final CustomLogFormat format = customLogFormat(entry);
        final Object node = entry.contains("node") ? entry.get("node") : "";
        if (!(node instanceof String)) {
            throw customLogError(entry, "node", "node must be a string: the cluster node that wrote these files");
        }
        final Object files = entry.get("files");
        if (!(files instanceof TomlArray) || ((TomlArray) files).isEmpty()) {
            throw customLogError(entry, "files", "files must be a non-empty list of custom_logger files or globs");
        }
        final List<IngestInput> logs = new ArrayList<>();
        final TomlArray array = (TomlArray) files;
        for (int i = 0; i < array.size(); i++) {
            final String where = fileName + ":" + entryLine(entry, "files");
            for (Path path : LogGlobs.expand(folder, String.valueOf(array.get(i)), where)) {
                logs.add(IngestInput.custom(new CustomLogFile(path, stage, format), (String) node));
            }
        }
        return logs;
    }

    private void checkCustomLogKeys(TomlTable entry) {
        for (String key : entry.keySet()) {
            if (!CUSTOM_LOG_KEYS.contains(key)) {
                throw customLogError(entry, key, "unknown key `" + key + "` in [[traffic.custom_logs]]; expected "
                        + "one of files, format, stage, node");
            }
        }
        for (String key : List.of("stage", "files", "format")) {
            if (!entry.contains(key)) {
                throw new UserError(fileName + ":" + entryLine(entry, null) + ": [[traffic.custom_logs]] needs `"
                        + key + "`");
            }
        }
    }

    private CustomLogStage customLogStage(TomlTable entry) {
        try {
            return CustomLogStage.of(String.valueOf(entry.get("stage")));
        } catch (IllegalArgumentException e) {
            throw customLogError(entry, "stage", e.getMessage());
        }
    }

    private CustomLogFormat customLogFormat(TomlTable entry) {
        final Object format = entry.get("format");
        if (!(format instanceof String)) {
            throw customLogError(entry, "format", "format must be a string: the stage's *_format from ecelerity.conf");
        }
        try {
            return CustomLogFormat.parse((String) format);
        } catch (IllegalArgumentException e) {
            throw customLogError(entry, "format", e.getMessage());
        }
    }

    private UserError customLogError(TomlTable entry, String key, String message) {
        return new UserError(fileName + ":" + entryLine(entry, key) + ": " + message);
    }

    /** @return the line of {@code key} in an array-of-tables entry, or of the entry when the key is null */
    private int entryLine(TomlTable entry, String key) {
        final var position = key == null || !entry.contains(key) ? null : entry.inputPositionOf(key);
        return position == null ? listLine : position.line();
    }
}
