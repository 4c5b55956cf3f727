package dev.cutover.sim.kumo;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The headers and meta a replayed message carries into smtp_server_message_received, built from the log. */
class KumoParametersTest {

    @Test
    void headers_templatesFilledFromTheLogInTheScenariosOrder() {
        final Map<String, String> templates = new LinkedHashMap<>();
        templates.put("X-Tenant", "acme-{binding_group}");
        templates.put("X-Campaign", "spring");
        templates.put("X-IP", "{binding}");
        templates.put("X-Route", "{binding_group}/{binding}");
        final KumoParameters parameters = KumoParameters.defaults().withHeaders(templates);

        final Map<String, String> headers = parameters.headers("retail", "retail-ip-01");

        assertEquals(List.of("X-Tenant", "X-Campaign", "X-IP", "X-Route"), List.copyOf(headers.keySet()));
        assertEquals(Map.of("X-Tenant", "acme-retail", "X-Campaign", "spring", "X-IP", "retail-ip-01", "X-Route",
                "retail/retail-ip-01"), headers);
    }

    @Test
    void headers_valueComingOutEmpty_isLeftOut() {
        final KumoParameters parameters = KumoParameters.defaults().withHeaders(Map.of("X-IP", "{binding}"));

        assertEquals(Map.of(), parameters.headers("retail", ""));
    }

    @Test
    void meta_theLogsBindingGroupAndBindingWhenKnown() {
        assertEquals(Map.of("binding_group", "retail", "binding", "retail-ip-01"),
                KumoParameters.meta("retail", "retail-ip-01"));
        assertEquals(Map.of("binding_group", "retail"), KumoParameters.meta("retail", ""));
    }
}
