package dev.cutover.ingest.custom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomLogFormatTest {
    private static final String REQUIRED = "%t,%i,%R,%T,";

    @Test
    void parse_deliveryFormat_givesFieldsAndCommaDelimiter() {
        final CustomLogFormat format = CustomLogFormat.parse("%t,%i,%BI,%CI,%g,%b,%r,%R,%d,%H,%N,%T{3},%n");

        assertEquals(13, format.fields().size());
        assertEquals(new CustomLogField(CustomLogSpecifier.QUEUE_TIME, "3"), format.fields().get(11));
        assertEquals(CustomLogSpecifier.BATCH_ID, format.fields().get(2).specifier());
        assertEquals(',', format.delimiter());
        assertEquals(12, format.indexOf(CustomLogSpecifier.RESPONSE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%t|TIME|", "%us{3}|SUBSECOND|3", "%i|MESSAGE_ID|", "%BI|BATCH_ID|", "%CI|CONNECTION_ID|",
        "%b|BINDING|", "%g|BINDING_GROUP|", "%r|RECIPIENT_LOCALPART|", "%R|RECIPIENT_DOMAIN|",
        "%m|SENDER_LOCALPART|", "%M|SENDER_DOMAIN|", "%d|ROUTING_DOMAIN|", "%H|REMOTE_IP|", "%N|RETRY_COUNT|",
        "%T{4}|QUEUE_TIME|4", "%s|STAGE_TEXT|", "%S|STAGE|", "%c|BOUNCE_CLASS_NAME|", "%C|BOUNCE_CLASS|",
        "%n|RESPONSE|", "%B|SIZE|", "%p|PROTOCOL|", "%P|PATHWAY|", "%PG|PATHWAY_GROUP|", "%A|AUTH_MECHANISM|",
        "%U|AUTH_USER|", "%h{Subject}|HEADER|Subject", "%vctx_mess{campaign}|MESSAGE_CONTEXT|campaign",
        "%vctx_conn{tls}|CONNECTION_CONTEXT|tls"})
    void parse_eachSpecifier_isRecognisedAfterTheRequiredOnes(String token, String specifier, String argument) {
        final CustomLogFormat format = CustomLogFormat.parse(REQUIRED + token);

        final CustomLogField last = format.fields().get(format.fields().size() - 1);
        assertEquals(CustomLogSpecifier.valueOf(specifier), last.specifier());
        assertEquals(argument == null ? "" : argument, last.argument());
    }

    @Test
    void parse_mixedSeparators_keepsEachLiteral() {
        final CustomLogFormat format = CustomLogFormat.parse("[%t] %i: %R|%T %n");

        assertEquals(List.of("[", "] ", ": ", "|", " ", ""), format.literals());
        assertEquals(0, format.delimiter());
    }

    @Test
    void parse_tabDelimiter_isSingleCharacter() {
        assertEquals('\t', CustomLogFormat.parse("%t\t%i\t%d\t%T").delimiter());
    }

    @Test
    void parse_routingDomainInsteadOfRecipientDomain_isAccepted() {
        assertEquals(2, CustomLogFormat.parse("%t;%i;%d;%T").indexOf(CustomLogSpecifier.ROUTING_DOMAIN));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%i,%R,%T|lacks %t", "%t,%R,%T|lacks %i", "%t,%i,%R|lacks %T", "%t,%i,%T|lacks %R or %d"})
    void parse_missingRequiredSpecifier_namesIt(String format, String message) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CustomLogFormat.parse(format));

        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void parse_unknownSpecifier_namesItAndItsPosition() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CustomLogFormat.parse("%t,%i,%R,%T,%z"));

        assertTrue(e.getMessage().contains("unknown specifier %z at position 13"), e.getMessage());
    }

    @Test
    void parse_strftimeStamp_isRefusedWithAdvice() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CustomLogFormat.parse("%t{%Y-%m-%d},%i,%R,%T"));

        assertTrue(e.getMessage().contains("log %t (epoch seconds) instead"), e.getMessage());
    }

    @Test
    void parse_adjacentSpecifiers_areRefused() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CustomLogFormat.parse("%t,%i%R,%T"));

        assertTrue(e.getMessage().contains("%i and %R have no delimiter"), e.getMessage());
    }

    @Test
    void parse_headerWithoutArgument_isRefused() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CustomLogFormat.parse("%t,%i,%R,%T,%h"));

        assertTrue(e.getMessage().contains("%h at position 13 needs an argument"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void parse_unclosedOrEmptyBrace_isRefusedWithPosition() {
        for (String format : new String[] {"%t,%i,%R,%T{", "%t,%i,%R,%T{}"}) {
            final IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> CustomLogFormat.parse(format));

            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("%T at position 10 opens a brace"),
                    e.getMessage());
        }
    }
}
