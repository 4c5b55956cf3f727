package dev.cutover.kumo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The message object {@code smtp_server_message_received} gets, built from a {@link ReceivedMessage}: the methods
 * of kumod's Lua message ({@code crates/message/src/message.rs} in KumoCorp/kumomta; docs.kumomta.com
 * reference/message) that decide where a message is queued are faithful, the rest are no-ops or refused:
 * <ul>
 *   <li>{@code get_meta}, {@code set_meta} (a nil value removes the key), {@code queue_name};</li>
 *   <li>{@code sender}, {@code recipient}, {@code recipient_list}, {@code set_sender}, {@code set_recipient}: the
 *   log keeps only the envelope's domains, so an address's {@code user} is empty and reading it is noted;</li>
 *   <li>headers as the scenario supplies them: {@code get_first_named_header_value},
 *   {@code get_all_named_header_values}, {@code remove_all_named_headers}, {@code prepend_header},
 *   {@code append_header}, {@code import_x_headers} (an {@code X-} header's meta name is its name in lower case
 *   with {@code -} made {@code _}), {@code remove_x_headers}, {@code import_scheduling_header},
 *   {@code get_all_headers}, and {@code get_address_header}, {@code from_header} and {@code to_header}
 *   ({@link AddressHeaders}), the last two giving the envelope's domain when the scenario gives no such header;</li>
 *   <li>{@code dkim_sign}, {@code add_authentication_results} and {@code check_fix_conformance} change nothing
 *   the replay measures and do nothing; {@code dkim_verify} and {@code arc_verify} find no signatures;</li>
 *   <li>{@code set_due} and {@code set_scheduling} are noted: a replayed message is queued at once;</li>
 *   <li>the body ({@code get_data}, {@code parse_mime}, ...) is not in the log: calling for it fails, naming the
 *   method and the policy line.</li>
 * </ul>
 * {@code id()} gives each run of the hook its own id; reading it makes the hook run for every message.
 */
final class LuaMessage {

    private static final Set<String> BODY = Set.of("get_data", "set_data", "parse_mime", "parse_rfc3464",
            "parse_rfc5965", "append_text_plain", "append_text_html", "shrink", "shrink_data");

    /** The meta keys the queue's name is made of, which kumod reads as strings. */
    private static final Set<String> QUEUE_KEYS = Set.of("queue", "tenant", "campaign", "routing_domain");

    private final Consumer<String> note;
    private final Runnable idRead;
    private final String id;
    private final Map<String, LuaValue> meta = new LinkedHashMap<>();
    private final List<String[]> headers = new ArrayList<>();
    private String senderDomain;
    private String recipientDomain;
    private final LuaTable table = new LuaTable();

    /**
     * @param received what the log knows of the message
     * @param id       the value {@code msg:id()} returns
     * @param note     receives each note (the caller keeps one per kind)
     * @param idRead   told each time the hook reads {@code msg:id()}
     */
    LuaMessage(ReceivedMessage received, String id, Consumer<String> note, Runnable idRead) {
        this.idRead = idRead;
        this.note = note;
        this.id = id;
        this.senderDomain = received.senderDomain();
        this.recipientDomain = received.recipientDomain();
        received.meta().forEach((key, value) -> meta.put(key, LuaValue.valueOf(value)));
        if (received.tenant() != null) {
            meta.put("tenant", LuaValue.valueOf(received.tenant()));
        }
        if (received.routingDomain() != null) {
            meta.put("routing_domain", LuaValue.valueOf(received.routingDomain()));
        }
        received.headers().forEach((name, value) -> headers.add(new String[] {name, value}));
        final LuaTable methods = methods();
        final LuaTable metatable = new LuaTable();
        metatable.set("__index", methods);
        table.setmetatable(metatable);
    }

    /** @return the Lua value handed to the event */
    LuaTable table() {
        return table;
    }

    /**
     * @return the auth_info argument of {@code http_message_generated}: the log does not say which API user
     *         injected a message, so it names none
     */
    static LuaTable authInfo() {
        return new LuaTable();
    }

    /** @return the conn_meta argument: an SMTP reception whose peer the log does not record */
    static LuaTable connectionMeta() {
        final Map<String, LuaValue> values = new LinkedHashMap<>();
        values.put("reception_protocol", LuaValue.valueOf("ESMTP"));
        final LuaTable conn = new LuaTable();
        conn.set("get_meta", LuaFunctions.of("conn_meta:get_meta",
                a -> values.getOrDefault(a.checkjstring(2), LuaValue.NIL)));
        conn.set("set_meta", LuaFunctions.of("conn_meta:set_meta", a -> {
            values.put(a.checkjstring(2), a.arg(3));
            return LuaValue.NONE;
        }));
        return conn;
    }

