package dev.cutover.kumo;

import java.util.Map;

/**
 * What {@code get_egress_path_config} on loaded shaping data returns: merged {@code make_egress_path}
 * parameters (no defaults filled in) and, per key, where the value came from.
 *
 * @param params  parameter name to value ({@code String}, {@code Long}, {@code Double}, {@code Boolean},
 *                {@code Map}, {@code List})
 * @param origins parameter name (and {@code name[key]} for the additional_* maps) to its source, such as
 *                {@code shaping.toml [provider."google"]}
 */
public record ShapingResult(Map<String, Object> params, Map<String, String> origins) {
}
