package dev.cutover.sim.momentum.conf;

import dev.cutover.kumo.EditDistance;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MisspellingsTest {

    @Test
    void of_namesOneOrTwoLettersOffAnOptionTheModelReads_listedWithWhereTheyAre() {
        final EcelerityConf conf = Fixtures.confOf("Frobnicate_Widgets = 7\nLog_Level = 3\n"
                + "Domain \"gmail.com\" {\n  Max_Outbound_Conections = 1\n  Max_Outbound_Connections = 20\n}\n"
                + "adaptive {\n  bounce_sweep_intervals = 60\n  frob = 1\n}\n");

        assertEquals(List.of("Max_Outbound_Conections at ecelerity.conf:4 is no option the model reads, and looks "
                + "like a misspelling of max_outbound_connections, which then comes from the fallback chain",
                "bounce_sweep_intervals at ecelerity.conf:8 is no option the model reads, and looks like a misspelling "
                + "of bounce_sweep_interval, which then comes from the fallback chain"), Misspellings.of(conf));
    }

    @Test
    void distance_countsEditsOfOneLetter() {
        assertEquals(0, EditDistance.between("idle_timeout", "idle_timeout"));
        assertEquals(1, EditDistance.between("retry_interval", "retry_intervall"));
        assertEquals(2, EditDistance.between("max_retries", "max_retires"));
        assertEquals(3, EditDistance.between("max_inbound_connections", "max_outbound_connections"));
    }
}
