package dev.cutover.ingest.synth;

/** A synthesized message while it waits for its next attempt. */
final class SynthMessage {
    final String messageId;
    final long receptionMicros;
    final int domain;
    final int binding;
    final long sizeBytes;
    final String recipient;
    final long sequence;
    int failures;
    long nextAttemptMicros;

    SynthMessage(String messageId, long receptionMicros, int domain, int binding, long sizeBytes, String recipient,
                 long sequence) {
        this.messageId = messageId;
        this.receptionMicros = receptionMicros;
        this.domain = domain;
        this.binding = binding;
        this.sizeBytes = sizeBytes;
        this.recipient = recipient;
        this.sequence = sequence;
        this.nextAttemptMicros = receptionMicros;
    }
}
