package dev.cutover.kumo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** DNS MX answers ordered as kumod orders them, and a fixture that asks a resolver for what it lacks. */
class MxRecordsTest {

    @Test
    void order_shuffledAnswer_byPreferenceThenNameLowerCaseWithoutDot() {
        final List<String> hosts = MxRecords.order(List.of("20 ALT2.gmail-smtp-in.l.google.com.",
                "5 gmail-smtp-in.l.google.com.", "10 mx-b.example.net.", "10 mx-a.example.net."));

        assertEquals(List.of("gmail-smtp-in.l.google.com", "mx-a.example.net", "mx-b.example.net",
                "alt2.gmail-smtp-in.l.google.com"), hosts);
    }

    @Test
    void order_nullMx_keepsTheDot() {
        assertEquals(List.of("."), MxRecords.order(List.of("0 .")));
    }

    @Test
    void order_malformedRecord_refused() {
        assertThrows(IllegalArgumentException.class, () -> MxRecords.order(List.of("mx.example.com")));
    }

    @Test
    void resolvingWith_domainsTheDataLacks_askedOnceEachAndUnknownWhenEmpty() {
        final AtomicInteger asked = new AtomicInteger();
        final MxFixture mx = MxFixture.builtIn().resolvingWith(domain -> {
            asked.incrementAndGet();
            return domain.equals("example-corp.com") ? Optional.of(List.of("mx1.example-corp.com",
                    "mx2.example-corp.com")) : Optional.empty();
        });

        assertEquals("(mx1|mx2).example-corp.com", mx.siteName("example-corp.com"));
        assertEquals("(mx1|mx2).example-corp.com", mx.siteName("Example-Corp.com"));
        assertEquals("nomx.example", mx.siteName("nomx.example"));
        assertEquals("(alt1|alt2|alt3|alt4)?.gmail-smtp-in.l.google.com", mx.siteName("gmail.com"));
        assertEquals(2, asked.get(), "gmail.com is in the built-in data; each other domain is asked once");
        assertEquals(java.util.Set.of("nomx.example"), mx.unknownDomains());
    }
}
