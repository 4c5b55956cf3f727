package dev.cutover.sim.momentum.conf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code Keyword ["name"] { ... }} block of ecelerity.conf, or the whole file (the global scope),
 * kept as written: options and nested stanzas in file order, includes already expanded.
 *
 * <p>Stanza keywords are case-insensitive, names are case-sensitive
 * (support.sparkpost.com/momentum/4/conf-overview). {@link EcelerityConf} gives the binding group,
 * binding and domain stanzas their meaning; every other stanza (modules, listeners) stays in this
 * generic form.
 */
public final class ConfStanza {

    /** The keyword given to the file-level pseudo-stanza that holds global options. */
    public static final String GLOBAL = "global";

    private final String keyword;
    private final String spelling;
    private final String name;
    private final SourceLocation location;
    private final List<ConfOption> options = new ArrayList<>();
    private final List<ConfStanza> stanzas = new ArrayList<>();

    ConfStanza(String spelling, String name, SourceLocation location) {
        this.keyword = spelling.toLowerCase(Locale.ROOT);
        this.spelling = spelling;
        this.name = name;
        this.location = location;
    }

    /** @return the keyword in lower case, e.g. {@code binding_group} */
    public String keyword() {
        return keyword;
    }

    /** @return the keyword as written, e.g. {@code Binding_Group} */
    public String spelling() {
        return spelling;
    }

    /** @return the stanza's name as written, empty for singletons such as {@code ESMTP_Listener} */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return where the stanza was opened */
    public SourceLocation location() {
        return location;
    }

    /** @return the options assigned directly in this stanza, in file order */
    public List<ConfOption> options() {
        return Collections.unmodifiableList(options);
    }

    /** @return the stanzas nested directly in this one, in file order */
    public List<ConfStanza> stanzas() {
        return Collections.unmodifiableList(stanzas);
    }

    /** @return the stanza as a human reads it, e.g. {@code Binding "retail-ip-03"} */
    public String describe() {
        return name == null ? spelling : spelling + " \"" + name + "\"";
    }

    void add(ConfOption option) {
        options.add(option);
    }

    void add(ConfStanza stanza) {
        stanzas.add(stanza);
    }
}
