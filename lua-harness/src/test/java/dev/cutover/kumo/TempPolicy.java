package dev.cutover.kumo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a one-file policy, {@code init.lua}, into a folder and loads it with the built-in MX data. */
final class TempPolicy {

    private TempPolicy() {
    }

    /**
     * @param folder  the policy folder, usually a {@code @TempDir}
     * @param lua     the text of {@code init.lua}
     * @param options how to run it
     * @return the loaded policy
     */
    static LuaKumoPolicy load(Path folder, String lua, HarnessOptions options) throws IOException {
        final Path file = folder.resolve("init.lua");
        Files.writeString(file, lua);
        return LuaKumoPolicy.load(file, MxFixture.builtIn(), options);
    }
}