    /**
     * @return where kumod queues the message with its meta as the hook left it
     * @throws LuaError when the hook set {@code queue}, {@code tenant}, {@code campaign} or
     *                   {@code routing_domain} to something other than a string, as kumod refuses
     */
    Reception reception() {
        final String queue = metaString("queue");
        final String domain = recipientDomain.toLowerCase(Locale.ROOT);
        final String name = queue != null ? queue : QueueName.format(metaString("campaign"),
                metaString("tenant"), domain, metaString("routing_domain"));
        final QueueName parts = QueueName.parse(name);
        if (!name.equals(QueueName.NULL_QUEUE) && (parts.domain().isBlank()
                || (parts.routingDomain() != null && parts.routingDomain().isBlank()))) {
            throw new LuaError("the message's queue \"" + name + "\" names no " + (parts.domain().isBlank()
                    ? "domain" : "routing domain") + "; kumod would accept such messages and never deliver them");
        }
        return new Reception(name, parts, 0, null);
    }

    private String metaString(String key) {
        final LuaValue value = meta.get(key);
        if (value == null || value.isnil()) {
            return null;
        }
        if (value.type() != LuaValue.TSTRING) {
            throw new LuaError("meta '" + key + "' is a " + value.typename()
                    + "; kumod needs a string to name the queue");
        }
        return value.tojstring();
    }

    private LuaTable methods() {
        final LuaTable m = new LuaTable();
        m.set("get_meta", method("get_meta", a -> meta.getOrDefault(a.checkjstring(2), LuaValue.NIL)));
        m.set("set_meta", method("set_meta", a -> {
            setMeta(a.checkjstring(2), a.arg(3));
            return LuaValue.NONE;
        }));
        m.set("id", method("id", a -> {
            idRead.run();
            return LuaValue.valueOf(id);
        }));
        m.set("queue_name", method("queue_name", a -> LuaValue.valueOf(reception().queueName())));
        m.set("sender", method("sender", a -> address(senderDomain)));
        m.set("recipient", method("recipient", a -> address(recipientDomain)));
        m.set("recipient_list", method("recipient_list", a -> LuaValue.listOf(new LuaValue[] {
            address(recipientDomain)})));
        m.set("set_sender", method("set_sender", a -> {
            senderDomain = domainOf(a.arg(2), "set_sender");
            return LuaValue.NONE;
        }));
        m.set("set_recipient", method("set_recipient", a -> {
            recipientDomain = domainOf(a.arg(2), "set_recipient");
            return LuaValue.NONE;
        }));
        m.set("num_attempts", method("num_attempts", a -> LuaValue.valueOf(0)));
        headerMethods(m);
        addressMethods(m);
        for (String name : List.of("dkim_sign", "add_authentication_results", "check_fix_conformance",
                "increment_num_attempts", "set_force_sync", "save")) {
            m.set(name, method(name, a -> LuaValue.NONE));
        }
        for (String name : List.of("dkim_verify", "arc_verify")) {
            m.set(name, method(name, a -> new LuaTable()));
        }
        for (String name : List.of("set_due", "set_scheduling")) {
            m.set(name, method(name, a -> {
                note.accept("msg:" + name + " was called at reception; a replayed message is queued at once");
                return LuaValue.NONE;
            }));
        }
        final LuaTable fallback = new LuaTable();
        fallback.set("__index", LuaFunctions.of("msg.__index", a -> refused(a.arg(2).tojstring())));
        m.setmetatable(fallback);
        return m;
    }

    private void addressMethods(LuaTable m) {
        m.set("get_address_header", method("get_address_header", a -> addressHeader(a.checkjstring(2))));
        m.set("from_header", method("from_header", a -> addressHeader("From", senderDomain)));
        m.set("to_header", method("to_header", a -> addressHeader("To", recipientDomain)));
        m.set("get_all_headers", method("get_all_headers", a -> LuaValue.listOf(headers.stream()
                .map(h -> LuaValue.listOf(new LuaValue[] {LuaValue.valueOf(h[0]), LuaValue.valueOf(h[1])}))
                .toArray(LuaValue[]::new))));
    }

