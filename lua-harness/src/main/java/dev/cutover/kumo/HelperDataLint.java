package dev.cutover.kumo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * The lint of the data files KumoMTA's own {@code policy-extras/sources.lua} reads, for a run with its shipped
 * helpers ({@code [kumomta] helpers}): cutover's stand-in for that module says the same itself, but the shipped one
 * runs as written and says nothing. The helper takes {@code [source."name"]} tables and {@code [pool."name"]} tables
 * whose keys name sources, merged over all its files (assets/policy-extras/sources.lua, {@code load_data}); a source
 * no pool names is never used, and a pool with no sources sends nothing of a queue that uses it (which the helper's
 * own example does on purpose, for a pool that keeps a queue suspended).
 *
 * <p>Which files the helper read is not told by kumod: the files read with {@code toml_load} or {@code json_load}
 * that hold a {@code source} or {@code pool} table are taken for its data, when the shipped module was read. A
 * queue helper's unknown tenant needs no lint: the shipped {@code queue.lua} refuses its messages, which the run
 * reports.
 */
final class HelperDataLint {
    private final Map<String, LuaValue> dataFiles = new LinkedHashMap<>();

    /** Notes a data file the policy read, for {@link #sources}. */
    void read(LuaValue value, String label) {
        if (value.istable() && (value.get("source").istable() || value.get("pool").istable())) {
            dataFiles.put(label, value);
        }
    }

    /** @return the findings on the sources data read, in the wording of cutover's own helper; none without data */
    List<String> sources() {
        if (dataFiles.isEmpty()) {
            return List.of();
        }
        final Set<String> sources = new TreeSet<>();
        final Map<String, Set<String>> pools = new TreeMap<>();
        dataFiles.values().forEach(data -> {
            tableKeys(data.get("source")).forEach(sources::add);
            tableKeys(data.get("pool")).forEach(pool -> pools.computeIfAbsent(pool, p -> new TreeSet<>())
                    .addAll(tableKeys(data.get("pool").get(pool))));
        });
        final String where = String.join(", ", dataFiles.keySet());
        final Set<String> pooled = new TreeSet<>();
        pools.values().forEach(pooled::addAll);
        final List<String> findings = new ArrayList<>();
        sources.stream().filter(name -> !pooled.contains(name)).forEach(name -> findings.add(where + ": [source.\""
                + name + "\"] is in no pool, so no queue sends from it"));
        pools.forEach((pool, members) -> {
            if (members.isEmpty()) {
                findings.add(where + ": [pool.\"" + pool + "\"] has no sources, so kumod can send nothing of a queue "
                        + "that uses it");
            }
        });
        return findings;
    }

    private static Set<String> tableKeys(LuaValue value) {
        return value.istable() ? LuaData.entries((LuaTable) value).keySet() : Set.of();
    }
}
