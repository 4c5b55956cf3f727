package dev.cutover.ingest;

/**
 * Why a log line was set aside instead of joined. Every rejected line is counted under exactly one
 * reason and handed to a {@link RejectSink} with its file and line number.
 */
public enum RejectReason {
    /** The line is empty or holds only a carriage return. */
    EMPTY_LINE,
    /** The line is longer than {@link MainlogParser#MAX_LINE_CHARS} characters. */
    LINE_TOO_LONG,
    /** The line contains a NUL character, so it is binary data rather than log text. */
    BINARY_DATA,
    /** Fewer {@code @}-separated fields than the record type needs. */
    TOO_FEW_FIELDS,
    /** More fields than a D or X line can have. */
    TOO_MANY_FIELDS,
    /** Field 0 is not a 10-digit epoch-seconds or 16-digit epoch-microseconds integer. */
    BAD_TIMESTAMP,
    /** Field 4 holds no record type that a mainlog writes. */
    UNKNOWN_RECORD_TYPE,
    /**
     * The record type sits in field 2, as in the Momentum 2.x layout, but is not one the 2.1 / 2.2 mainlog
     * defines (R, D, T, P, M): an X line, for which the 2.x documentation gives no layout.
     */
    UNSUPPORTED_LAYOUT,
    /** An M or M1 line whose fields 1 to 3 are not empty, or that has trailing fields. */
    BAD_HEARTBEAT,
    /** An R, D, T, P or X line with an empty message id. */
    MISSING_MESSAGE_ID,
    /** A size, byte count, retry count, stage or queue-time field that is not a plain number. */
    BAD_NUMBER,
    /** An attempt line whose message has no open reception line (set by the joiner). */
    ORPHAN_ATTEMPT,
    /** A second R line for a message id that is still open (set by the joiner). */
    DUPLICATE_RECEPTION,
    /**
     * A gzip or bzip2 file whose compressed data ends early or is corrupt. The lines decoded before the
     * damage are kept; one line of this reason marks where reading stopped, holding the unfinished line's
     * text (empty when the damage fell between lines). Set by the ingestor, not the parser.
     */
    COMPRESSED_DATA_DAMAGED,
    /**
     * A {@code custom_logger} line that does not fit its format: an unclosed quote, or no recipient or routing
     * domain (support.sparkpost.com/momentum/4/modules/custom-logger).
     */
    BAD_CUSTOM_FIELD,
    /**
     * A {@code custom_logger} line that opens a message whose reception (line time minus queue time) falls
     * before messages already stored; the store keeps reception order, so the message is left out. Set by the
     * ingestor.
     */
    LATE_RECEPTION,
    /**
     * A bouncelog B or T line (not out of band) with no mainlog P or T line of the same message within
     * {@link ReceptionOrderJoiner#BOUNCE_MATCH_MICROS} of it, so there is no attempt for its bounce class. Set by
     * the joiner.
     */
    UNMATCHED_BOUNCE,
    /**
     * An R line with an empty recipient domain, or an attempt line with an empty domain, in any layout: the message
     * would be counted under a domain with no name. Set by the joiner, which sees the lines of every layout.
     */
    MISSING_DOMAIN,
    /**
     * An R line whose recipient domain, or an attempt line whose domain, holds whitespace, a control character or
     * one of {@code "<>,;\\}, bytes that were no UTF-8, an empty label or one that starts or ends with {@code -}, or
     * is longer than 255 characters or has a label longer than 63: no mail domain does
     * (RFC 5321 §4.1.2 and §4.5.3.1.2), so the field is not a domain, as when a line was cut or merged with another.
     * Set by the joiner and the custom_logger reader.
     */
    BAD_DOMAIN
}
