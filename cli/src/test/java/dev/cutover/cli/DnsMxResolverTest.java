package dev.cutover.cli;

import org.junit.jupiter.api.Test;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** --resolve-mx when DNS does not answer: the domain is its own site and the failure is kept for the report. */
class DnsMxResolverTest {

    @Test
    void apply_serverThatNeverAnswers_emptyAndFailureKept() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            final DnsMxResolver resolver = new DnsMxResolver("dns://127.0.0.1:" + silent.getLocalPort(), 200);

            assertEquals(Optional.empty(), resolver.apply("example-corp.com"));
            assertEquals(Set.of("example-corp.com (CommunicationException)"), resolver.failed());
        }
    }
}
