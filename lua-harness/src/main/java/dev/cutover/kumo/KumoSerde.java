package dev.cutover.kumo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * {@code kumo.json_*} and {@code kumo.toml_*}, also reachable as {@code kumo.serde.*}
 * ({@code crates/mod-serde/src/lib.rs}); TOML is written by {@link TomlText}. Files are read through
 * {@link PolicyFiles}, so only the policy and helper folders are visible.
 */
final class KumoSerde {

    private KumoSerde() {
    }

    /**
     * Installs the functions into {@code target} (the kumo table or kumo.serde).
     *
     * @param loaded told of each table read from a file, with the file's label, so that values taken from it can
     *               be traced to the file and section
     */
    static void install(LuaTable target, PolicyFiles files, BiConsumer<LuaValue, String> loaded) {
        target.set("json_load", LuaFunctions.of("json_load", a -> {
            final String name = a.checkjstring(1);
            final LuaValue value = jsonParse(read(files, name));
            loaded.accept(value, label(files, name));
            return value;
        }));
        target.set("json_parse", LuaFunctions.of("json_parse", a -> jsonParse(a.checkjstring(1))));
        target.set("json_encode", LuaFunctions.of("json_encode", a ->
                LuaValue.valueOf(LuaJson.encode(a.arg1(), false, "json_encode"))));
        target.set("json_encode_pretty", LuaFunctions.of("json_encode_pretty", a ->
                LuaValue.valueOf(LuaJson.encode(a.arg1(), true, "json_encode_pretty"))));
        target.set("toml_load", LuaFunctions.of("toml_load", a -> {
            final String name = a.checkjstring(1);
            final LuaValue value = tomlParse(read(files, name), name);
            loaded.accept(value, label(files, name));
            return value;
        }));
        target.set("toml_parse", LuaFunctions.of("toml_parse", a -> tomlParse(a.checkjstring(1), "toml_parse")));
        target.set("toml_encode", LuaFunctions.of("toml_encode",
                a -> LuaValue.valueOf(TomlText.encode(a.arg1(), "toml_encode", false, false))));
        target.set("toml_encode_pretty", LuaFunctions.of("toml_encode_pretty",
                a -> LuaValue.valueOf(TomlText.encode(a.arg1(), "toml_encode_pretty", true, false))));
    }

    private static String label(PolicyFiles files, String name) {
        return files.resolve(name).map(files::label).orElse(name);
    }

    private static String read(PolicyFiles files, String name) {
        try {
            final Path file = files.require(name);
            return Files.readString(file);
        } catch (IllegalArgumentException | IOException e) {
            throw new LuaError(e.getMessage());
        }
    }

    private static LuaValue jsonParse(String text) {
        try {
            return LuaJson.parse(text);
        } catch (IllegalArgumentException e) {
            throw new LuaError("json parse error: " + e.getMessage());
        }
    }

    private static LuaValue tomlParse(String text, String name) {
        try {
            return LuaData.toLua(TomlData.parse(text, name));
        } catch (PolicyException e) {
            throw new LuaError(e.getMessage());
        }
    }
}
