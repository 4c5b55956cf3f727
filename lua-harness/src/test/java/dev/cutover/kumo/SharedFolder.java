package dev.cutover.kumo;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code shared/} folder that CI machines keep beside the clone, holding KumoMTA's shipped
 * {@code kumomta-default-shaping.toml}. A fresh clone has no such folder: tests that need it are skipped
 * there, and every other test runs without it.
 */
final class SharedFolder {

    /** The folder, relative to the module (Maven runs tests from the module folder). */
    static final Path PATH = Path.of("../../shared");

    private SharedFolder() {
    }

    /**
     * @return KumoMTA's shipped shaping file
     * @throws org.opentest4j.TestAbortedException, skipping the calling test, when the file is absent
     */
    static Path shippedShaping() {
        final Path file = PATH.resolve("kumomta-default-shaping.toml");
        assumeTrue(Files.exists(file), "needs " + file.toAbsolutePath().normalize()
                + ", KumoMTA's shipped shaping file, which CI keeps in shared/ beside the clone");
        return file;
    }
}
