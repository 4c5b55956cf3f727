local kumo = require 'kumo'

kumo.on('get_egress_path_config', function(domain, source, site)
  return kumo.make_egress_path {}
end)

kumo.on('get_egress_path_config', function(domain, source, site)
  return kumo.make_egress_path {}
end)
