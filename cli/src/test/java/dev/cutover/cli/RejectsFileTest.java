package dev.cutover.cli;

import dev.cutover.ingest.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RejectsFileTest {
    @TempDir
    Path dir;

    @Test
    void reject_fileNameWithTabAndNewline_escapedSoTheRowKeepsFourColumns() throws IOException {
        final Path rejects = dir.resolve("rejects.tsv");
        try (RejectsFile file = new RejectsFile(rejects)) {
            file.reject(Path.of("we\tird\nname.ec"), 7, RejectReason.EMPTY_LINE, "");
        }

        assertEquals(List.of(RejectsFile.HEADER, "we\\tird\\nname.ec\t7\tEMPTY_LINE\t"), Files.readAllLines(rejects));
    }

    @Test
    void escape_controlCharacters_keepOneRowPerLine() {
        assertEquals("a\\tb\\x00c\\\\d\\ne\\x1b", RejectsFile.escape("a\tb\u0000c\\d\ne\u001b"));
    }

    @Test
    void escape_longText_isCutAtFourKibibytes() {
        final String escaped = RejectsFile.escape("x".repeat(5000));

        assertEquals(4096 + 3, escaped.length());
    }
}
