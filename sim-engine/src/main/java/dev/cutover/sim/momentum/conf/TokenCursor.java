package dev.cutover.sim.momentum.conf;

import java.util.List;

/**
 * Reads a file's tokens front to back with one- and two-token look-ahead; after the end it keeps
 * returning the end-of-file token. Serves the grammar of support.sparkpost.com/momentum/4/conf-overview,
 * where telling {@code name = value} from {@code Keyword "name" { ... }} needs two tokens of look-ahead.
 */
final class TokenCursor {

    private final List<Token> tokens;
    private final String file;
    private int index;

    TokenCursor(List<Token> tokens, String file) {
        this.tokens = tokens;
        this.file = file;
    }

    Token next() {
        final Token token = peek(0);

        index = Math.min(index + 1, tokens.size() - 1);
        return token;
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    SourceLocation locationOf(Token token) {
        return new SourceLocation(file, token.line());
    }

    String file() {
        return file;
    }
}
