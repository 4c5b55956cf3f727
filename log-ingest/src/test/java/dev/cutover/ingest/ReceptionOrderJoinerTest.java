package dev.cutover.ingest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReceptionOrderJoinerTest {
    private final MainlogParser parser = new MainlogParser();
    private final List<MessageRecord> emitted = new ArrayList<>();
    private final ReceptionOrderJoiner joiner = new ReceptionOrderJoiner(emitted::add);

    @Test
    void accept_firstReceivedDeliveredLast_stillEmittedFirst() {
        feed(reception(100, "A", "example.net"), reception(101, "B", "example.org"), delivery(102, "B", "example.org"));
        assertEquals(List.of(), ids());

        feed(delivery(900, "A", "example.net"));

        assertEquals(List.of("A", "B"), ids());
        assertEquals(0, joiner.openMessages());
    }

    @Test
    void accept_messageOpenPastStragglerAge_othersPassItAndItGoesLateWithItsSequence() {
        final List<String> late = new ArrayList<>();
        joiner.stragglersTo((sequence, message) -> late.add(sequence + ":" + message.messageId()), 600_000_000L);

        feed(reception(100, "A", "example.net"), reception(101, "B", "example.org"), delivery(102, "B", "example.org"));
        assertEquals(List.of(), ids());
        feed(reception(701, "C", "example.org"));
        assertEquals(List.of("B"), ids(), "A is ten minutes old and open: B no longer waits for it");
        feed(delivery(900, "A", "example.net"), delivery(901, "C", "example.org"));

        assertEquals(List.of("B", "C"), ids());
        assertEquals(List.of("0:A"), late);
        assertEquals(0, joiner.openMessages());
    }

    @Test
    void accept_stepOutsWatched_stragglerGivenWithItsAttemptsSoFarBeforeTheMessagesBehindIt() {
        final List<String> order = new ArrayList<>();
        final ReceptionOrderJoiner watched = new ReceptionOrderJoiner(m -> order.add(m.messageId()));
        watched.stragglersTo((sequence, message) -> order.add("late " + message.messageId()), 600_000_000L);
        watched.stepOutsTo(m -> order.add("out " + m.messageId() + " " + m.attempts().size() + " "
                + m.completeness()));

        for (String line : List.of(reception(100, "A", "example.net"), transientFailure(101, "A", "example.net", 0),
                reception(101, "B", "example.org"), delivery(102, "B", "example.org"),
                reception(701, "C", "example.org"), delivery(702, "C", "example.org"),
                delivery(900, "A", "example.net"))) {
            assertNull(watched.accept("", parser.parse(line)), line);
        }

        assertEquals(List.of("out A 1 NO_FINAL_OUTCOME", "B", "C", "late A"), order);
    }

    @Test
    void accept_domainWithSpaceControlOrQuote_setAsideAsBadDomain() {
        final List<RejectReason> verdicts = new ArrayList<>();
        for (String domain : List.of("gmail .com", "gmail.com\u001b[31m", "\"gmail.com\"", "a,b.example",
                "x\u00a0y.example", "a".repeat(64) + ".example", ("abc.").repeat(64) + "example", "a..b.example",
                ".lead.example", "-lead.example", "trail-.example", "end.trail-", "\ufffd\ufffd.example")) {
            verdicts.add(joiner.accept("", parser.parse(reception(100, "A" + verdicts.size(), domain))));
        }
        feed(reception(101, "B", "b\u00fccher.example"));
        final RejectReason badAttempt = joiner.accept("", parser.parse(delivery(102, "B", "b\u00fccher .example")));
        feed(delivery(103, "B", "b\u00fccher.example"));
        joiner.finish();

        assertEquals(Collections.nCopies(13, RejectReason.BAD_DOMAIN), verdicts);
        for (String domain : List.of("a".repeat(63) + ".example", "mid-dash.example", "fqdn.example.", "[192.0.2.1]",
                "xn--bcher-kva.example")) {
            assertFalse(ReceptionOrderJoiner.notADomain(domain), domain);
        }
        assertEquals(RejectReason.BAD_DOMAIN, badAttempt);
        assertEquals(List.of("B"), ids(), "an internationalised domain is a domain");
    }

    @Test
    void accept_emptyRecipientOrAttemptDomain_setAsideAsMissingDomain() {
        final RejectReason noRecipientDomain = joiner.accept("", parser.parse(reception(100, "A", "")));
        feed(reception(101, "B", "example.org"));
        final RejectReason noAttemptDomain = joiner.accept("", parser.parse(delivery(102, "B", "")));
        feed(delivery(103, "B", "example.org"));
        joiner.finish();

        assertEquals(RejectReason.MISSING_DOMAIN, noRecipientDomain);
        assertEquals(RejectReason.MISSING_DOMAIN, noAttemptDomain);
        assertEquals(List.of("B"), ids());
        assertEquals(1, emitted.get(0).attempts().size());
    }

    @Test
    void accept_attemptsInLogOrder_joinedWithRoutingDomain() {
        feed(reception(100, "A", "Example.NET"), transientFailure(101, "A", "relay.example.com", 0),
                delivery(1400, "A", "relay.example.com"));

        final MessageRecord record = emitted.get(0);
        assertEquals("example.net", record.recipientDomain());
        assertEquals("relay.example.com", record.routingDomain());
        assertEquals(List.of(Outcome.TRANSIENT, Outcome.DELIVERED),
                record.attempts().stream().map(Attempt::outcome).toList());
        assertEquals(Completeness.COMPLETE, record.completeness());
        assertEquals(1_717_430_100_000_000L, record.receptionMicros());
    }

    @Test
    void accept_equalReceptionTimes_keepLogOrder() {
        feed(reception(100, "B", "example.net"), reception(100, "A", "example.net"), delivery(105, "A", "example.net"),
                delivery(106, "B", "example.net"));

        assertEquals(List.of("B", "A"), ids());
    }

    @Test
    void accept_receptionLoggedOutOfTimeOrder_emittedByTime() {
        feed(reception(110, "late", "example.net"), reception(100, "early", "example.net"),
                delivery(111, "late", "example.net"), delivery(112, "early", "example.net"));

        assertEquals(List.of("early", "late"), ids());
    }

    @Test
    void accept_attemptWithoutReception_orphanCounted() {
        final RejectReason verdict = joiner.accept("", parser.parse(delivery(100, "ghost", "example.net")));

        assertEquals(RejectReason.ORPHAN_ATTEMPT, verdict);
        assertEquals(1, joiner.orphanAttempts());
        assertEquals(List.of(), emitted);
    }

    @Test
    void accept_attemptAfterFinalOutcome_orphan() {
        feed(reception(100, "A", "example.net"), delivery(101, "A", "example.net"));

        final RejectReason verdict = joiner.accept("", parser.parse(delivery(102, "A", "example.net")));

        assertEquals(RejectReason.ORPHAN_ATTEMPT, verdict);
        assertEquals(1, emitted.get(0).attempts().size());
    }

    @Test
    void accept_sameIdOnOtherNode_notJoined() {
        joiner.accept("mta1", parser.parse(reception(100, "A", "example.net")));

        final RejectReason verdict = joiner.accept("mta2", parser.parse(delivery(101, "A", "example.net")));

        assertEquals(RejectReason.ORPHAN_ATTEMPT, verdict);
    }

    @Test
    void accept_secondReceptionOfOpenMessage_duplicateReception() {
        feed(reception(100, "A", "example.net"));

        final RejectReason verdict = joiner.accept("", parser.parse(reception(101, "A", "example.net")));

        assertEquals(RejectReason.DUPLICATE_RECEPTION, verdict);
        assertEquals(1, joiner.duplicateReceptions());
    }

    @Test
    void finish_openMessages_flushedInReceptionOrderWithoutFinalOutcome() {
        feed(reception(100, "A", "example.net"), reception(101, "B", "example.net"),
                transientFailure(102, "A", "example.net", 0), delivery(103, "B", "example.net"));

        joiner.finish();

        assertEquals(List.of("A", "B"), ids());
        assertEquals(Completeness.NO_FINAL_OUTCOME, emitted.get(0).completeness());
        assertEquals(1, emitted.get(0).attempts().size());
        assertNull(emitted.get(0).finalAttempt());
        assertEquals(Completeness.COMPLETE, emitted.get(1).completeness());
        assertEquals(1, joiner.noFinalOutcome());
    }

    @Test
    void accept_messageOlderThanMaxAge_emittedWithoutFinalOutcome() {
        final List<MessageRecord> out = new ArrayList<>();
        final ReceptionOrderJoiner aging = new ReceptionOrderJoiner(out::add, 60_000_000L);

        aging.accept("", parser.parse(reception(100, "stuck", "example.net")));
        aging.accept("", parser.parse(reception(200, "next", "example.net")));

        assertEquals(1, out.size());
        assertEquals(Completeness.NO_FINAL_OUTCOME, out.get(0).completeness());
        assertEquals(1, aging.openMessages());
    }

    private void feed(String... lines) {
        for (String line : lines) {
            assertNull(joiner.accept("", parser.parse(line)), line);
        }
    }

    private List<String> ids() {
        return emitted.stream().map(MessageRecord::messageId).toList();
    }

    static String reception(long second, String id, String domain) {
        return (1_717_430_000L + second) + "@" + id + "@" + id + "@C0@R@user@" + domain
                + "@bounce@news.example.com@192.0.2.15@1000@esmtp@retail@retail-ip-01";
    }

    static String delivery(long second, String id, String domain) {
        return (1_717_430_000L + second) + "@" + id + "@" + id + "@C1@D@" + domain
                + "@1200@retail@retail-ip-01@0@1.00@203.0.113.25";
    }

    static String transientFailure(long second, String id, String domain, int retry) {
        return (1_717_430_000L + second) + "@" + id + "@" + id + "@C2@T@" + domain
                + "@0@retail@retail-ip-01@0@" + retry + "@1.00@@421 4.4.0 [internal] no MXs";
    }
}
