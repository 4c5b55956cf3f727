package dev.cutover.kumo;

import java.util.List;
import java.util.Map;

/**
 * Checks merged shaping blocks as kumod does after loading ({@code PartialEntry::finish} and
 * {@code ProviderEntry::finish_params} in {@code crates/kumo-api-types/src/shaping.rs}): every parameter
 * table, and every {@code sources} table, must be a valid {@code make_egress_path} argument. kumod names the first
 * value it refuses; a refused table here names each key it refuses, so a translation is corrected in one pass.
 */
final class ShapingValidation {

    private ShapingValidation() {
    }

    /**
     * @param what    the block, e.g. {@code site: (alt1|alt2)?.gmail-smtp-in.l.google.com}
     * @param params  its parameters
     * @param sources its per-source parameters
     * @param refused gets a problem naming the block and the offending key's origin for each table kumod refuses
     */
    static void check(String what, ShapingParams params, Map<String, ShapingParams> sources,
            List<PolicyException> refused) {
        checkOne(what, params, refused);
        sources.forEach((name, p) -> {
            final ShapingParams copy = p.copy();
            copy.values.remove("provider_source_selection_rate");
            checkOne(what + " source '" + name + "'", copy, refused);
        });
    }

    private static void checkOne(String what, ShapingParams params, List<PolicyException> refused) {
        try {
            KumoSchemas.EGRESS_PATH.parse((org.luaj.vm2.LuaTable) LuaData.toLua(params.values));
        } catch (SerdeError e) {
            final String origin = params.origins.values().stream().findFirst().orElse(what);
            final List<String> keys = new java.util.ArrayList<>();
            params.values.forEach((key, value) -> {
                try {
                    KumoSchemas.EGRESS_PATH.parse((org.luaj.vm2.LuaTable) LuaData.toLua(Map.of(key, value)));
                } catch (SerdeError one) {
                    keys.add(key + ": " + one.getMessage());
                }
            });
            refused.add(new PolicyException(origin, 0, what + ": interpreting params as EgressPathConfig: "
                    + (keys.isEmpty() ? e.getMessage() : String.join("; ", keys))));
        }
    }
}
