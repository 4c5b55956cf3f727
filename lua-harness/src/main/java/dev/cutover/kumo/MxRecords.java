package dev.cutover.kumo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Orders a DNS answer's MX records into the host list kumod builds from it ({@code lookup_mx_record} in
 * KumoCorp/kumomta {@code crates/dns-resolver/src/lib.rs}): hosts grouped by preference, lowest first, each
 * group sorted by name, names in lower case without the trailing dot. The order matters: it is the order the
 * site name is factored in.
 */
public final class MxRecords {

    private MxRecords() {
    }

    /**
     * @param records MX record data as DNS presents it, {@code "<preference> <exchange>"}
     * @return the hosts in kumod's order
     * @throws IllegalArgumentException for a record that is not a preference and a host
     */
    public static List<String> order(List<String> records) {
        final Map<Integer, List<String>> byPreference = new TreeMap<>();
        for (String record : records) {
            final String[] parts = record.trim().split("\\s+");
            if (parts.length != 2 || !parts[0].matches("\\d{1,5}")) {
                throw new IllegalArgumentException("not an MX record (preference and host): " + record);
            }
            String host = parts[1].toLowerCase(Locale.ROOT);
            if (host.length() > 1 && host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            byPreference.computeIfAbsent(Integer.parseInt(parts[0]), p -> new ArrayList<>()).add(host);
        }
        final List<String> hosts = new ArrayList<>();
        byPreference.values().forEach(group -> {
            group.sort(null);
            hosts.addAll(group);
        });
        return List.copyOf(hosts);
    }
}
