package dev.cutover.ingest;

/**
 * A whole input file cannot be ingested. The message is one line for the user: it names the file and
 * says what was expected, e.g. {@code mainlog.ec: the file is empty (0 bytes); expected a Momentum mainlog}.
 */
public final class IngestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
