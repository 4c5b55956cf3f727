package dev.cutover.kumo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A policy as deployed: production folders mapped to local ones, and an environment of the scenario's own. */
class PolicyPathsTest {
    @TempDir
    Path dir;

    private Path folder(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    private List<String> printed(LuaKumoPolicy policy) {
        return policy.warnings().stream().filter(w -> w.startsWith("print: ")).map(w -> w.substring(7)).toList();
    }

    @Test
    void load_mappedProductionFolder_everyLoaderReadsTheLocalFolder() throws IOException {
        final Path policy = folder("policy");
        final Path etc = folder("prod-etc");
        Files.writeString(etc.resolve("limits.toml"), "rate = \"100/min\"\n");
        Files.writeString(etc.resolve("limits.json"), "{\"connections\": 7}\n");
        Files.writeString(etc.resolve("helper.lua"), "return 'helper from prod-etc'\n");
        Files.writeString(etc.resolve("tenant.lua"), "return { name = 'tenant module' }\n");
        final HarnessOptions options = HarnessOptions.defaults().withPaths(Map.of("/srv/kumo/etc", etc));

        final LuaKumoPolicy loaded = TempPolicy.load(policy, """
                local kumo = require 'kumo'
                package.path = '/srv/kumo/etc/?.lua;' .. package.path
                print(kumo.toml_load('/srv/kumo/etc/limits.toml').rate)
                print(kumo.json_load('/srv/kumo/etc/limits.json').connections)
                print(dofile('/srv/kumo/etc/helper.lua'))
                print(require('tenant').name)
                """, options);

        assertEquals(List.of("100/min", "7", "helper from prod-etc", "tenant module"), printed(loaded));
    }

    @Test
    void load_twoMappedFoldersHoldingAName_theLongerWinsAtAFolderBoundary() throws IOException {
        final Path outer = folder("outer");
        final Path inner = folder("inner");
        Files.createDirectories(outer.resolve("etc"));
        Files.writeString(outer.resolve("etc/which.lua"), "return 'outer'\n");
        Files.writeString(inner.resolve("which.lua"), "return 'inner'\n");
        Files.createDirectories(outer.resolve("etc2"));
        Files.writeString(outer.resolve("etc2/x.lua"), "return 'outer etc2'\n");
        final HarnessOptions options = HarnessOptions.defaults()
                .withPaths(Map.of("/srv/kumo/", outer, "/srv/kumo/etc", inner));

        final LuaKumoPolicy loaded = TempPolicy.load(folder("policy"),
                "print(dofile('/srv/kumo/etc/which.lua'))\nprint(dofile('/srv/kumo/etc2/x.lua'))\n", options);

        assertEquals(List.of("inner", "outer etc2"), printed(loaded), "etc2 is not under etc");
    }

    @Test
    void load_unmappedProductionPath_failsSayingHowToMapIt() throws IOException {
        final PolicyException thrown = assertThrows(PolicyException.class, () -> TempPolicy.load(folder("policy"),
                "local kumo = require 'kumo'\nlocal t = kumo.toml_load('/etc/kumo/limits.toml')\n",
                HarnessOptions.defaults()));

        assertTrue(thrown.getMessage().contains("init.lua:2:"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("/etc/kumo/limits.toml is outside the policy folder; the sandbox "
                + "reads only files under it (map its production folder to a local one in [kumomta.paths])"),
                thrown.getMessage());
    }

    @Test
    void load_missingFileInAMappedFolder_namesTheLocalFolderItWasLookedFor() throws IOException {
        final Path etc = folder("etc");
        final PolicyException thrown = assertThrows(PolicyException.class, () -> TempPolicy.load(folder("policy"),
                "local kumo = require 'kumo'\nlocal t = kumo.toml_load('/srv/kumo/tenants.toml')\n",
                HarnessOptions.defaults().withPaths(Map.of("/srv/kumo", etc))));

        assertTrue(thrown.getMessage().contains("cannot open /srv/kumo/tenants.toml: no such file in "
                + etc.toAbsolutePath().normalize() + ", the local folder [kumomta.paths] maps /srv/kumo to"),
                thrown.getMessage());
    }

    @Test
    void require_packagePathEntriesOutsideTheFolders_skippedAsLuaSkipsMissingFiles() throws IOException {
        final Path policy = folder("policy");
        Files.writeString(policy.resolve("util.lua"), "return { name = 'util' }\n");
        final String path = "package.path = '/usr/local/share/lua/5.4/?.lua;/opt/kumomta/etc/policy/?.lua;' "
                + ".. package.path\n";

        final LuaKumoPolicy loaded = TempPolicy.load(policy, path + "print(require('util').name)\n",
                HarnessOptions.defaults());
        final PolicyException missing = assertThrows(PolicyException.class, () -> TempPolicy.load(policy,
                path + "require 'nowhere'\n", HarnessOptions.defaults()));

        assertEquals(List.of("util"), printed(loaded));
        assertTrue(missing.getMessage().startsWith("init.lua:2: module 'nowhere' not found"), missing.getMessage());
        assertTrue(missing.getMessage().endsWith("(/usr/local/share/lua/5.4/nowhere.lua is outside the policy "
                + "folder; the sandbox reads only files under it (map its production folder to a local one in "
                + "[kumomta.paths]))"), missing.getMessage());
    }

    @Test
    void load_queueHelperRequiredFromTheInstallFolderWithoutHelpers_isCutoversOwn() throws IOException {
        final LuaKumoPolicy loaded = TempPolicy.load(folder("policy"), """
                package.path = '/opt/kumomta/share/?.lua;' .. package.path
                local queue_module = require 'policy-extras.queue'
                print(type(queue_module.setup))
                """, HarnessOptions.defaults());

        assertEquals(List.of("function"), printed(loaded));
    }

    @Test
    void getenv_answersOnlyTheScenariosVariables() throws IOException {
        final HarnessOptions options = HarnessOptions.defaults().withEnv(Map.of("KUMO_ENV", "production"));

        final LuaKumoPolicy loaded = TempPolicy.load(folder("policy"),
                "print(os.getenv('KUMO_ENV'))\nprint(tostring(os.getenv('HOME')))\n"
                        + "print(tostring(os.getenv('PATH')))\n",
                options);

        assertEquals(List.of("production", "nil", "nil"), printed(loaded));
    }
}
