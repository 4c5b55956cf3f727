package dev.cutover.sim.momentum.conf;

import java.nio.file.Path;
import java.util.Map;

/**
 * Reads an ecelerity.conf file, with everything it includes, into a tree of {@link ConfStanza}s.
 *
 * <p>Implements the file syntax of support.sparkpost.com/momentum/4/conf-overview: comments,
 * quoting, lists, dictionaries, stanzas, and {@code include} / {@code readonly_include} in any
 * scope. An included file's options and stanzas land in the stanza that holds the include
 * statement, exactly where the statement stood. An include that leads back to a file still being
 * read is an error, as is a path that does not exist.
 *
 * <p>Example: {@code new ConfParser().withPathPrefix("/opt/msys/ecelerity/etc/conf", copyOfConf)
 * .parse(copyOfConf.resolve("default/ecelerity.conf"))} reads an operator's copied configuration
 * whose includes use the installed, absolute paths.
 *
 * <p>Note: {@code readonly_include} is read like {@code include}; the read-only flag only matters
 * to Momentum's {@code config writeback}, which cutover never performs.
 */
public final class ConfParser {

    private final IncludeResolver includes;

    /** A parser that resolves include paths exactly as written. */
    public ConfParser() {
        this(new IncludeResolver(Map.of()));
    }

    private ConfParser(IncludeResolver includes) {
        this.includes = includes;
    }

    /**
     * @param prefix      an absolute path prefix as written in include statements,
     *                    e.g. {@code /opt/msys/ecelerity/etc/conf}
     * @param replacement the local folder that stands for it
     * @return a parser that also applies this mapping
     */
    public ConfParser withPathPrefix(String prefix, Path replacement) {
        return new ConfParser(includes.withPrefix(prefix, replacement));
    }

    /**
     * @param mainFile the master configuration file, usually {@code ecelerity.conf}
     * @return the global pseudo-stanza holding the whole configuration
     * @throws ConfException for any syntax error, unreadable or missing file, or include cycle
     */
    public ConfStanza parse(Path mainFile) {
        return new ParseSession(includes, mainFile).readMain();
    }

    /**
     * Parses text that has not been saved to disk, as if it were the content of {@code asFile}.
     *
     * @param text   configuration text
     * @param asFile the file it stands for; relative includes resolve against its folder
     * @return the global pseudo-stanza
     * @throws ConfException for any syntax error, missing include or include cycle
     */
    public ConfStanza parse(String text, Path asFile) {
        return new ParseSession(includes, asFile).readMainText(text);
    }
}
