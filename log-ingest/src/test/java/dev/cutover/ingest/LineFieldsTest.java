package dev.cutover.ingest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class LineFieldsTest {
    private final LineFields fields = new LineFields();

    @Test
    void index_trailingSeparator_endsInOneMoreEmptyField() {
        fields.index("1717430400@@@@M@");

        assertEquals(6, fields.count());
        assertEquals("M", fields.string(4));
        assertEquals("", fields.string(5));
        assertEquals("@M@", fields.rest(3));
    }

    @Test
    void pooled_sameValueOnLaterLine_sameInstance() {
        fields.index("a@retail-ip-03@192.0.2.15");
        final String binding = fields.pooled(1);
        final String ip = fields.pooled(2);
        fields.index("bb@retail-ip-03@192.0.2.15");

        assertEquals("retail-ip-03", binding);
        assertSame(binding, fields.pooled(1));
        assertSame(ip, fields.pooled(2));
    }

    @Test
    void pooled_valuesSharingLengthAndSampledCharacters_eachReturnedEqual() {
        final String[] values = {"ab-one-cdef", "ab-two-cdef", "ab-one-cdef", "ab-six-cdef"};
        for (String value : values) {
            fields.index("x@" + value);

            assertEquals(value, fields.pooled(1));
        }
    }

    @Test
    void pooledDomain_upperCaseDomain_loweredEveryTimeAndNotConfusedWithTheLowerCaseOne() {
        fields.index("x@Example.NET");
        final String first = fields.pooledDomain(1);
        fields.index("x@Example.NET");
        final String second = fields.pooledDomain(1);
        fields.index("x@example.net");
        final String lower = fields.pooledDomain(1);
        fields.index("x@example.net");

        assertEquals("example.net", first);
        assertEquals("example.net", second);
        assertNotSame(first, second);
        assertEquals("example.net", lower);
        assertSame(lower, fields.pooledDomain(1));
    }

    @Test
    void pooledRest_sameResponseTextWithSeparators_sameInstance() {
        fields.index("1@T@550 5.1.1 <carol@example.net>: User unknown");
        final String first = fields.pooledRest(2);
        fields.index("22@T@550 5.1.1 <carol@example.net>: User unknown");

        assertEquals("550 5.1.1 <carol@example.net>: User unknown", first);
        assertSame(first, fields.pooledRest(2));
    }

    @Test
    void pooled_bindingThenDomainOfSameText_domainTableKeptApart() {
        fields.index("x@Retail.Example");
        fields.pooled(1);

        assertEquals("retail.example", fields.pooledDomain(1));
    }
}
