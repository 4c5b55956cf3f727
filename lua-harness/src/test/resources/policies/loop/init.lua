local kumo = require 'kumo'

kumo.on('get_egress_path_config', function(domain, source, site)
  local ok = pcall(function()
    while true do end
  end)
  return kumo.make_egress_path {}
end)
