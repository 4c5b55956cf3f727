package dev.cutover.kumo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kumo.uuid}, with the example of docs.kumomta.com reference/kumo.uuid and the test vectors of RFC 9562
 * appendix A (2022-02-22 19:22:22 UTC), whose timestamp fields the sandbox's clock reproduces.
 */
class KumoUuidTest {
    /** 2022-02-22T19:22:22Z, the instant of RFC 9562's test vectors. */
    private static final long RFC_9562_INSTANT = 1_645_557_742L;

    @TempDir
    Path dir;

    private LuaSandbox load(String body, HarnessOptions options) throws IOException {
        final Path policy = dir.resolve("init.lua");
        Files.writeString(policy, "local kumo = require 'kumo'\n" + body + "\n");
        return LuaKumoPolicy.load(policy, MxFixture.builtIn(), options).sandbox();
    }

    private String eval(String expression, HarnessOptions options) throws IOException {
        return load("result = " + expression, options).globals().get("result").tojstring();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tostring(u)|69994630-3e27-11ef-91fc-cc28aa0a5c5a",
        "u.hyphenated|69994630-3e27-11ef-91fc-cc28aa0a5c5a",
        "u.simple|699946303e2711ef91fccc28aa0a5c5a",
        "u.braced|{69994630-3e27-11ef-91fc-cc28aa0a5c5a}",
        "u.urn|urn:uuid:69994630-3e27-11ef-91fc-cc28aa0a5c5a",
        "tostring(u.bytes == '\\x69\\x99\\x46\\x30\\x3e\\x27\\x11\\xef\\x91\\xfc\\xcc\\x28\\xaa\\x0a\\x5c\\x5a')|true",
        "kumo.encode.base64url_nopad_encode(u.bytes)|aZlGMD4nEe-R_MwoqgpcWg",
        "kumo.uuid.parse('{69994630-3E27-11EF-91FC-CC28AA0A5C5A}').hyphenated|69994630-3e27-11ef-91fc-cc28aa0a5c5a",
        "kumo.uuid.parse('699946303e2711ef91fccc28aa0a5c5a').urn|urn:uuid:69994630-3e27-11ef-91fc-cc28aa0a5c5a",
        "kumo.uuid.parse(u.urn).simple|699946303e2711ef91fccc28aa0a5c5a",
    })
    void parse_givesEveryDocumentedForm(String expression, String expected) throws IOException {
        final String parsed = "kumo.uuid.parse '69994630-3e27-11ef-91fc-cc28aa0a5c5a'";

        assertEquals(expected, load("local u = " + parsed + "\nresult = " + expression, HarnessOptions.defaults())
                .globals().get("result").tojstring());
    }

    @Test
    void timeBasedVersions_carryTheSandboxClockAsRfc9562sVectorsDo() throws IOException {
        final HarnessOptions options = HarnessOptions.defaults().withClock(RFC_9562_INSTANT);

        final String v1 = eval("kumo.uuid.new_v1().hyphenated", options);
        final String v6 = eval("kumo.uuid.new_v6().hyphenated", options);
        final String v7 = eval("kumo.uuid.new_v7().hyphenated", options);

        assertEquals("c232ab00-9414-11ec", v1.substring(0, 18));
        assertEquals("1ec9414c-232a-6b00", v6.substring(0, 18));
        assertEquals("017f22e2-79b0-7", v7.substring(0, 15));
        assertTrue(v1.endsWith("-026375746f76") && v6.endsWith("-026375746f76"), v1 + " " + v6);
        for (String variant : new String[] {v1, v6, v7}) {
            assertTrue("89ab".indexOf(variant.charAt(19)) >= 0, variant + " has the RFC 9562 variant");
        }
    }

    @Test
    void newV4_isRandomOfVersion4_andTheSameForTheSameSeed() throws IOException {
        final String twoOfThem = "kumo.uuid.new_v4().hyphenated .. ' ' .. kumo.uuid.new_v4().hyphenated";

        final String first = eval(twoOfThem, HarnessOptions.defaults().withSeed(7));
        final String again = eval(twoOfThem, HarnessOptions.defaults().withSeed(7));
        final String otherSeed = eval(twoOfThem, HarnessOptions.defaults().withSeed(8));

        assertTrue(first.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12} "
                + "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), first);
        assertNotEquals(first.substring(0, 36), first.substring(37));
        assertEquals(first, again);
        assertNotEquals(first, otherSeed);
    }

    @Test
    void newV1_clockSequenceMovesOnWithinOneInstant() throws IOException {
        final String pair = eval("kumo.uuid.new_v1().hyphenated .. ' ' .. kumo.uuid.new_v1().hyphenated",
                HarnessOptions.defaults());

        assertEquals("13814000-1dd2-11b2", pair.substring(0, 18), "the Unix epoch in a version 1 UUID");
        assertNotEquals(pair.substring(0, 36), pair.substring(37));
    }

    @Test
    void drawingAUuid_countsAsARandomDraw() throws IOException {
        final LuaSandbox sandbox = load("", HarnessOptions.defaults());
        final long before = sandbox.randomDraws();

        sandbox.globals().get("kumo").get("uuid").get("new_v4").call();

        assertEquals(before + 1, sandbox.randomDraws());
    }

    @Test
    void parse_ofNotAUuid_andAnUnknownField_failNamingThem() {
        final PolicyException bad = assertThrows(PolicyException.class,
                () -> eval("kumo.uuid.parse('6999-not-a-uuid')", HarnessOptions.defaults()));
        final PolicyException field = assertThrows(PolicyException.class,
                () -> eval("kumo.uuid.new_v4().version", HarnessOptions.defaults()));

        assertTrue(bad.getMessage().contains("kumo.uuid.parse: \"6999-not-a-uuid\" is not a UUID"), bad.getMessage());
        assertTrue(field.getMessage().contains("a Uuid has no field version"), field.getMessage());
    }
}
