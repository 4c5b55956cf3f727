package dev.cutover.kumo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code kumo.digest} and {@code kumo.encode} (docs.kumomta.com reference/kumo.digest and reference/kumo.encode),
 * which policies use to name queues or campaigns after a hash of a header, or to decode a header an injector
 * encoded. A digest takes each argument's bytes, a non-string argument as its JSON text, and returns a Digest
 * table whose {@code hex}, {@code bytes}, {@code base32}, {@code base32_nopad}, {@code base32hex},
 * {@code base32hex_nopad}, {@code base64}, {@code base64_nopad}, {@code base64url} and {@code base64url_nopad}
 * fields give the digest so encoded, and which prints as its hex. The encoders follow RFC 4648.
 *
 * <p>The HMAC functions take their key from a KeySource (reference/keysource): {@code {key_data = ...}}, or a
 * file name, read through the policy's folders; a vault key fails, since a replay reads no secret store.
 * {@code crc32} is the CRC-32 of ISO-HDLC (zlib's), its four bytes most significant first, as kumod's
 * {@code crc32fast} digest gives them. The charset conversions are not here: using one fails naming it.
 */
final class KumoEncoding {
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String BASE32HEX = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
    private static final Map<String, String> HMACS = Map.of("hmac_sha1", "HmacSHA1", "hmac_sha224", "HmacSHA224",
            "hmac_sha256", "HmacSHA256", "hmac_sha384", "HmacSHA384", "hmac_sha512", "HmacSHA512");
    private static final Map<String, String> ALGORITHMS = Map.of("md5", "MD5", "sha1", "SHA-1", "sha224", "SHA-224",
            "sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512", "sha512_256", "SHA-512/256",
            "sha3_256", "SHA3-256", "sha3_384", "SHA3-384", "sha3_512", "SHA3-512");

    private KumoEncoding() {
    }

    /** @return the {@code kumo.digest} table; {@code files} gives the HMACs' keys named by file */
    static LuaTable digest(PolicyFiles files) {
        final LuaTable digest = new LuaTable();
        ALGORITHMS.forEach((name, algorithm) -> digest.set(name, LuaFunctions.of("kumo.digest." + name,
                args -> digestObject(hash(algorithm, args)))));
        HMACS.forEach((name, algorithm) -> digest.set(name, LuaFunctions.of("kumo.digest." + name,
                args -> digestObject(hmac(algorithm, key(name, args.arg(1), files), args.checkstring(2))))));
        digest.set("crc32", LuaFunctions.of("kumo.digest.crc32", args -> digestObject(crc32(args))));
        return digest;
    }

    /** @return the key bytes a KeySource names */
    private static byte[] key(String function, LuaValue source, PolicyFiles files) {
        if (source.isstring()) {
            try {
                return Files.readAllBytes(files.require(source.tojstring()));
            } catch (IllegalArgumentException | IOException e) {
                throw new LuaError("kumo.digest." + function + ": " + e.getMessage());
            }
        }
        if (source.istable() && source.get("key_data").isstring()) {
            return bytes(source.get("key_data").checkstring());
        }
        throw new LuaError("kumo.digest." + function + ": the key must be {key_data = ...} or a file name; a vault "
                + "key is not read in a replay");
    }

    private static byte[] hmac(String algorithm, byte[] key, LuaString message) {
        try {
            final Mac mac = Mac.getInstance(algorithm);
            // HMAC pads the key with zero bytes, so an empty key is the key of one zero byte, which Java accepts
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            return mac.doFinal(bytes(message));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new LuaError(algorithm + " is not available in this Java runtime");
        }
    }

    /** @return the {@code kumo.encode} table */
    static LuaTable encode() {
        final LuaTable encode = new LuaTable();
        final Map<String, Function<byte[], String>> encoders = encoders();
        encoders.forEach((name, encoder) -> encode.set(name + "_encode", LuaFunctions.of("kumo.encode." + name
                + "_encode", args -> LuaValue.valueOf(encoder.apply(bytes(args.checkstring(1)))))));
        encode.set("hex_decode", decoder("hex", text -> HexFormat.of().parseHex(text)));
        for (String name : new String[] {"base64", "base64_nopad"}) {
            encode.set(name + "_decode", decoder(name, text -> Base64.getDecoder().decode(text)));
        }
        for (String name : new String[] {"base64url", "base64url_nopad"}) {
            encode.set(name + "_decode", decoder(name, text -> Base64.getUrlDecoder().decode(text)));
        }
        for (String name : new String[] {"base32", "base32_nopad"}) {
            encode.set(name + "_decode", decoder(name, text -> base32Decode(text, BASE32)));
        }
        for (String name : new String[] {"base32hex", "base32hex_nopad"}) {
            encode.set(name + "_decode", decoder(name, text -> base32Decode(text, BASE32HEX)));
        }
        return encode;
    }

    private static Map<String, Function<byte[], String>> encoders() {
        return Map.of("hex", bytes -> HexFormat.of().formatHex(bytes),
                "base32", bytes -> base32(bytes, BASE32, true), "base32_nopad", bytes -> base32(bytes, BASE32, false),
                "base32hex", bytes -> base32(bytes, BASE32HEX, true),
                "base32hex_nopad", bytes -> base32(bytes, BASE32HEX, false),
                "base64", bytes -> Base64.getEncoder().encodeToString(bytes),
                "base64_nopad", bytes -> Base64.getEncoder().withoutPadding().encodeToString(bytes),
                "base64url", bytes -> Base64.getUrlEncoder().encodeToString(bytes),
                "base64url_nopad", bytes -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    private static LuaValue decoder(String name, Function<String, byte[]> decode) {
        return LuaFunctions.of("kumo.encode." + name + "_decode", args -> {
            try {
                return LuaValue.valueOf(decode.apply(args.checkjstring(1)));
            } catch (IllegalArgumentException e) {
                throw new LuaError("kumo.encode." + name + "_decode: not " + name + " text: " + e.getMessage());
            }
        });
    }

    private static byte[] hash(String algorithm, Varargs args) {
        try {
            final MessageDigest digest = MessageDigest.getInstance(algorithm);
            for (int i = 1; i <= args.narg(); i++) {
                digest.update(input(args.arg(i)));
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new LuaError(algorithm + " is not available in this Java runtime");
        }
    }

    private static byte[] crc32(Varargs args) {
        final CRC32 crc = new CRC32();
        for (int i = 1; i <= args.narg(); i++) {
            crc.update(input(args.arg(i)));
        }
        final long value = crc.getValue();
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    /** @return the bytes a digest takes from one argument: a string's own, anything else's JSON text */
    private static byte[] input(LuaValue arg) {
        return arg.type() == LuaValue.TSTRING ? bytes(arg.checkstring())
                : LuaJson.encode(arg, false).getBytes(StandardCharsets.UTF_8);
    }

    private static LuaTable digestObject(byte[] bytes) {
        final LuaTable digest = new LuaTable();
        encoders().forEach((name, encoder) -> digest.set(name, LuaValue.valueOf(encoder.apply(bytes))));
        digest.set("bytes", LuaValue.valueOf(bytes));
        final LuaTable meta = new LuaTable();
        final String hex = HexFormat.of().formatHex(bytes);
        meta.set(LuaValue.TOSTRING, LuaFunctions.of("Digest.__tostring", a -> LuaValue.valueOf(hex)));
        digest.setmetatable(meta);
        return digest;
    }

    private static byte[] bytes(LuaString text) {
        final byte[] out = new byte[text.rawlen()];
        text.copyInto(0, out, 0, out.length);
        return out;
    }

    /** @return RFC 4648 base32 of {@code bytes} in {@code alphabet}, padded to a multiple of 8 when asked */
    static String base32(byte[] bytes, String alphabet, boolean pad) {
        final StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5 + 7);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = buffer << 8 | b & 0xff;
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt(buffer >> bits - 5 & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt(buffer << 5 - bits & 31));
        }
        while (pad && out.length() % 8 != 0) {
            out.append('=');
        }
        return out.toString();
    }

    static byte[] base32Decode(String text, String alphabet) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '=') {
                break;
            }
            final int value = alphabet.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("'" + c + "' is not in its alphabet");
            }
            buffer = buffer << 5 | value;
            bits += 5;
            if (bits >= 8) {
                out.write(buffer >> bits - 8 & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
