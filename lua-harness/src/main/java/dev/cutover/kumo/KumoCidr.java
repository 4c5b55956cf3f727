package dev.cutover.kumo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code kumo.cidr.make_map} (docs.kumomta.com reference/kumo.cidr/make_map): a table whose keys are IP addresses
 * or CIDR blocks, IPv4 or IPv6, and whose lookups by address find the value of the narrowest block holding it.
 * Lookups also take domain literals and address-and-port forms ({@code "[127.0.0.1]"}, {@code "127.0.0.1:25"},
 * {@code "[::1]:25"}); anything that is no address reads nil. Addresses are only ever parsed as literals, never
 * looked up in DNS.
 */
final class KumoCidr {

    private KumoCidr() {
    }

    /** @return the {@code kumo.cidr} table */
    static LuaTable module() {
        final LuaTable cidr = new LuaTable();
        cidr.set("make_map", LuaFunctions.of("kumo.cidr.make_map", KumoCidr::makeMap));
        return cidr;
    }

    private static Varargs makeMap(Varargs args) {
        final List<Block> blocks = new ArrayList<>();
        if (args.istable(1)) {
            LuaData.entries(args.checktable(1)).forEach((key, value) -> put(blocks, key, value));
        }
        final LuaTable map = new LuaTable();
        final LuaTable meta = new LuaTable();
        meta.set(LuaValue.INDEX, LuaFunctions.of("kumo.cidr map lookup", a -> lookup(blocks, a.arg(2))));
        meta.set(LuaValue.NEWINDEX, LuaFunctions.of("kumo.cidr map insert", a -> {
            put(blocks, a.checkjstring(2), a.arg(3));
            return LuaValue.NONE;
        }));
        map.setmetatable(meta);
        return map;
    }

    private static void put(List<Block> blocks, String key, LuaValue value) {
        final int slash = key.indexOf('/');
        final byte[] address = address(slash < 0 ? key : key.substring(0, slash));
        final int prefix = address == null ? -1 : slash < 0 ? address.length * 8 : prefix(key.substring(slash + 1));
        if (prefix < 0 || prefix > address.length * 8) {
            throw new LuaError("kumo.cidr map: " + key + " is not an IP address or CIDR block");
        }
        blocks.removeIf(b -> b.prefix == prefix && Arrays.equals(b.network, masked(address, prefix)));
        if (!value.isnil()) {
            blocks.add(new Block(masked(address, prefix), prefix, value));
        }
    }

    /** @return the prefix length written, or -1 when it is not a number */
    private static int prefix(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static LuaValue lookup(List<Block> blocks, LuaValue key) {
        if (!key.isstring()) {
            return LuaValue.NIL;
        }
        final byte[] address = address(withoutPortOrBrackets(key.tojstring()));
        if (address == null) {
            return LuaValue.NIL;
        }
        Block best = null;
        for (Block block : blocks) {
            if (block.network.length == address.length
                    && Arrays.equals(block.network, masked(address, block.prefix))
                    && (best == null || block.prefix > best.prefix)) {
                best = block;
            }
        }
        return best == null ? LuaValue.NIL : best.value;
    }

    /** @return the address part of {@code "[a]"}, {@code "[a]:25"}, {@code "1.2.3.4:25"} or the text itself */
    private static String withoutPortOrBrackets(String text) {
        if (text.startsWith("[")) {
            final int close = text.indexOf(']');
            return close < 0 ? text : text.substring(1, close);
        }
        final int colon = text.indexOf(':');
        return colon > 0 && colon == text.lastIndexOf(':') ? text.substring(0, colon) : text;
    }

    /** @return the bytes of an IP literal, or null when {@code text} is none (never a DNS lookup) */
    private static byte[] address(String text) {
        if (!IpLiterals.isIpAddress(text)) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] masked(byte[] address, int prefix) {
        final byte[] out = address.clone();
        for (int bit = prefix; bit < out.length * 8; bit++) {
            out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return out;
    }

    /** One key of the map: a network of {@code prefix} bits and its value. */
    private record Block(byte[] network, int prefix, LuaValue value) {
    }
}
