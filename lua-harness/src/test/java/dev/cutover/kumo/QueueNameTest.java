package dev.cutover.kumo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Queue names written and read as kumod's QueueNameComponents does, with the cases of its own tests. */
class QueueNameTest {

    @Test
    void parse_eachShapeOfName_givesKumodsParts() {
        assertEquals(new QueueName(null, null, "foo.com", null), QueueName.parse("foo.com"));
        assertEquals(new QueueName(null, "tenant", "foo.com", null), QueueName.parse("tenant@foo.com"));
        assertEquals(new QueueName("campaign", "", "foo.com", null), QueueName.parse("campaign:@foo.com"));
        assertEquals(new QueueName("campaign", "tenant", "foo.com", null), QueueName.parse("campaign:tenant@foo.com"));
        assertEquals(new QueueName("campaign", "tenant", "foo.com", "routing.com"),
                QueueName.parse("campaign:tenant@foo.com!routing.com"));
        assertEquals(new QueueName(null, null, "foo.com", "routing.com"), QueueName.parse("foo.com!routing.com"));
    }

    @Test
    void format_partsLeftOut_whenNotSet() {
        assertEquals("foo.com", QueueName.format(null, null, "foo.com", null));
        assertEquals("t@foo.com", QueueName.format(null, "t", "foo.com", null));
        assertEquals("c:@foo.com", QueueName.format("c", null, "foo.com", null));
        assertEquals("c:t@foo.com!r.com", QueueName.format("c", "t", "foo.com", "r.com"));
        assertEquals("foo.com!r.com", QueueName.format(null, null, "foo.com", "r.com"));
    }
}
