package dev.cutover.kumo;

import org.luaj.vm2.LuaError;

/**
 * {@code kumo.reject(code, text)}: kumod raises it as an error that the SMTP server turns into its answer to the
 * client (docs.kumomta.com reference/kumo/reject), so a {@code pcall} around it catches it as any error.
 */
final class Rejection extends LuaError {
    private static final long serialVersionUID = 1L;

    final int code;
    final String text;

    Rejection(int code, String text) {
        super(code + " " + text);
        this.code = code;
        this.text = text;
    }
}
