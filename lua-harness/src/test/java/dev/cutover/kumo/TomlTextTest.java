package dev.cutover.kumo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kumo.toml_encode} and its {@code kumo.serde} forms: the toml crate's layout, sorted keys, round trips. */
class TomlTextTest {
    private static final String DATA = "{ name = 'pool \"a\"', list = { 1, 2.5 }, sub = { a = 1, deep = { b = true } },"
            + " arr = { { n = 1 }, { n = 2 } }, empty = {}, mixed = { 'x', { y = 1 } }, ['odd key'] = 'it\\'s\\n' }";

    @TempDir
    Path dir;

    private String eval(String expression) throws IOException {
        final Path policy = dir.resolve("init.lua");
        Files.writeString(policy, "local kumo = require 'kumo'\nlocal data = " + DATA + "\nresult = " + expression
                + "\n");
        return LuaKumoPolicy.load(policy, MxFixture.builtIn(), HarnessOptions.defaults()).sandbox().globals()
                .get("result").tojstring();
    }

    @Test
    void encode_writesValuesThenSections_inTheTomlCratesLayout() throws IOException {
        assertEquals("list = [1, 2.5]\n"
                + "mixed = [\"x\", { y = 1 }]\n"
                + "name = 'pool \"a\"'\n"
                + "\"odd key\" = \"it's\\n\"\n"
                + "\n[[arr]]\nn = 1\n"
                + "\n[[arr]]\nn = 2\n"
                + "\n[empty]\n"
                + "\n[sub]\na = 1\n"
                + "\n[sub.deep]\nb = true\n", eval("kumo.toml_encode(data)"));
    }

    @Test
    void prettyForms_putArrayElementsOnLines_andCompactWritesEmptyTablesInline() throws IOException {
        final String pretty = eval("kumo.serde.toml_encode_pretty(data)");
        final String compact = eval("kumo.serde.toml_encode_pretty_compact(data)");

        assertTrue(pretty.startsWith("list = [\n    1,\n    2.5,\n]\n"), pretty);
        assertTrue(pretty.contains("\n[empty]\n"), pretty);
        assertTrue(compact.startsWith("empty = {}\nlist = [\n") && !compact.contains("[empty]"), compact);
    }

    @Test
    void encodedText_parsesBackToTheSameData() throws IOException {
        final String roundTrip = "kumo.json_encode(kumo.toml_parse(kumo.toml_encode(data))) == kumo.json_encode(data)";

        assertEquals("true", eval(roundTrip));
        assertEquals("true", eval(roundTrip.replace("kumo.toml_encode", "kumo.serde.toml_encode_pretty")));
        assertEquals("", eval("kumo.toml_encode({})"));
    }

    @Test
    void valuesTomlCannotHold_failNamingTheKey() {
        final PolicyException function = assertThrows(PolicyException.class,
                () -> eval("kumo.toml_encode({ hook = print })"));
        final PolicyException array = assertThrows(PolicyException.class, () -> eval("kumo.toml_encode({ 1, 2 })"));

        assertTrue(function.getMessage().contains("toml_encode: the function at key hook cannot be written as TOML"),
                function.getMessage());
        assertTrue(array.getMessage().contains("TOML text is a table of keys at the top, not an array"),
                array.getMessage());
    }

    @Test
    void tableHoldingItself_failsAsALuaErrorAPolicyCanCatch() throws IOException {
        final String caught = "local t = { a = 1 }; t.self = t; local list = { t }; t.list = list; "
                + "return select(2, pcall(kumo.%s, %s))";

        assertEquals("true", eval("(function() " + String.format(caught, "toml_encode", "t") + " end)()"
                + ":find('recursive table detected', 1, true) ~= nil"));
        assertEquals("true", eval("(function() " + String.format(caught, "json_encode", "list") + " end)()"
                + ":find('recursive table detected', 1, true) ~= nil"));
        assertEquals("{\"a\":{\"b\":1},\"c\":{\"b\":1}}", eval("(function() local shared = { b = 1 } "
                + "return kumo.json_encode({ a = shared, c = shared }) end)()"), "a table met twice is no cycle");
    }
}
