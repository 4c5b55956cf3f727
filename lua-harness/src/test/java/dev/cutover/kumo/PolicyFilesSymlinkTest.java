package dev.cutover.kumo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.luaj.vm2.LuaError;

/** Symbolic links in the policy or helper folder may not lead a policy's file reads outside them. */
class PolicyFilesSymlinkTest {

    @TempDir
    Path root;

    private Path policy;
    private Path outside;

    @BeforeEach
    void createFolders() throws IOException {
        policy = Files.createDirectory(root.resolve("policy"));
        outside = Files.createDirectory(root.resolve("outside"));
    }

    private static void link(Path link, Path target) throws IOException {
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Assumptions.abort("the file system refuses symbolic links: " + e);
        }
    }

    private LuaKumoPolicy load(String lua) throws IOException {
        return TempPolicy.load(policy, "local kumo = require 'kumo'\n" + lua + "\n", HarnessOptions.defaults());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "require           | secret.lua  | return 1 | require 'secret'",
        "dofile            | secret.lua  | return 1 | dofile 'secret.lua'",
        "loadfile          | secret.lua  | return 1 | loadfile 'secret.lua'",
        "kumo.toml_load    | secret.toml | a = 1    | kumo.toml_load 'secret.toml'",
        "kumo.json_load    | secret.json | [1]      | kumo.json_load 'secret.json'",
        "kumo.shaping.load | secret.toml | a = 1    | kumo.shaping.load {'secret.toml'}",
    })
    void loader_linkToFileOutsidePolicyFolder_isRefused(String loader, String name, String content, String call)
            throws IOException {
        link(policy.resolve(name), Files.writeString(outside.resolve(name), content));

        final PolicyException e = assertThrows(PolicyException.class, () -> load(call));

        assertEquals("init.lua:2: " + name + " resolves outside the policy folder", e.getMessage());
    }

    @Test
    void require_linkedFolderLeadingOutside_isRefused() throws IOException {
        Files.writeString(outside.resolve("secret.lua"), "return 1");
        link(policy.resolve("lib"), outside);

        final PolicyException e = assertThrows(PolicyException.class, () -> load("require 'lib.secret'"));

        assertEquals("init.lua:2: lib/secret.lua resolves outside the policy folder", e.getMessage());
    }

    @Test
    void require_linkInHelperFolderLeadingOutside_namesBothFolders() throws IOException {
        final Path helper = Files.createDirectory(root.resolve("helper"));
        link(helper.resolve("extra.lua"), Files.writeString(outside.resolve("extra.lua"), "return 1"));
        final HarnessOptions options = HarnessOptions.defaults().withHelperFolder(helper);

        final PolicyException e = assertThrows(PolicyException.class,
                () -> TempPolicy.load(policy, "require 'extra'\n", options));

        assertEquals("init.lua:1: extra.lua resolves outside the policy folder and the helper folder",
                e.getMessage());
    }

    @Test
    void require_linkToFileInsidePolicyFolder_isRead() throws IOException {
        link(policy.resolve("alias.lua"), Files.writeString(policy.resolve("real.lua"), "return { answer = 42 }"));

        final LuaKumoPolicy loaded = load("result = require('alias').answer");

        assertEquals(42, loaded.sandbox().globals().get("result").toint());
    }

    @Test
    void load_policyFolderReachedThroughLink_readsItsFiles() throws IOException {
        Files.writeString(policy.resolve("helper.lua"), "return { answer = 42 }");
        Files.writeString(policy.resolve("init.lua"), "result = require('helper').answer\n");
        final Path linkedFolder = root.resolve("linked");
        link(linkedFolder, policy);

        final LuaKumoPolicy loaded = LuaKumoPolicy.load(linkedFolder.resolve("init.lua"), MxFixture.builtIn(),
                HarnessOptions.defaults());

        assertEquals(42, loaded.sandbox().globals().get("result").toint());
    }

    @Test
    void resolve_linkOutside_throwsNamingTheName() throws IOException {
        link(policy.resolve("secret.toml"), Files.writeString(outside.resolve("secret.toml"), "a = 1"));
        final PolicyFiles files = new PolicyFiles(policy, null);

        final LuaError e = assertThrows(LuaError.class, () -> files.resolve("secret.toml"));

        assertEquals("secret.toml resolves outside the policy folder", e.getMessage());
    }
}
