package dev.cutover.cli.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonWriterTest {

    @Test
    void write_nestedValues_isIndentedAndStable() {
        final String json = new JsonWriter().beginObject()
                .field("schema", 1)
                .field("name", "a \"quoted\"\tname")
                .field("missing", (Double) null)
                .name("list").beginArray().value(1.5).value(2.0).endArray()
                .name("empty").beginArray().endArray()
                .name("inner").beginObject().field("ok", true).endObject()
                .endObject().toString();

        assertEquals("{\n"
                + "  \"schema\": 1,\n"
                + "  \"name\": \"a \\\"quoted\\\"\\tname\",\n"
                + "  \"missing\": null,\n"
                + "  \"list\": [\n"
                + "    1.5,\n"
                + "    2\n"
                + "  ],\n"
                + "  \"empty\": [],\n"
                + "  \"inner\": {\n"
                + "    \"ok\": true\n"
                + "  }\n"
                + "}\n", json);
    }

    @Test
    void number_roundsToThreeDecimalsWithoutExponent() {
        assertEquals("0.333", JsonWriter.number(1.0 / 3));
        assertEquals("1200", JsonWriter.number(1200.0));
        assertEquals("10000000", JsonWriter.number(1e7));
        assertEquals("null", JsonWriter.number(Double.NaN));
    }
}
