package dev.cutover.kumo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kumo.string}, {@code kumo.digest} and {@code kumo.encode}, with the examples of docs.kumomta.com
 * reference/string and reference/kumo.digest and the edge cases of the Rust {@code str} methods kumod's helpers are;
 * and a call of a kumo name cutover does not know, said by name.
 */
class KumoStringsTest {
    @TempDir
    Path dir;

    private String eval(String expression) throws IOException {
        final Path policy = dir.resolve("init.lua");
        Files.writeString(policy, "local kumo = require 'kumo'\nlocal json = kumo.json_encode\nresult = " + expression
                + "\n");
        return LuaKumoPolicy.load(policy, MxFixture.builtIn(), HarnessOptions.defaults()).sandbox().globals()
                .get("result").tojstring();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "json(kumo.string.split('Mary had a little lamb', ' '))|[\"Mary\",\"had\",\"a\",\"little\",\"lamb\"]",
        "json(kumo.string.splitn('Mary had a little lamb', 3, ' '))|[\"Mary\",\"had\",\"a little lamb\"]",
        "json(kumo.string.rsplit('Mary had a little lamb', ' '))|[\"lamb\",\"little\",\"a\",\"had\",\"Mary\"]",
        "json(kumo.string.rsplitn('Mary had a little lamb', 3, ' '))|[\"lamb\",\"little\",\"Mary had a\"]",
        "json(kumo.string.split('a,,b,', ','))|[\"a\",\"\",\"b\",\"\"]",
        "json(kumo.string.split('ab', ''))|[\"\",\"a\",\"b\",\"\"]",
        "json(kumo.string.split('', ','))|[\"\"]",
        "json(kumo.string.split('a--b--c', '--'))|[\"a\",\"b\",\"c\"]",
        "#kumo.string.splitn('a b', 0, ' ')|0",
        // \194\160 is a no-break space in UTF-8: Unicode whitespace, but not ASCII whitespace
        "json(kumo.string.split_whitespace('  Mary   had\\ta\\194\\160lamb '))|[\"Mary\",\"had\",\"a\",\"lamb\"]",
        "kumo.string.split_ascii_whitespace(' a\\194\\160b  c')[1] == 'a\\194\\160b'|true",
        "kumo.string.replace('foo foo 123 foo', 'foo', 'new')|new new 123 new",
        "kumo.string.replacen('foo foo 123 foo', 'foo', 'new', 2)|new new 123 foo",
        "kumo.string.trim('  hello world \\n')|hello world",
        "'[' .. kumo.string.trim_start('  hello ') .. ']'|[hello ]",
        "'[' .. kumo.string.trim_end('  hello ') .. ']'|[  hello]",
        "tostring(kumo.string.starts_with('hello world', 'hello'))|true",
        "tostring(kumo.string.ends_with('hello world', 'hello'))|false",
        // kumo.digest and kumo.encode, with the figures of docs.kumomta.com reference/kumo.digest
        "kumo.digest.sha1('hello').hex|aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d",
        "tostring(kumo.digest.sha1('hello'))|aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d",
        "kumo.digest.sha1('hello').base32|VL2MMHO4YXUKFWV63YHTWSBM3GXKSQ2N",
        "kumo.digest.sha1('hello').base32hex|LBQCC7ESONKA5MLURO7JMI1CR6NAIGQD",
        "kumo.digest.sha1('hello').base64|qvTGHdzF6KLavt4PO0gs2a6pQ00=",
        "kumo.digest.sha1('hello').base64url_nopad|qvTGHdzF6KLavt4PO0gs2a6pQ00",
        "kumo.digest.sha1('hel', 'lo').hex|aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d",
        "kumo.digest.md5('hello').hex|5d41402abc4b2a76b9719d911017c592",
        // crates/mod-digest/test.lua's figure; and the standard check value of CRC-32 over '123456789'
        "kumo.digest.crc32('something').hex|09da31fb",
        "kumo.digest.crc32('1234', '56789').hex|cbf43926",
        "kumo.digest.hmac_sha256({ key_data = 'your key' }, 'your message').hex|"
                + "87fc1cec5c02f0991ae80f50e98eb2eb5213d07fc40417682a74448ac1deb07c",
        "tostring(kumo.digest.sha256({ a = 1 }).hex == kumo.digest.sha256('{\"a\":1}').hex)|true",
        "kumo.encode.base64_encode('hello')|aGVsbG8=",
        "kumo.encode.base32_encode('hello')|NBSWY3DP",
        "kumo.encode.base32_nopad_encode('hi')|NBUQ",
        "kumo.encode.base32_decode('NBSWY3DP')|hello",
        "kumo.encode.hex_decode('68656c6c6f')|hello",
        "kumo.encode.base64url_decode(kumo.encode.base64url_encode('?>~'))|?>~",
    })
    void string_asKumodDocumentsIt(String expression, String expected) throws IOException {
        assertEquals(expected, eval(expression));
    }

    @Test
    void string_publicSuffixHelper_failsNamingItAndTheLine() {
        final PolicyException thrown = assertThrows(PolicyException.class,
                () -> eval("kumo.string.psl_domain('mail.example.co.uk')"));

        assertEquals("init.lua:3: kumo.string.psl_domain is not supported by cutover (called at init.lua:3)",
                thrown.getMessage());
    }

    @Test
    void digest_hmacWithAVaultKey_failsSayingNoSecretIsRead() {
        final PolicyException thrown = assertThrows(PolicyException.class,
                () -> eval("kumo.digest.hmac_sha256({ vault_path = 'k' }, 'data')"));

        assertTrue(thrown.getMessage().contains("a vault key is not read in a replay"), thrown.getMessage());
    }

    @Test
    void call_kumoNameCutoverDoesNotKnow_failsNamingItInsteadOfAttemptToCallNil() {
        final PolicyException direct = assertThrows(PolicyException.class,
                () -> eval("kumo.brand_new_helper('x')"));
        final PolicyException nested = assertThrows(PolicyException.class,
                () -> eval("kumo.brand_new_module.helper('x')"));

        assertEquals("init.lua:3: kumo.brand_new_helper is not part of the kumo module as cutover knows it: not in "
                + "kumod's documented API, or newer than cutover", direct.getMessage());
        assertEquals("init.lua:3: kumo.brand_new_module is not part of the kumo module as cutover knows it: not in "
                + "kumod's documented API, or newer than cutover", nested.getMessage());
    }

    @Test
    void call_kumoNameCutoverDoesNotKnow_insidePcallOrXpcall_givesThePolicyTheName() throws IOException {
        final String named = "init.lua:3: kumo.brand_new_helper is not part of the kumo module as cutover knows it: "
                + "not in kumod's documented API, or newer than cutover";

        assertEquals(named, eval("select(2, pcall(kumo.brand_new_helper, 'x'))"));
        assertEquals(named, eval("select(2, pcall(function() return kumo.brand_new_helper('x') end))"));
        assertEquals(named, eval("select(2, pcall(function() local v = kumo.brand_new_helper('x'); return v end))"));
        assertEquals(named, eval("select(2, xpcall(function() return kumo.brand_new_helper('x') end, "
                + "function(m) return m end))"));
        assertEquals("init.lua:3: attempt to call nil", eval("select(2, pcall(function() local f; f() end))"));
        assertEquals("init.lua:3: custom", eval("select(2, pcall(function() error('custom') end))"),
                "Lua's own form: no stack traceback");
        assertEquals("number", eval("type(select(2, pcall(error, 42)))"));
        assertEquals("true 2", eval("table.concat({tostring(pcall(function() return 1 end)), "
                + "select(2, pcall(function() return 2 end))}, ' ')"));
    }

    @Test
    void call_unknownKumoNames_caughtOneAfterAnother_eachNamed() throws IOException {
        assertEquals("kumo.first kumo.second kumo.third", eval("table.concat({\n"
                + "select(2, pcall(function() return kumo.first() end)):match('kumo%.%w+'),\n"
                + "select(2, pcall(function() return kumo.second() end)):match('kumo%.%w+'),\n"
                + "select(2, pcall(kumo.third, 'x')):match('kumo%.%w+')}, ' ')"));
    }

    @Test
    void call_unknownKumoNameInAHelperFunctionsReturn_namedAtItsOwnLine() throws IOException {
        final PolicyException uncaught = assertThrows(PolicyException.class, () -> eval("(function()\n"
                + "  local M = {}\n  function M.lookup(d) return kumo.no_such_thing(d) end\n"
                + "  local q = M.lookup('x')\n  return q\nend)()"));
        final String caught = eval("(function()\n  local function g() return kumo.no_such_function(2) end\n"
                + "  return select(2, pcall(g))\nend)()");

        assertEquals("init.lua:5: kumo.no_such_thing is not part of the kumo module as cutover knows it: not in "
                + "kumod's documented API, or newer than cutover", uncaught.getMessage());
        assertEquals("init.lua:4: kumo.no_such_function is not part of the kumo module as cutover knows it: not in "
                + "kumod's documented API, or newer than cutover", caught);
    }

    @Test
    void read_kumoNameCutoverDoesNotKnow_isNilSoAPolicyMayTestForIt() throws IOException {
        assertEquals("nil", eval("tostring(kumo.brand_new_helper)"));
    }
}
