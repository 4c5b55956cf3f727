package dev.cutover.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * End-to-end tests on the small estate of {@link E2eEstate}, made once per test class in a folder of the class's
 * own. Test classes run one after another, so each has these fields to itself while it runs.
 */
abstract class OnE2eEstate {
    @TempDir
    static Path dir;

    static Path estate;

    @BeforeAll
    static void estate() throws IOException, URISyntaxException {
        estate = E2eEstate.create(dir);
    }
}
