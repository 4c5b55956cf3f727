-- Small translation for the end-to-end test.
local shaping = kumo.shaping.load({ 'shaping.toml' })

kumo.on('get_queue_config', function(domain, tenant, campaign, routing_domain)
  return kumo.make_queue_config { egress_pool = 'pool', retry_interval = '20m', max_age = '1d' }
end)

kumo.on('get_egress_pool', function(name)
  return kumo.make_egress_pool { name = name, entries = { { name = 'pool-a' }, { name = 'pool-b' } } }
end)

kumo.on('get_egress_source', function(name)
  return kumo.make_egress_source { name = name }
end)

kumo.on('get_egress_path_config', function(domain, source, site)
  return kumo.make_egress_path(shaping:get_egress_path_config(domain, source, site))
end)
