package dev.cutover.kumo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SiteNamesTest {

    @Test
    void factor_gmailHosts_givesOptionalAlternation() {
        assertEquals("(alt1|alt2|alt3|alt4)?.gmail-smtp-in.l.google.com", SiteNames.factor(List.of(
                "gmail-smtp-in.l.google.com", "alt1.gmail-smtp-in.l.google.com", "alt2.gmail-smtp-in.l.google.com",
                "alt3.gmail-smtp-in.l.google.com", "alt4.gmail-smtp-in.l.google.com")));
    }

    @Test
    void factor_mixedCase_isLowerCased() {
        assertEquals("(mta5|mta6|mta7).am0.yahoodns.net", SiteNames.factor(List.of(
                "mta5.AM0.yahoodns.net", "mta6.am0.yAHOodns.net", "mta7.am0.yahoodns.net")));
    }

    @Test
    void factor_differentPorts_alternateOnLastLabel() {
        assertEquals("(mta5|mta6|mta7).am0.yahoodns.(net:123|net:456)", SiteNames.factor(List.of(
                "mta5.am0.yahoodns.net:123", "mta6.am0.yahoodns.net:456", "mta7.am0.yahoodns.net:123")));
    }

    @Test
    void factor_sameHostsOtherOrder_givesOtherSiteName() {
        final List<String> first = List.of("example-com.mail.protection.outlook.com.",
                "mx-biz.mail.am0.yahoodns.net.", "mx-biz.mail.am0.yahoodns.net.");
        final List<String> second = List.of("mx-biz.mail.am0.yahoodns.net.", "mx-biz.mail.am0.yahoodns.net.",
                "example-com.mail.protection.outlook.com.");

        assertEquals("(example-com|mx-biz).mail.(protection|am0).(outlook|yahoodns).(com|net)",
                SiteNames.factor(first));
        assertEquals("(mx-biz|example-com).mail.(am0|protection).(yahoodns|outlook).(net|com)",
                SiteNames.factor(second));
    }

    @Test
    void factor_singleHostWithTrailingDot_isThatHost() {
        assertEquals("smtp-in.orange.fr", SiteNames.factor(List.of("smtp-in.orange.fr.")));
    }

    @Test
    void factor_noHosts_isEmpty() {
        assertEquals("", SiteNames.factor(List.of()));
    }
}
