package dev.cutover.kumo;

/**
 * A scheduled queue's name and its parts, written and read as kumod does ({@code QueueNameComponents} in
 * KumoCorp/kumomta {@code crates/message}; docs.kumomta.com reference/queues): {@code campaign:tenant@domain!routing}
 * with the parts that are not set left out, so {@code tenant@domain}, {@code campaign:@domain}, {@code domain} and
 * {@code domain!routing} are all names. Reading splits at the first {@code @}, then the part before it at the first
 * {@code :}, then the domain at the first {@code !}; {@code campaign:@domain} reads back with an empty tenant.
 *
 * @param campaign      campaign, or null
 * @param tenant        tenant, or null
 * @param domain        the recipient domain (or whatever a policy put in the {@code queue} meta)
 * @param routingDomain routing domain, or null
 */
public record QueueName(String campaign, String tenant, String domain, String routingDomain) {

    /** The queue whose messages kumod discards at reception. */
    public static final String NULL_QUEUE = "null";

    /** @return the name kumod gives a queue with these parts */
    public static String format(String campaign, String tenant, String domain, String routingDomain) {
        final String routing = routingDomain == null ? "" : "!" + routingDomain;
        if (campaign != null) {
            return campaign + ":" + (tenant == null ? "" : tenant) + "@" + domain + routing;
        }
        return (tenant == null ? "" : tenant + "@") + domain + routing;
    }

    /** @return the parts of {@code name} as kumod reads them */
    public static QueueName parse(String name) {
        final int at = name.indexOf('@');
        String campaign = null;
        String tenant = null;
        String domain = name;
        if (at >= 0) {
            final String prefix = name.substring(0, at);
            domain = name.substring(at + 1);
            final int colon = prefix.indexOf(':');
            if (colon >= 0) {
                campaign = prefix.substring(0, colon);
                tenant = prefix.substring(colon + 1);
            } else {
                tenant = prefix;
            }
        }
        final int bang = domain.indexOf('!');
        final String routing = bang < 0 ? null : domain.substring(bang + 1);
        return new QueueName(campaign, tenant, bang < 0 ? domain : domain.substring(0, bang), routing);
    }

    /** @return this queue's name */
    public String name() {
        return format(campaign, tenant, domain, routingDomain);
    }
}
