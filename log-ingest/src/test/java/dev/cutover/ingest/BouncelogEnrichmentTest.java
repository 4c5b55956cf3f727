package dev.cutover.ingest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A bouncelog read alongside the mainlog gives failed attempts their bounce class. */
class BouncelogEnrichmentTest extends IngestTestSupport {
    private static final long TEST_BLOCK_SIZE = 256 << 10;

    @Test
    void ingest_mainlogWithBouncelog_failedAttemptsCarryTheirClassAndTheRestIsCounted() throws IOException {
        final Path mainlog = Files.write(dir.resolve("mainlog.ec"), List.of(
                "1717430400@A1@B1@C0@R@ann@example.net@news@sender.example@192.0.2.15@1000@esmtp@retail@ip-1",
                "1717430401@A2@B2@C0@R@bob@example.org@news@sender.example@192.0.2.15@1000@esmtp@retail@ip-1",
                "1717430402@A1@B1@C1@T@example.net@1000@retail@ip-1@5@0@2.0@192.0.2.9@452 4.2.2 mailbox full",
                "1717430403@A2@B2@C2@D@example.org@1000@retail@ip-1@0@2.0@192.0.2.8",
                "1717430500@A1@B1@C3@P@example.net@1000@retail@ip-1@5@1@100.0@192.0.2.9@550 5.1.1 user unknown",
                "1717430600@@@@M"));
        final Path bouncelog = Files.write(dir.resolve("bouncelog.ec"), List.of(
                "1717430402@A1@B1@C1@T@ann@example.net@news@sender.example@retail@ip-1@5@22@1000@192.0.2.9"
                        + "@452 4.2.2 mailbox full",
                "1717430500@A1@B1@C3@B@ann@example.net@news@sender.example@retail@ip-1@5@10@1000@192.0.2.9"
                        + "@550 5.1.1 user unknown",
                "1717430550@A2@B2@C0@B@bob@example.org@news@sender.example@retail@ip-1@21@60@1000@@out of office",
                "1717430560@Z9@B9@C9@B@eve@example.com@news@sender.example@retail@ip-1@5@10@1000@192.0.2.7@550 no",
                "1717430600@@@@M1"));

        try (TrafficStore store = TrafficStore.open(dir.resolve("store"), TEST_BLOCK_SIZE)) {
            final IngestResult result = Ingestor.ingestInputs(List.of(IngestInput.mainlog(LogSource.of(mainlog)),
                    IngestInput.bouncelog(LogSource.of(bouncelog))), store, sink, IngestListener.NONE,
                    IngestOptions.defaults());

            final List<MessageRecord> stored = TrafficStoreTest.readAll(store);
            assertEquals(List.of("A1", "A2"), stored.stream().map(MessageRecord::messageId).toList());
            assertEquals(List.of(22, 10), stored.get(0).attempts().stream().map(Attempt::bounceClass).toList());
            assertEquals(List.of(0), stored.get(1).attempts().stream().map(Attempt::bounceClass).toList());
            assertEquals(2, result.bouncesJoined());
            assertEquals(1, result.outOfBandBounces());
            assertEquals(List.of("bouncelog.ec:4:UNMATCHED_BOUNCE"), rejected);
        }
    }
}
