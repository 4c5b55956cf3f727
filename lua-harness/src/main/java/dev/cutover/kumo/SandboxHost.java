package dev.cutover.kumo;

/**
 * What a {@link LuaSandbox} runs, for its messages: a KumoMTA policy, or another engine's Lua such as Momentum's
 * Adaptive Delivery rules files.
 *
 * @param script     what the script is called, e.g. {@code policy}
 * @param folder     what its folder is called, e.g. {@code policy folder}
 * @param ioAdvice   how such a script reads files instead of {@code io}
 * @param newerLua   what to say of a Lua 5.3+ function LuaJ (Lua 5.2) lacks
 * @param encoding   what to say of a script that is not UTF-8
 */
public record SandboxHost(String script, String folder, String ioAdvice, String newerLua, String encoding) {

    /** A KumoMTA policy, run as kumod runs it. */
    public static final SandboxHost KUMOD = new SandboxHost("policy", "policy folder",
            "a policy reads its files through kumo's loaders (kumo.toml_load, kumo.json_load, require)",
            "kumod's Lua 5.4 has it, LuaJ (Lua 5.2) does not", "kumod reads policies as UTF-8");
}
