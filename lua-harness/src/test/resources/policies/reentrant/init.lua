local kumo = require 'kumo'

kumo.on('get_egress_path_config', function(domain, source, site)
  kumo.on('get_queue_config', function() end)
  return kumo.make_egress_path {}
end)
