package dev.cutover.kumo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * How one constructor field is checked and what Java value it becomes, mirroring the serde types of the
 * kumod structs ({@code crates/kumo-api-types/src/egress_path.rs}, {@code crates/kumod/src/queue/config.rs},
 * {@code crates/kumod/src/egress_source.rs}). Parsed values: {@link LimitSpec}, {@link ThrottleSpec},
 * {@code Long} (integers; durations in microseconds), {@code Boolean}, {@code String}, {@code Map}s of specs,
 * or the raw {@link LuaValue} for structures cutover does not model.
 */
interface FieldType {

    /**
     * @param value a non-nil Lua value
     * @return the parsed Java value
     * @throws SerdeError with serde's wording when kumod would refuse the value
     */
    Object parse(LuaValue value);

    /** @return the value as a policy reads it back from a constructed object. */
    default LuaValue readBack(Object parsed) {
        return LuaData.toLua(parsed);
    }

    FieldType LIMIT = new FieldType() {
        @Override
        public Object parse(LuaValue v) {
            if (v.type() == LuaValue.TSTRING) {
                return spec(() -> LimitSpec.parse(v.tojstring()));
            }
            if (v.type() == LuaValue.TNUMBER && LuaData.isIntegral(v)) {
                return spec(() -> LimitSpec.of((long) v.todouble()));
            }
            throw SerdeError.invalidType(v, "string or numeric limit spec");
        }

        @Override
        public LuaValue readBack(Object parsed) {
            final LimitSpec limit = (LimitSpec) parsed;
            final LuaTable t = new LuaTable();
            t.set("limit", LuaValue.valueOf((double) limit.limit()));
            t.set("force_local", LuaValue.valueOf(limit.local()));
            return t;
        }
    };

    FieldType THROTTLE = new FieldType() {
        @Override
        public Object parse(LuaValue v) {
            if (v.type() != LuaValue.TSTRING) {
                throw SerdeError.invalidType(v, "a string");
            }
            return spec(() -> ThrottleSpecParser.parse(v.tojstring()));
        }

        @Override
        public LuaValue readBack(Object parsed) {
            return LuaValue.valueOf(ThrottleSpecs.display((ThrottleSpec) parsed));
        }
    };

    FieldType DURATION = new FieldType() {
        @Override
        public Object parse(LuaValue v) {
            if (v.type() == LuaValue.TSTRING) {
                try {
                    return Durations.parseMicros(v.tojstring());
                } catch (SpecException e) {
                    throw new SerdeError("invalid value: " + SerdeError.unexpected(v) + ", expected a duration");
                }
            }
            if (v.type() != LuaValue.TNUMBER) {
                throw SerdeError.invalidType(v, "a duration");
            }
            if (v.todouble() < 0) {
                throw new SerdeError("duration must either be a string or a positive integer specifying the "
                        + "number of seconds. (error: out of range integral type conversion attempted)");
            }
            return Durations.secondsToMicros(v.todouble());
        }

        @Override
        public LuaValue readBack(Object parsed) {
            return LuaValue.valueOf(Durations.format((Long) parsed));
        }
    };

    FieldType USIZE = unsigned("usize", Long.MAX_VALUE);
    FieldType U16 = unsigned("u16", 65_535);
    FieldType U32 = unsigned("u32", 4_294_967_295L);

    FieldType BOOL = v -> {
        if (v.type() != LuaValue.TBOOLEAN) {
            throw SerdeError.invalidType(v, "a boolean");
        }
        return v.toboolean();
    };

    FieldType STRING = v -> {
        if (v.type() != LuaValue.TSTRING) {
            throw SerdeError.invalidType(v, "a string");
        }
        return v.tojstring();
    };

    FieldType ANY = v -> v;

    /**
     * An IP address literal ({@code std::net::IpAddr}): four dotted decimal bytes, or IPv6 groups. Checked by its
     * text only, so no name is ever looked up.
     */
    FieldType IP_ADDRESS = v -> {
        if (v.type() != LuaValue.TSTRING) {
            throw SerdeError.invalidType(v, "IP address");
        }
        final String text = v.tojstring();
        if (!IpLiterals.isIpAddress(text)) {
            throw new SerdeError("invalid IP address syntax");
        }
        return text;
    };

    FieldType LIMIT_MAP = mapOf(LIMIT);
    FieldType THROTTLE_MAP = mapOf(THROTTLE);

    /** @return an unsigned integer type with serde's name {@code rustName}. */
    static FieldType unsigned(String rustName, long max) {
        return v -> {
            if (v.type() != LuaValue.TNUMBER || !LuaData.isIntegral(v)) {
                throw SerdeError.invalidType(v, rustName);
            }
            final double d = v.todouble();
            if (d < 0 || d > max) {
                throw new SerdeError("invalid value: " + SerdeError.unexpected(v) + ", expected " + rustName);
            }
            return (long) d;
        };
    }

    /** @return a unit-variant enum type accepting exactly {@code variants}. */
    static FieldType enumOf(String rustName, List<String> variants) {
        return v -> {
            if (v.type() != LuaValue.TSTRING) {
                throw SerdeError.invalidType(v, "enum " + rustName);
            }
            if (!variants.contains(v.tojstring())) {
                throw SerdeError.unknownVariant(v.tojstring(), variants);
            }
            return v.tojstring();
        };
    }

    /** @return a string-keyed map whose values are of type {@code values}. */
    static FieldType mapOf(FieldType values) {
        return new FieldType() {
            @Override
            public Object parse(LuaValue v) {
                if (v.type() != LuaValue.TTABLE || LuaData.isSequence((LuaTable) v)) {
                    throw SerdeError.invalidType(v, "a map");
                }
                final Map<String, Object> out = new LinkedHashMap<>();
                LuaData.entries((LuaTable) v).forEach((k, item) -> out.put(k, values.parse(item)));
                return out;
            }

            @Override
            public LuaValue readBack(Object parsed) {
                final LuaTable t = new LuaTable();
                ((Map<?, ?>) parsed).forEach((k, item) -> t.set(k.toString(), values.readBack(item)));
                return t;
            }
        };
    }

    private static Object spec(java.util.function.Supplier<Object> parse) {
        try {
            return parse.get();
        } catch (SpecException e) {
            throw new SerdeError(e.getMessage());
        }
    }
}
