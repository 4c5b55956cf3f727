package dev.cutover.kumo;

import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * The AddressHeader object of {@code msg:from_header()}, {@code msg:to_header()} and
 * {@code msg:get_address_header(name)} (docs.kumomta.com reference/addressheader): a header of mailboxes, read as
 * RFC 5322 §3.4 writes them ({@code Name <user@domain>}, a bare address, a list, a group {@code name: a, b;}). Its
 * {@code list} field has one table per mailbox with {@code name}, {@code user}, {@code domain} and {@code email};
 * {@code name}, {@code user}, {@code domain} and {@code email} read the single mailbox and fail for any other
 * number, as kumod's do; a header that is no list of addresses fails, as kumod's parser does. {@code tostring}
 * gives the mailboxes as JSON. Quoted local parts lose their quotes (the
 * decoded form kumod gives since 2026.04.09); encoded words in display names are kept as written.
 */
final class AddressHeaders {
    private static final List<String> FIELDS = List.of("name", "user", "domain", "email");

    private AddressHeaders() {
    }

    /** @return the AddressHeader object for the header value {@code text} */
    static LuaTable object(String text) {
        final List<LuaTable> mailboxes = new ArrayList<>();
        for (String item : split(text.replaceAll("^[^<>\"@,]*:(?=.*;\\s*$)", "").replaceAll(";\\s*$", ""))) {
            if (!item.isBlank()) {
                if (item.indexOf('@') < 0) {
                    throw new LuaError("the header \"" + text + "\" is not a list of addresses: " + item.trim()
                            + " has no @");
                }
                mailboxes.add(mailbox(item.trim()));
            }
        }
        final LuaTable list = new LuaTable();
        mailboxes.forEach(m -> list.set(list.rawlen() + 1, m));
        final LuaTable header = new LuaTable();
        header.rawset("list", list);
        final LuaTable meta = new LuaTable();
        meta.set(LuaValue.INDEX, LuaFunctions.of("addressheader.__index", a -> {
            final String field = a.arg(2).tojstring();
            if (!FIELDS.contains(field)) {
                return LuaValue.NIL;
            }
            if (mailboxes.size() != 1) {
                throw new LuaError("addressheader." + field + ": the header holds " + mailboxes.size()
                        + " addresses, not one: read its list");
            }
            return mailboxes.get(0).get(field);
        }));
        meta.set(LuaValue.TOSTRING, LuaFunctions.of("addressheader.__tostring", a -> LuaValue.valueOf(
                LuaJson.encode(list, false))));
        header.setmetatable(meta);
        return header;
    }

    private static LuaTable mailbox(String item) {
        final int open = item.lastIndexOf('<');
        final int close = item.lastIndexOf('>');
        final String name = open > 0 ? unquote(item.substring(0, open).trim()) : null;
        final String address = open >= 0 && close > open ? item.substring(open + 1, close).trim() : item;
        final int at = address.lastIndexOf('@');
        final LuaTable mailbox = new LuaTable();
        if (name != null && !name.isEmpty()) {
            mailbox.set("name", name);
        }
        if (at >= 0) {
            final String user = unquote(address.substring(0, at));
            final String domain = address.substring(at + 1);
            mailbox.set("user", user);
            mailbox.set("domain", domain);
            mailbox.set("email", user + "@" + domain);
        }
        return mailbox;
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1).replaceAll("\\\\(.)", "$1") : text;
    }

    /** @return {@code text} cut at the commas outside quotes, angle brackets and comments */
    private static List<String> split(String text) {
        final List<String> items = new ArrayList<>();
        final StringBuilder item = new StringBuilder();
        boolean quoted = false;
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c == '\\' && quoted && i + 1 < text.length()) {
                item.append(c).append(text.charAt(++i));
                continue;
            }
            quoted ^= c == '"';
            depth += !quoted && (c == '<' || c == '(') ? 1 : !quoted && (c == '>' || c == ')') ? -1 : 0;
            if (c == ',' && !quoted && depth == 0) {
                items.add(item.toString());
                item.setLength(0);
            } else {
                item.append(c);
            }
        }
        items.add(item.toString());
        return items;
    }
}
