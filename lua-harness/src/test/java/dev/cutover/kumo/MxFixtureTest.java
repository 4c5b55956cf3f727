package dev.cutover.kumo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MxFixtureTest {

    @Test
    void builtIn_gmail_hasGoogleSite() {
        assertEquals("(alt1|alt2|alt3|alt4)?.gmail-smtp-in.l.google.com", MxFixture.builtIn().siteName("gmail.com"));
    }

    @Test
    void builtIn_appleDomains_shareOneSite() {
        final MxFixture mx = MxFixture.builtIn();

        assertEquals("(mx01|mx02).mail.icloud.com", mx.siteName("me.com"));
        assertEquals(mx.siteName("icloud.com"), mx.siteName("mac.com"));
    }

    @Test
    void siteName_nullMx_ownSiteAndNoted() {
        final MxFixture mx = MxFixture.parse("\"web.de\" = [\".\"]\n\"gmx.de\" = [\".\"]\n", "mx.toml");

        assertEquals("web.de (null MX)", mx.siteName("web.de"));
        assertEquals("gmx.de (null MX)", mx.siteName("gmx.de"));
        assertEquals(Set.of("gmx.de", "web.de"), mx.nullMxDomains());
    }

    @Test
    void parse_emptyHostListOrDomainRepeatedInOtherCase_refusedNamingLine() {
        final PolicyException empty = assertThrows(PolicyException.class,
                () -> MxFixture.parse("\"a.example\" = [\"mx.a.example\"]\n\"gmx.de\" = []\n", "mx.toml"));
        final PolicyException repeated = assertThrows(PolicyException.class,
                () -> MxFixture.parse("\"gmx.de\" = [\"a\"]\n\"GMX.de\" = [\"b\"]\n", "mx.toml"));

        assertEquals("mx.toml:2: \"gmx.de\" lists no MX host; write [\".\"] for a null MX (a domain that accepts "
                + "no mail), or leave the domain out for an implicit MX", empty.getMessage());
        assertEquals("mx.toml:2: \"GMX.de\" repeats \"gmx.de\": domain names are not case-sensitive",
                repeated.getMessage());
    }

    @Test
    void unknownDomains_inNameOrderWhateverTheOrderOfLookups() {
        final MxFixture mx = MxFixture.empty();
        for (String domain : List.of("zeta.example", "alpha.example", "mid.example", "beta.example")) {
            mx.siteName(domain);
        }

        assertEquals(List.of("alpha.example", "beta.example", "mid.example", "zeta.example"),
                List.copyOf(mx.unknownDomains()));
    }

    @Test
    void overriddenBy_scenarioEntry_replacesBuiltInPerDomain() {
        final MxFixture scenario = MxFixture.parse("\"gmail.com\" = [\"mx.corp.example\"]\n", "mx.toml");
        final MxFixture mx = MxFixture.builtIn().overriddenBy(scenario);

        assertEquals("mx.corp.example", mx.siteName("gmail.com"));
        assertEquals("mta5.am0.yahoodns.net", mx.hosts("yahoo.com").orElseThrow().get(0));
    }

    @Test
    void siteName_domainWithoutEntry_isDomainAndCounted() {
        final MxFixture mx = MxFixture.builtIn();

        assertEquals("vanity.example", mx.siteName("Vanity.Example"));
        assertEquals(List.of("vanity.example"), mx.hostsOrImplicit("vanity.example"));
        assertEquals(Set.of("vanity.example"), mx.unknownDomains());
    }

    @Test
    void parse_nonArrayValue_namesFileAndLine() {
        final PolicyException e = assertThrows(PolicyException.class, () -> MxFixture.parse(
                "\"a.example\" = [\"mx.a.example\"]\n\"b.example\" = \"mx.b.example\"\n", "mx.toml"));

        assertEquals("mx.toml:2: \"b.example\" must be an array of MX host names", e.getMessage());
    }

    @Test
    void parse_syntaxError_namesFileAndLine() {
        final PolicyException e = assertThrows(PolicyException.class, () -> MxFixture.parse(
                "\"a.example\" = [\"mx.a.example\"]\n\"b.example\" = [\n", "mx.toml"));

        assertEquals("mx.toml", e.file());
        assertEquals(3, e.line());
    }
}
