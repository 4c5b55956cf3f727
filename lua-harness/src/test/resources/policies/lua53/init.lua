local kumo = require 'kumo'

local function half(n)
  return n // 2
end

kumo.on('get_egress_path_config', function(domain, source, site)
  return kumo.make_egress_path { connection_limit = half(10) }
end)
