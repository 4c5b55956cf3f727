package dev.cutover.sim.momentum.conf;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Locates the configuration fixtures under {@code src/test/resources/momentum}. */
final class Fixtures {

    static final String INSTALLED_CONF = "/opt/msys/ecelerity/etc/conf";

    private Fixtures() {
    }

    static Path path(String relative) {
        try {
            return Path.of(Fixtures.class.getResource("/momentum/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The minimal example of momentum.md §2 with its absolute include re-rooted onto the fixture. */
    static EcelerityConf minimalExample() {
        final ConfParser parser = new ConfParser().withPathPrefix(INSTALLED_CONF, path("minimal"));

        return EcelerityConf.load(path("minimal/ecelerity.conf"), parser);
    }

    /** Parses text as if it were a file called ecelerity.conf in the working folder. */
    static ConfStanza parseText(String text) {
        return new ConfParser().parse(text, Path.of("ecelerity.conf"));
    }

    static EcelerityConf confOf(String text) {
        return EcelerityConf.from(parseText(text));
    }
}
