package dev.cutover.kumo;

import java.util.Set;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * {@code kumo.reject(code, text)}: kumod raises it as an error that the SMTP server turns into its answer to the
 * client (docs.kumomta.com reference/kumo/reject), and the HTTP injector into its refusal of the message
 * (reference/events/http_message_generated), so a {@code pcall} around it catches it as any error, and
 * raising the caught value again ({@code error(e)}) rejects the message as before. The error value is a table
 * that prints as {@code "<code> <text>"} and carries both.
 */
final class Rejection extends LuaError {
    private static final long serialVersionUID = 1L;
    private static final String MARKER = "cutover.rejection";
    /** The events in which a rejection refuses a message. */
    static final Set<String> EVENTS = Set.of("smtp_server_message_received",
            "http_message_generated");

    final int code;
    final String text;

    Rejection(int code, String text) {
        super(value(code, text));
        this.code = code;
        this.text = text;
    }

    private static LuaValue value(int code, String text) {
        final LuaTable value = new LuaTable();
        value.rawset("code", code);
        value.rawset("message", text);
        final LuaTable meta = new LuaTable();
        meta.rawset(MARKER, LuaValue.TRUE);
        meta.rawset("__tostring", LuaFunctions.of("rejection.__tostring", a -> LuaValue.valueOf(code + " " + text)));
        value.setmetatable(meta);
        return value;
    }

    /** @return the rejection an error value raised again stands for, or null when it is not one */
    static Rejection of(LuaValue errorValue) {
        if (errorValue == null || !errorValue.istable() || errorValue.getmetatable() == null
                || !errorValue.getmetatable().rawget(MARKER).toboolean()) {
            return null;
        }
        return new Rejection(errorValue.rawget("code").toint(), errorValue.rawget("message").tojstring());
    }
}
