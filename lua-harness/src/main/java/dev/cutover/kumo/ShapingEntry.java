package dev.cutover.kumo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code ["default"]} or {@code ["<domain>"]} block of a shaping file, merged over the files that name
 * the same key ({@code crates/kumo-api-types/src/shaping.rs}, {@code PartialEntry}).
 *
 * <p>Special keys: {@code mx_rollup} (default true), {@code replace_base} (default false), {@code automation}
 * and {@code sources."<name>"}; every other key is a {@code make_egress_path} parameter. A block with
 * {@code replace_base = true} replaces what it is merged over: params, sources and automation. As in kumod,
 * the stored entry keeps the {@code replace_base} flag of the first block stored under its key.
 */
final class ShapingEntry {

    final ShapingParams params;
    final boolean mxRollup;
    final boolean replaceBase;
    final List<AutomationRule> automation = new ArrayList<>();
    final Map<String, ShapingParams> sources = new LinkedHashMap<>();

    private ShapingEntry(ShapingParams params, boolean mxRollup, boolean replaceBase) {
        this.params = params;
        this.mxRollup = mxRollup;
        this.replaceBase = replaceBase;
    }

    /**
     * @param raw    the block's keys and values
     * @param origin where the block is, e.g. {@code shaping.toml ["comcast.net"]}
     * @return the entry
     */
    @SuppressWarnings("unchecked")
    static ShapingEntry parse(Map<String, Object> raw, String origin) {
        final Map<String, Object> params = new LinkedHashMap<>(raw);
        final boolean mxRollup = flag(params.remove("mx_rollup"), "mx_rollup", true);
        final boolean replaceBase = flag(params.remove("replace_base"), "replace_base", false);
        final Object automation = params.remove("automation");
        final Object sources = params.remove("sources");

        final ShapingEntry entry = new ShapingEntry(ShapingParams.of(params, origin), mxRollup, replaceBase);
        entry.automation.addAll(ShapingRules.automation(automation, origin));
        entry.sources.putAll(ShapingRules.sources(sources, origin));
        return entry;
    }

    /** @return {@code value}, which kumod reads as a boolean, or {@code absent} when it is not given */
    private static boolean flag(Object value, String key, boolean absent) {
        if (value == null) {
            return absent;
        }
        if (!(value instanceof Boolean)) {
            throw new IllegalArgumentException(key + ": invalid type: " + (value instanceof String ? "string \""
                    + value + "\"" : value) + ", expected a boolean");
        }
        return (Boolean) value;
    }

    /** Merges a later block for the same key into this one. */
    void mergeFrom(ShapingEntry later) {
        if (later.replaceBase) {
            params.replaceWith(later.params);
            automation.clear();
            sources.clear();
        } else {
            params.mergeFrom(later.params);
        }
        automation.addAll(later.automation);
        later.sources.forEach((name, p) -> sources.merge(name, p.copy(), (a, b) -> {
            a.mergeFrom(b);
            return a;
        }));
    }

    /** Applies this entry to lookup parameters accumulated so far. */
    void applyTo(ShapingParams accumulated) {
        if (replaceBase) {
            accumulated.replaceWith(params);
        } else {
            accumulated.mergeFrom(params);
        }
    }
}
