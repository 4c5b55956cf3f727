package dev.cutover.kumo;

import java.util.List;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * A value a kumod constructor would refuse, with serde's wording ({@code serde::de::Error}) so that the
 * policy-extras helpers that match on {@code invalid type} or {@code unknown field} classify it as kumod
 * would. {@link KumoConstructors} adds the {@code deserialize error: } prefix and the
 * {@code , while processing {json}} suffix that kumod's {@code from_lua_value} adds
 * ({@code crates/config/src/lib.rs}).
 */
final class SerdeError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SerdeError(String message) {
        super(message, null, false, false);
    }

    /** @return serde's "invalid type" error for {@code value} where {@code expected} was wanted. */
    static SerdeError invalidType(LuaValue value, String expected) {
        return new SerdeError("invalid type: " + unexpected(value) + ", expected " + expected);
    }

    /** @return serde's "unknown field" error, listing the fields the struct accepts. */
    static SerdeError unknownField(String field, List<String> expected) {
        return new SerdeError("unknown field `" + field + "`, " + oneOf(expected));
    }

    /** @return serde's "unknown variant" error. */
    static SerdeError unknownVariant(String variant, List<String> expected) {
        return new SerdeError("unknown variant `" + variant + "`, " + oneOf(expected));
    }

    private static String oneOf(List<String> names) {
        if (names.isEmpty()) {
            return "there are no fields";
        }
        if (names.size() == 1) {
            return "expected `" + names.get(0) + "`";
        }
        if (names.size() == 2) {
            return "expected `" + names.get(0) + "` or `" + names.get(1) + "`";
        }
        return "expected one of `" + String.join("`, `", names) + "`";
    }

    /** @return how serde names the kind and value of {@code value} in an error. */
    static String unexpected(LuaValue value) {
        switch (value.type()) {
            case LuaValue.TNIL:
                return "unit value";
            case LuaValue.TBOOLEAN:
                return "boolean `" + value.toboolean() + "`";
            case LuaValue.TNUMBER:
                return LuaData.isIntegral(value) ? "integer `" + (long) value.todouble() + "`"
                        : "floating point `" + value.todouble() + "`";
            case LuaValue.TSTRING:
                return "string \"" + value.tojstring().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case LuaValue.TTABLE:
                return LuaData.isSequence((LuaTable) value) ? "sequence" : "map";
            default:
                return value.typename();
        }
    }
}
