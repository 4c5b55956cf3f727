package dev.cutover.kumo;

import java.util.regex.Pattern;

/**
 * Tells an IP address literal as Rust's {@code std::net::IpAddr} parses it (the type of an egress source's
 * {@code source_address}, {@code crates/kumod/src/egress_source.rs}): IPv4 as four decimal bytes without leading
 * zeros, IPv6 as up to eight hexadecimal groups with at most one {@code ::}, optionally ending in an IPv4 address.
 * Only the text is read; nothing is resolved.
 */
final class IpLiterals {
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private IpLiterals() {
    }

    static boolean isIpAddress(String text) {
        return isIpv4(text) || isIpv6(text);
    }

    static boolean isIpv4(String text) {
        if (!IPV4.matcher(text).matches()) {
            return false;
        }
        for (String part : text.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String text) {
        final int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        final String head = gap >= 0 ? text.substring(0, gap) : text;
        final String tail = gap >= 0 ? text.substring(gap + 2) : "";
        final int headGroups = groups(head, tail.isEmpty() && gap < 0);
        final int tailGroups = groups(tail, true);
        if (headGroups < 0 || tailGroups < 0) {
            return false;
        }
        final int total = headGroups + tailGroups;
        return gap >= 0 ? total <= 7 : total == 8;
    }

    /**
     * @param last true when these groups end the address, where an IPv4 address may stand for two groups
     * @return how many 16-bit groups {@code part} holds, or -1 when it is malformed
     */
    private static int groups(String part, boolean last) {
        if (part.isEmpty()) {
            return 0;
        }
        final String[] groups = part.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            if (last && i == groups.length - 1 && isIpv4(groups[i])) {
                count += 2;
            } else if (GROUP.matcher(groups[i]).matches()) {
                count++;
            } else {
                return -1;
            }
        }
        return count;
    }
}
