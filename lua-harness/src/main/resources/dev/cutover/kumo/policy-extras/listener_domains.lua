-- cutover's own policy-extras.listener_domains: the interface of KumoMTA's helper of that name, written from its
-- documentation. The files hold ["domain"] tables (for every listener) and [listener."ip:port"."domain"] tables,
-- each with kumo.make_listener_domain options. A domain is looked up for the exact listener first, then for every
-- listener, then as "*"; keys may be wildcards as kumo.domain_map allows. Reception is not modelled by cutover,
-- so this only lets a policy that uses the helper load and answer as it would.
local common = require 'policy-extras.cutover_common'

local listener_domains = {}

local function load(files)
  local by_listener = {}
  for _, file in ipairs(files) do
    local data = common.load_data(file)
    for key, value in pairs(data) do
      if key == 'listener' then
        for listener, domains in pairs(value) do
          by_listener[listener] = by_listener[listener] or {}
          for domain, params in pairs(domains) do
            by_listener[listener][domain] = params
          end
        end
      else
        by_listener['*'] = by_listener['*'] or {}
        by_listener['*'][key] = value
      end
    end
  end
  local maps = {}
  for listener, domains in pairs(by_listener) do
    maps[listener] = kumo.domain_map.new(domains)
  end
  return maps
end

-- Returns a get_listener_domain handler answering from the files.
function listener_domains:setup(files)
  local maps = load(files)
  return function(domain, listener)
    local exact = maps[listener]
    local any = maps['*']
    local params = (exact and exact[domain]) or (any and any[domain]) or (any and any['*'])
    if params == nil then
      return nil
    end
    return kumo.make_listener_domain(params)
  end
end

return listener_domains
