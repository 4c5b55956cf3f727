package dev.cutover.kumo;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * {@code kumo.uuid} (docs.kumomta.com reference/kumo.uuid; {@code crates/mod-uuid/src/lib.rs}, which wraps the Rust
 * {@code uuid} crate): {@code parse} and {@code new_v1}, {@code new_v4}, {@code new_v6} and {@code new_v7}
 * (RFC 9562 §5.1, 5.4, 5.6, 5.7). A UUID is a table whose {@code hyphenated}, {@code simple}, {@code braced},
 * {@code urn} and {@code bytes} fields give it in those forms and which prints hyphenated. As in kumod, two UUID
 * objects are equal only when they are the same object: compare their fields.
 *
 * <p>In a replay, the random bits come from the sandbox's seeded generator and the timestamps from its clock, so
 * a rerun makes the same UUIDs, and a reception hook that makes one is known to depend on more than the message
 * (each call counts as a draw). The node of versions 1 and 6, the MAC address of kumod's host, is
 * {@link #NODE}; their clock sequence starts at a random value and goes up by one each call, as the uuid crate's
 * context does. {@code parse} takes the hyphenated, simple, braced and URN forms, in either case.
 */
final class KumoUuid {
    /** The node of version 1 and 6 UUIDs: a locally administered address ("cutov" after the 02 prefix). */
    static final byte[] NODE = {0x02, 0x63, 0x75, 0x74, 0x6f, 0x76};
    /** 100-nanosecond intervals from the Gregorian reform, 1582-10-15, to the Unix epoch (RFC 9562 §5.1). */
    private static final long GREGORIAN_TO_UNIX = 0x01B21DD213814000L;
    private static final Pattern TEXT = Pattern.compile(
            "(?i)(?:urn:uuid:)?([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})"
                    + "|\\{([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})}|([0-9a-f]{32})");

    private final SandboxRandom random;
    private final SandboxClock clock;
    private int clockSequence = -1;

    private KumoUuid(SandboxRandom random, SandboxClock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** @return the {@code kumo.uuid} table, drawing from {@code random} and reading {@code clock} */
    static LuaTable module(SandboxRandom random, SandboxClock clock) {
        final KumoUuid uuids = new KumoUuid(random, clock);
        final LuaTable module = new LuaTable();
        module.set("parse", LuaFunctions.of("kumo.uuid.parse", a -> object(parse(a.checkjstring(1)))));
        module.set("new_v1", LuaFunctions.of("kumo.uuid.new_v1", a -> object(uuids.timeBased(false))));
        module.set("new_v4", LuaFunctions.of("kumo.uuid.new_v4", a -> object(uuids.random())));
        module.set("new_v6", LuaFunctions.of("kumo.uuid.new_v6", a -> object(uuids.timeBased(true))));
        module.set("new_v7", LuaFunctions.of("kumo.uuid.new_v7", a -> object(uuids.unixTimeBased())));
        return module;
    }

    /** @return the 16 bytes {@code text} spells, in any of the forms kumod's parse accepts */
    static byte[] parse(String text) {
        final Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new LuaError("kumo.uuid.parse: \"" + text + "\" is not a UUID: expected 32 hex digits, plain, "
                    + "hyphenated 8-4-4-4-12, in braces or after urn:uuid:");
        }
        final StringBuilder hex = new StringBuilder(32);
        for (int group = 1; group <= m.groupCount(); group++) {
            hex.append(m.group(group) == null ? "" : m.group(group));
        }
        return HexFormat.of().parseHex(hex.toString());
    }

    private byte[] random() {
        final byte[] bytes = random.bytes(16);
        return stamp(bytes, 4);
    }

    private byte[] timeBased(boolean sortable) {
        final long ticks = (long) (clock.now().todouble() * 10_000_000L) + GREGORIAN_TO_UNIX;
        if (clockSequence < 0) {
            final byte[] seed = random.bytes(2);
            clockSequence = (seed[0] & 0xff) << 8 | seed[1] & 0xff;
        }
        clockSequence = clockSequence + 1 & 0x3fff;
        final ByteBuffer out = ByteBuffer.allocate(16);
        if (sortable) {
            out.putInt((int) (ticks >>> 28)).putShort((short) (ticks >>> 12)).putShort((short) (ticks & 0xfff));
        } else {
            out.putInt((int) ticks).putShort((short) (ticks >>> 32)).putShort((short) (ticks >>> 48 & 0xfff));
        }
        out.putShort((short) clockSequence).put(NODE);
        return stamp(out.array(), sortable ? 6 : 1);
    }

    private byte[] unixTimeBased() {
        final long millis = (long) (clock.now().todouble() * 1000);
        final byte[] bytes = random.bytes(16);
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) (millis >>> 8 * (5 - i));
        }
        return stamp(bytes, 7);
    }

    /** @return {@code bytes} with the version nibble set to {@code version} and the RFC 9562 variant bits */
    private static byte[] stamp(byte[] bytes, int version) {
        bytes[6] = (byte) (bytes[6] & 0x0f | version << 4);
        bytes[8] = (byte) (bytes[8] & 0x3f | 0x80);
        return bytes;
    }

    /** @return the UUID object policies see for {@code bytes} */
    static LuaTable object(byte[] bytes) {
        final String simple = HexFormat.of().formatHex(bytes);
        final String hyphenated = simple.substring(0, 8) + "-" + simple.substring(8, 12) + "-"
                + simple.substring(12, 16) + "-" + simple.substring(16, 20) + "-" + simple.substring(20);
        final LuaTable uuid = new LuaTable();
        uuid.set("hyphenated", hyphenated);
        uuid.set("simple", simple);
        uuid.set("braced", "{" + hyphenated + "}");
        uuid.set("urn", "urn:uuid:" + hyphenated);
        uuid.set("bytes", LuaValue.valueOf(bytes));
        final LuaTable meta = new LuaTable();
        meta.set(LuaValue.TOSTRING, LuaFunctions.of("Uuid.__tostring", a -> LuaValue.valueOf(hyphenated)));
        meta.set(LuaValue.INDEX, LuaFunctions.of("Uuid.__index", a -> {
            throw new LuaError("a Uuid has no field " + a.arg(2).tojstring() + ": it has hyphenated, simple, "
                    + "braced, urn and bytes");
        }));
        uuid.setmetatable(meta);
        return uuid;
    }
}
