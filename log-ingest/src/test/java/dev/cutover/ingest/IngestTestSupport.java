package dev.cutover.ingest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the ingest tests share: a temporary folder, a reject sink that records {@code file:line:REASON} for each
 * line set aside, and Chronicle's analytics switched off before any queue class loads.
 */
abstract class IngestTestSupport {
    @TempDir
    Path dir;

    final List<String> rejected = new ArrayList<>();
    final RejectSink sink = (file, line, reason, text) ->
            rejected.add(file.getFileName() + ":" + line + ":" + reason);

    @BeforeAll
    static void disableChronicleAnalytics() {
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
    }
}
