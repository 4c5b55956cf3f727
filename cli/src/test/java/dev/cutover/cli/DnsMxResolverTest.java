package dev.cutover.cli;

import org.junit.jupiter.api.Test;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.List;
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

    @Test
    void failed_severalDomains_inNameOrderEveryTime() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            final DnsMxResolver resolver = new DnsMxResolver("dns://127.0.0.1:" + silent.getLocalPort(), 50);
            for (String domain : List.of("web.de", "aol.com", "gmx.de", "orange.fr")) {
                resolver.apply(domain);
            }

            assertEquals(List.of("aol.com (CommunicationException)", "gmx.de (CommunicationException)",
                    "orange.fr (CommunicationException)", "web.de (CommunicationException)"),
                    List.copyOf(resolver.failed()), "the report's note lists them the same way in every run");
        }
    }
}
