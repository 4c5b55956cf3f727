package dev.cutover.kumo;

import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * {@code kumo.shaping.load(files, options)} for Lua: loads {@link ShapingData} and returns an object with
 * the methods of kumod's {@code Shaping} userdata ({@code crates/kumo-api-types/src/shaping.rs}):
 * {@code get_egress_path_config}, {@code get_errors}, {@code get_warnings}, {@code get_referenced_sources},
 * {@code match_rules} (always an empty list: TSA is not modelled here) and {@code hash}.
 */
final class ShapingLua {

    private final LuaSandbox sandbox;
    private final MxFixture mx;
    private final KumoConstructors constructors;
    private final List<ShapingData> loaded = new ArrayList<>();

    ShapingLua(LuaSandbox sandbox, MxFixture mx, KumoConstructors constructors) {
        this.sandbox = sandbox;
        this.mx = mx;
        this.constructors = constructors;
    }

    /** @return the {@code kumo.shaping} table. */
    LuaTable module() {
        final LuaTable shaping = new LuaTable();
        shaping.set("load", LuaFunctions.of("kumo.shaping.load", a -> load(a.checktable(1), a.arg(2))));
        return shaping;
    }

    /** @return every shaping data set the policy loaded, in order. */
    List<ShapingData> loaded() {
        return List.copyOf(loaded);
    }

    private LuaValue load(LuaTable files, LuaValue optionsTable) {
        final List<String> names = new ArrayList<>();
        LuaData.sequence(files).forEach(v -> names.add(v.tojstring()));
        final ShapingData data;
        try {
            final ShapingOptions options = ShapingOptions.fromLua(optionsTable);
            final PolicyFiles paths = sandbox.files();
            data = ShapingData.load(names, paths::resolve, paths::label, mx, options);
        } catch (SerdeError e) {
            throw new LuaError("deserialize error: " + e.getMessage());
        } catch (PolicyException e) {
            throw new LuaError(e.getMessage());
        }
        loaded.add(data);
        return object(data);
    }

    private LuaTable object(ShapingData data) {
        final LuaTable object = new LuaTable();
        object.set("get_egress_path_config", LuaFunctions.of("get_egress_path_config", a ->
                lookup(data, a.checkjstring(2), a.checkjstring(3), a.checkjstring(4))));
        object.set("get_errors", LuaFunctions.of("get_errors", a -> LuaData.toLua(data.errors())));
        object.set("get_warnings", LuaFunctions.of("get_warnings", a -> LuaData.toLua(data.warnings())));
        object.set("get_referenced_sources", LuaFunctions.of("get_referenced_sources", a ->
                LuaData.toLua(data.referencedSources())));
        object.set("match_rules", LuaFunctions.of("match_rules", a -> new LuaTable()));
        final String hash = "cutover-shaping-" + loaded.size();
        object.set("hash", LuaFunctions.of("hash", a -> LuaValue.valueOf(hash)));
        return object;
    }

    private LuaValue lookup(ShapingData data, String domain, String source, String site) {
        final ShapingResult result = data.lookup(domain, source, site);
        final LuaTable table = (LuaTable) LuaData.toLua(result.params());
        constructors.rememberShaping(table, result.origins());
        return table;
    }
}
