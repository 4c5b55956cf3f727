package dev.cutover.kumo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * The options of {@code kumo.shaping.load} ({@code crates/kumo-api-types/src/shaping.rs},
 * {@code ShapingMergeOptions}): a level per check ({@code Ignore}, {@code Warn}, {@code Error}), all
 * {@code Ignore} except {@code local_load = Error}, plus {@code skip_remote} and {@code http_timeout}.
 *
 * @param providerOverlap level for a rolled-up domain that a provider also matches
 * @param dnsFail         level for a domain whose MX cannot be resolved
 * @param nullMx          level for a rolled-up domain with a NULL MX
 * @param aliasedSite     level for two domain blocks that resolve to one site
 * @param remoteLoad      level for a remote file that cannot be fetched
 * @param localLoad       level for a local file that cannot be read
 * @param skipRemote      skip http(s) sources
 */
public record ShapingOptions(String providerOverlap, String dnsFail, String nullMx, String aliasedSite,
        String remoteLoad, String localLoad, boolean skipRemote) {

    private static final List<String> FIELDS = List.of("provider_overlap", "dns_fail", "null_mx",
            "aliased_site", "skip_remote", "remote_load", "local_load", "http_timeout");

    /** @return kumod's defaults. */
    public static ShapingOptions defaults() {
        return new ShapingOptions("Ignore", "Ignore", "Ignore", "Ignore", "Ignore", "Error", false);
    }

    /**
     * @param options the Lua options table, or nil
     * @return the options
     * @throws SerdeError for an unknown key or level
     */
    static ShapingOptions fromLua(LuaValue options) {
        if (!options.istable()) {
            return defaults();
        }
        final Map<String, LuaValue> given = LuaData.entries((LuaTable) options);
        given.keySet().stream().filter(k -> !FIELDS.contains(k)).findFirst().ifPresent(k -> {
            throw SerdeError.unknownField(k, FIELDS);
        });
        return new ShapingOptions(level(given, "provider_overlap", "Ignore"), level(given, "dns_fail", "Ignore"),
                level(given, "null_mx", "Ignore"), level(given, "aliased_site", "Ignore"),
                level(given, "remote_load", "Ignore"), level(given, "local_load", "Error"),
                given.containsKey("skip_remote") && given.get("skip_remote").toboolean());
    }

    private static String level(Map<String, LuaValue> given, String key, String fallback) {
        final LuaValue v = given.get(key);
        if (v == null || v.isnil()) {
            return fallback;
        }
        final String text = v.tojstring().toLowerCase(Locale.ROOT);
        switch (text) {
            case "ignore": return "Ignore";
            case "warn": return "Warn";
            case "error": return "Error";
            default:
                throw new SerdeError("Expected one of `Ignore`, `Warn` or `Error`, got `" + v.tojstring() + "`");
        }
    }
}
