package dev.cutover.kumo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IpLiteralsTest {

    @Test
    void isIpAddress_literalsRustAccepts_true() {
        for (String text : new String[] {"192.0.2.11", "0.0.0.0", "255.255.255.255", "2001:db8::1", "::",
                "::1", "fe80::", "2001:db8:0:0:0:0:0:1", "::ffff:192.0.2.1", "1:2:3:4:5:6:1.2.3.4"}) {
            assertTrue(IpLiterals.isIpAddress(text), text);
        }
    }

    @Test
    void isIpAddress_namesAndMalformedText_false() {
        for (String text : new String[] {"999.1.1.1", "not-an-ip", "mta1.example.com", "192.0.2", "192.0.2.011",
                "1::2::3", "2001:db8:0:0:0:0:0:0:1", "12345::", "", "192.0.2.1 ", ":1", "1:2:3:4:5:6:7"}) {
            assertFalse(IpLiterals.isIpAddress(text), text);
        }
    }
}
