-- KumoMTA policy for the marketing pool.
-- Translated from ecelerity.conf / bindings.conf (Binding_Group "retail").
-- The transactional pool stays on Momentum until phase 2 of the migration.

-- Per-destination limits live in shaping.toml next to this file.
local shaping = kumo.shaping.load({ 'shaping.toml' })

-- Same IPs and EHLO names as the Momentum bindings retail-ip-01..03.
local SOURCES = {
  ['retail-ip-01'] = { address = '192.0.2.11', ehlo = 'mta01.mkt.northwind-retail.example' },
  ['retail-ip-02'] = { address = '192.0.2.12', ehlo = 'mta02.mkt.northwind-retail.example' },
  ['retail-ip-03'] = { address = '192.0.2.13', ehlo = 'mta03.mkt.northwind-retail.example' },
}

-- Pools are named after the Momentum binding groups.
local POOLS = {
  retail = { 'retail-ip-01', 'retail-ip-02', 'retail-ip-03' },
}

kumo.on('init', function()
  kumo.define_spool {
    name = 'data',
    path = '/var/spool/kumomta/data',
  }
  kumo.define_spool {
    name = 'meta',
    path = '/var/spool/kumomta/meta',
  }

  kumo.configure_local_logs {
    log_dir = '/var/log/kumomta',
  }

  -- Injection tier and app servers relay through us, as with Momentum's Relay_Hosts.
  kumo.start_esmtp_listener {
    listen = '0.0.0.0:25',
    relay_hosts = { '127.0.0.1', '192.0.2.0/24' },
  }
end)

-- Retry_Interval 1200 / Max_Retry_Interval 43200 / Message_Expiration 259200.
-- The injector sets the tenant to the Momentum binding group name.
kumo.on('get_queue_config', function(domain, tenant, campaign, routing_domain)
  return kumo.make_queue_config {
    egress_pool = tenant or 'retail',
    retry_interval = '20m',
    max_retry_interval = '12h',
    max_age = '3d',
  }
end)

kumo.on('get_egress_pool', function(pool_name)
  local members = POOLS[pool_name]
  if not members then
    error('no egress pool named ' .. tostring(pool_name))
  end
  local entries = {}
  for _, source_name in ipairs(members) do
    table.insert(entries, { name = source_name })
  end
  return kumo.make_egress_pool {
    name = pool_name,
    entries = entries,
  }
end)

kumo.on('get_egress_source', function(source_name)
  local source = SOURCES[source_name]
  if not source then
    error('no egress source named ' .. tostring(source_name))
  end
  return kumo.make_egress_source {
    name = source_name,
    source_address = source.address,
    ehlo_domain = source.ehlo,
  }
end)

kumo.on('get_egress_path_config', function(domain, egress_source, site_name)
  return kumo.make_egress_path(shaping:get_egress_path_config(domain, egress_source, site_name))
end)
