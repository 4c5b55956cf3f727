local kumo = require 'kumo'

kumo.on('init', function()
  kumo.start_esmtp_listener { listen = '0.0.0.0:25' }
  kumo.define_spool { name = 'data', path = '/var/spool/kumomta/data' }
  kumo.configure_local_logs { log_dir = '/var/log/kumomta' }
  kumo.set_diskio_threads(8)
end)

kumo.on('get_queue_config', function(domain, tenant, campaign, routing_domain)
  if domain == 'slow.example' then
    return kumo.make_queue_config { retry_interval = '10m', max_retry_interval = '2h', max_age = '3 days',
      egress_pool = 'pool-a', max_message_rate = '10/5min' }
  end
  return kumo.make_queue_config { egress_pool = 'pool-a' }
end)

kumo.on('get_egress_pool', function(name)
  return kumo.make_egress_pool { name = name, entries = {
    { name = 'ip-1' }, { name = 'ip-2', weight = 3 }, { name = 'ip-off', weight = 0 } } }
end)

kumo.on('get_egress_source', function(name)
  if name == 'ip-1' then
    return kumo.make_egress_source { name = name, source_address = '10.0.0.1', ehlo_domain = 'mta1.example' }
  end
end)

kumo.on('get_egress_path_config', function(domain, source, site)
  return kumo.make_egress_path {
    connection_limit = '1_000',
    max_message_rate = '1,000/h,max_burst=50',
    additional_connection_limits = { shared = 'local:20' },
    idle_timeout = '1 minute',
  }
end)