    private LuaValue addressHeader(String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).findFirst()
                .<LuaValue>map(h -> AddressHeaders.object(h[1])).orElse(LuaValue.NIL);
    }

    /**
     * @return the {@code From} or {@code To} header; without one (the log keeps no headers), the envelope's domain
     *         stands in, with an empty local part, since a policy signing or routing by it needs a domain
     */
    private LuaValue addressHeader(String name, String envelopeDomain) {
        final LuaValue header = addressHeader(name);
        if (!header.isnil()) {
            return header;
        }
        note.accept("msg:" + name.toLowerCase(Locale.ROOT) + "_header() was read at reception; the log keeps no "
                + "headers, so the envelope's domain stands in (give a " + name + " header in [kumomta.headers] "
                + "for another)");
        return AddressHeaders.object("@" + envelopeDomain);
    }

    private void headerMethods(LuaTable m) {
        m.set("get_first_named_header_value", method("get_first_named_header_value", a -> {
            final String name = a.checkjstring(2);
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).findFirst()
                    .<LuaValue>map(h -> LuaValue.valueOf(h[1])).orElse(LuaValue.NIL);
        }));
        m.set("get_all_named_header_values", method("get_all_named_header_values", a -> {
            final String name = a.checkjstring(2);
            return LuaValue.listOf(headers.stream().filter(h -> h[0].equalsIgnoreCase(name))
                    .map(h -> LuaValue.valueOf(h[1])).toArray(LuaValue[]::new));
        }));
        m.set("remove_all_named_headers", method("remove_all_named_headers", a -> {
            final String name = a.checkjstring(2);
            headers.removeIf(h -> h[0].equalsIgnoreCase(name));
            return LuaValue.NONE;
        }));
        m.set("prepend_header", method("prepend_header", a -> {
            headers.add(0, new String[] {a.checkjstring(2), a.optjstring(3, "")});
            return LuaValue.NONE;
        }));
        m.set("append_header", method("append_header", a -> {
            headers.add(new String[] {a.checkjstring(2), a.optjstring(3, "")});
            return LuaValue.NONE;
        }));
        m.set("import_x_headers", method("import_x_headers", a -> {
            final List<String> names = a.arg(2).istable() ? names(a.arg(2).checktable()) : null;
            for (String[] h : headers) {
                final boolean wanted = names == null ? h[0].regionMatches(true, 0, "x-", 0, 2)
                        : names.stream().anyMatch(h[0]::equalsIgnoreCase);
                if (wanted) {
                    meta.put(h[0].toLowerCase(Locale.ROOT).replace('-', '_'), LuaValue.valueOf(h[1]));
                }
            }
            return LuaValue.NONE;
        }));
        m.set("remove_x_headers", method("remove_x_headers", a -> {
            final List<String> names = a.arg(2).istable() ? names(a.arg(2).checktable()) : null;
            headers.removeIf(h -> names == null ? h[0].regionMatches(true, 0, "x-", 0, 2)
                    : names.stream().anyMatch(h[0]::equalsIgnoreCase));
            return LuaValue.NONE;
        }));
        m.set("import_scheduling_header", method("import_scheduling_header", a -> {
            final String name = a.checkjstring(2);
            if (headers.stream().anyMatch(h -> h[0].equalsIgnoreCase(name))) {
                note.accept("msg:import_scheduling_header found a " + name + " header; a replayed message is "
                        + "queued at once, whatever its schedule");
            }
            if (a.optboolean(3, false)) {
                headers.removeIf(h -> h[0].equalsIgnoreCase(name));
            }
            return LuaValue.NONE;
        }));
    }

    private static List<String> names(LuaTable list) {
        final List<String> out = new ArrayList<>();
        for (LuaValue value : LuaData.sequence(list)) {
            out.add(value.checkjstring());
        }
        return out;
    }

    private void setMeta(String key, LuaValue value) {
        if (value.isnil()) {
            meta.remove(key);
        } else if (value.isfunction() || value.isuserdata() || value.isthread()) {
            throw new LuaError("msg:set_meta('" + key + "', ...): a " + value.typename()
                    + " cannot be message meta; kumod keeps JSON values");
        } else if (QUEUE_KEYS.contains(key) && value.type() != LuaValue.TSTRING) {
            throw new LuaError("msg:set_meta('" + key + "', ...): a " + value.typename() + " cannot name the "
                    + "queue; kumod needs a string");
        } else {
            meta.put(key, value);
        }
    }

    /** @return an envelope address of which the log knows only the domain */
    private LuaTable address(String domain) {
        final LuaTable address = new LuaTable();
        address.rawset("domain", LuaValue.valueOf(domain));
        final LuaTable metatable = new LuaTable();
        final Function<String, LuaValue> unknown = field -> {
            note.accept("an envelope address's " + field + " was read at reception; the log keeps only the "
                    + "domain, so the local part is empty");
            return LuaValue.valueOf(field.equals("user") ? "" : "@" + domain);
        };
        metatable.set("__index", LuaFunctions.of("address.__index", a -> {
            final String field = a.arg(2).tojstring();
            return field.equals("user") || field.equals("email") ? unknown.apply(field) : LuaValue.NIL;
        }));
        metatable.set("__tostring", LuaFunctions.of("address.__tostring", a -> unknown.apply("email")));
        address.setmetatable(metatable);
        return address;
    }

    private static String domainOf(LuaValue value, String method) {
        final String text = value.istable() ? value.get("domain").optjstring(null)
                : value.isstring() ? value.tojstring() : null;
        if (text == null) {
            throw new LuaError("msg:" + method + " expects an address string or an address, got "
                    + value.typename());
        }
        final int at = text.lastIndexOf('@');
        return (at < 0 ? text : text.substring(at + 1)).replaceAll("[<>]", "").toLowerCase(Locale.ROOT);
    }

    private LuaValue method(String name, Function<Varargs, Varargs> body) {
        return LuaFunctions.of("msg:" + name, body);
    }

    private LuaValue refused(String name) {
        final String why = BODY.contains(name)
                ? " is not supported by cutover: a replay has the log's envelope domains, not the message itself"
                : " is not supported by cutover";
        return LuaFunctions.of("msg:" + name, a -> {
            throw new LuaError("msg:" + name + why);
        });
    }
}
