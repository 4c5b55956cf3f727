package dev.cutover.ingest;

import dev.cutover.ingest.ParsedLine.Reception;
import dev.cutover.ingest.ParsedLine.Rejected;
import dev.cutover.ingest.bounce.BounceKind;
import dev.cutover.ingest.bounce.BounceLine;
import dev.cutover.ingest.bounce.BouncelogParser;
import dev.cutover.ingest.bounce.ParsedBounceLine;
import dev.cutover.ingest.custom.CustomLine;
import dev.cutover.ingest.custom.CustomLineParser;

/**
 * Parses the lines of one input file by its kind into what the join takes: a mainlog line as it is, a custom log
 * line as its attempt plus the reception it implies, a bouncelog line as a {@link ParsedLine.Bounce}. One instance
 * per file; not thread-safe.
 */
final class InputLineParser {
    private final IngestInput.Kind kind;
    private final MainlogParser mainlog;
    private final CustomLineParser custom;
    private final BouncelogParser bouncelog;
    private ParsedLine line;
    private Reception implied;

    InputLineParser(IngestInput input) {
        this.kind = input.kind();
        this.mainlog = kind == IngestInput.Kind.MAINLOG ? MainlogParser.forJoin() : null;
        this.custom = kind == IngestInput.Kind.CUSTOM
                ? new CustomLineParser(input.custom().format(), input.custom().stage()) : null;
        this.bouncelog = kind == IngestInput.Kind.BOUNCELOG ? new BouncelogParser() : null;
    }

    /** @return why the line is unusable, or null when {@link #line()} holds it */
    RejectReason parse(String text) {
        implied = null;
        line = null;
        return switch (kind) {
            case MAINLOG -> mainlog(text);
            case CUSTOM -> custom(text);
            case BOUNCELOG -> bounce(text);
        };
    }

    /** @return the line last parsed */
    ParsedLine line() {
        return line;
    }

    /** @return the reception a custom log line implies, or null */
    Reception implied() {
        return implied;
    }

    /** @return the time by which the line is merged with the lines of other files */
    long mergeMicros() {
        final long time = IngestRun.timeOf(line);
        return kind == IngestInput.Kind.BOUNCELOG ? time + ReceptionOrderJoiner.BOUNCE_LAG_MICROS : time;
    }

    private RejectReason mainlog(String text) {
        final ParsedLine parsed = mainlog.parse(text);
        if (parsed instanceof Rejected) {
            return ((Rejected) parsed).reason();
        }
        line = parsed;
        return null;
    }

    private RejectReason custom(String text) {
        final CustomLine parsed = custom.parse(text);
        implied = parsed.reception();
        line = parsed.attempt();
        return parsed.rejected();
    }

    private RejectReason bounce(String text) {
        final ParsedBounceLine parsed = bouncelog.parse(text);
        if (parsed instanceof ParsedBounceLine.Rejected) {
            return ((ParsedBounceLine.Rejected) parsed).reason();
        }
        if (parsed instanceof ParsedBounceLine.Heartbeat) {
            final ParsedBounceLine.Heartbeat heartbeat = (ParsedBounceLine.Heartbeat) parsed;
            line = new ParsedLine.Heartbeat(heartbeat.timeMicros(), heartbeat.type());
            return null;
        }
        final BounceLine bounce = (BounceLine) parsed;
        final Outcome outcome = bounce.kind() == BounceKind.T ? Outcome.TRANSIENT : Outcome.PERMANENT;
        line = new ParsedLine.Bounce(bounce.timeMicros(), bounce.messageId(), outcome, bounce.bounceClassCode(),
                bounce.isOutOfBand());
        return null;
    }
}
