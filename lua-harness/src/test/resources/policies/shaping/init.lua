-- Loads KumoMTA's shipped shaping file from the helper folder, as policy-extras/shaping.lua does.
local kumo = require 'kumo'

local shaping = kumo.shaping.load({ 'kumomta-default-shaping.toml', 'custom-shaping.toml' },
  { aliased_site = 'Warn' })

kumo.on('get_egress_path_config', function(domain, source, site)
  local params = shaping:get_egress_path_config(domain, source, site)
  if not params.refresh_strategy then
    params.refresh_strategy = 'Epoch'
  end
  return kumo.make_egress_path(params)
end)
