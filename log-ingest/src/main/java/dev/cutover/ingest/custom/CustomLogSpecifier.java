package dev.cutover.ingest.custom;

import java.util.List;

/**
 * The format specifiers of Momentum's {@code custom_logger} module
 * (support.sparkpost.com/momentum/4/modules/custom-logger). Each names one value Momentum writes for a
 * recipient; some take an argument in braces, such as {@code %T{3}} or {@code %h{Subject}}.
 *
 * <p>Note: {@code %us{N}} is read as the first N digits of the sub-second part of the line time, to be added
 * to {@code %t}; the page names it a sub-second stamp without giving an example.
 */
public enum CustomLogSpecifier {
    /** {@code %t}: epoch seconds (16-digit microseconds with {@code log_hires_timestamp}). */
    TIME("t", Argument.OPTIONAL),
    /** {@code %us{N}}: the sub-second part of the line time, N digits. */
    SUBSECOND("us", Argument.REQUIRED),
    /** {@code %i}: message id. */
    MESSAGE_ID("i", Argument.NONE),
    /** {@code %BI}: batch id. */
    BATCH_ID("BI", Argument.NONE),
    /** {@code %CI}: connection id. */
    CONNECTION_ID("CI", Argument.NONE),
    /** {@code %b}: binding. */
    BINDING("b", Argument.NONE),
    /** {@code %g}: binding group. */
    BINDING_GROUP("g", Argument.NONE),
    /** {@code %r}: recipient localpart. */
    RECIPIENT_LOCALPART("r", Argument.NONE),
    /** {@code %R}: recipient domain. */
    RECIPIENT_DOMAIN("R", Argument.NONE),
    /** {@code %m}: envelope sender localpart. */
    SENDER_LOCALPART("m", Argument.NONE),
    /** {@code %M}: envelope sender domain. */
    SENDER_DOMAIN("M", Argument.NONE),
    /** {@code %d}: routing domain. */
    ROUTING_DOMAIN("d", Argument.NONE),
    /** {@code %H}: remote host IP. */
    REMOTE_IP("H", Argument.NONE),
    /** {@code %N}: number of tries so far (the mainlog's retry count). */
    RETRY_COUNT("N", Argument.NONE),
    /** {@code %T}, {@code %T{N}}: seconds in queue, 2 decimals unless N is given. */
    QUEUE_TIME("T", Argument.OPTIONAL),
    /** {@code %s}: connection stage as text. */
    STAGE_TEXT("s", Argument.NONE),
    /** {@code %S}: connection stage number. */
    STAGE("S", Argument.NONE),
    /** {@code %c}: bounce class name. */
    BOUNCE_CLASS_NAME("c", Argument.NONE),
    /** {@code %C}: bounce class number. */
    BOUNCE_CLASS("C", Argument.NONE),
    /** {@code %n}: the DSN or response text. */
    RESPONSE("n", Argument.NONE),
    /** {@code %B}: message size in bytes. */
    SIZE("B", Argument.NONE),
    /** {@code %p}: reception protocol. */
    PROTOCOL("p", Argument.NONE),
    /** {@code %P}: pathway. */
    PATHWAY("P", Argument.NONE),
    /** {@code %PG}: pathway group. */
    PATHWAY_GROUP("PG", Argument.NONE),
    /** {@code %A}: authentication mechanism. */
    AUTH_MECHANISM("A", Argument.NONE),
    /** {@code %U}: authenticated user. */
    AUTH_USER("U", Argument.NONE),
    /** {@code %h{Header}}: a message header. */
    HEADER("h", Argument.REQUIRED),
    /** {@code %vctx_mess{key}}: a message context variable. */
    MESSAGE_CONTEXT("vctx_mess", Argument.REQUIRED),
    /** {@code %vctx_conn{key}}: a connection context variable. */
    CONNECTION_CONTEXT("vctx_conn", Argument.REQUIRED);

    /** Whether a specifier takes a braced argument. */
    enum Argument { NONE, OPTIONAL, REQUIRED }

    /** Specifiers longest name first, so {@code %BI} is not read as {@code %B} followed by {@code I}. */
    static final List<CustomLogSpecifier> LONGEST_FIRST = List.of(MESSAGE_CONTEXT, CONNECTION_CONTEXT, SUBSECOND,
            BATCH_ID, CONNECTION_ID, PATHWAY_GROUP, TIME, MESSAGE_ID, BINDING, BINDING_GROUP, RECIPIENT_LOCALPART,
            RECIPIENT_DOMAIN, SENDER_LOCALPART, SENDER_DOMAIN, ROUTING_DOMAIN, REMOTE_IP, RETRY_COUNT, QUEUE_TIME,
            STAGE_TEXT, STAGE, BOUNCE_CLASS_NAME, BOUNCE_CLASS, RESPONSE, SIZE, PROTOCOL, PATHWAY, AUTH_MECHANISM,
            AUTH_USER, HEADER);

    private final String name;
    private final Argument argument;

    CustomLogSpecifier(String name, Argument argument) {
        this.name = name;
        this.argument = argument;
    }

    /** @return the specifier as written in a format, such as {@code %BI} */
    public String token() {
        return "%" + name;
    }

    String specifierName() {
        return name;
    }

    Argument argument() {
        return argument;
    }
}
