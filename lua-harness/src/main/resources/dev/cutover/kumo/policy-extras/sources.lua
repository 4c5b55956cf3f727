-- cutover's own policy-extras.sources: the interface of KumoMTA's helper of that name, written from its
-- documentation (docs.kumomta.com, userguide/configuration/sendingips). Egress sources and pools come from
-- TOML or JSON files:
--   [source."name"]          any kumo.make_egress_source option
--   [pool."P"."sourcename"]  weight = N (default 1); an empty pool is allowed
-- A later file overrides an earlier one, source by source and pool member by pool member. Pool members are
-- listed by name, so that every run builds the same pool.
local common = require 'policy-extras.cutover_common'

local sources = {}
local configured = false

local function load(files)
  local data = { source = {}, pool = {} }
  for _, file in ipairs(files) do
    local one = common.load_data(file)
    for name, params in pairs(one.source or {}) do
      data.source[name] = common.merged(data.source[name], params)
    end
    for pool, members in pairs(one.pool or {}) do
      data.pool[pool] = common.merged(data.pool[pool], members)
    end
  end
  for _, name in ipairs(common.sorted_keys(data.source)) do
    local ok, err = pcall(kumo.make_egress_source, common.merged(data.source[name], { name = name }))
    if not ok then
      error('policy-extras.sources: source "' .. name .. '": ' .. tostring(err), 0)
    end
  end
  local where = table.concat(files, ', ')
  local pooled = {}
  for _, members in pairs(data.pool) do
    for member in pairs(members) do
      pooled[member] = true
    end
  end
  for _, name in ipairs(common.sorted_keys(data.source)) do
    if not pooled[name] then
      kumo.cutover.lint(where .. ': [source."' .. name .. '"] is in no pool, so no queue sends from it')
    end
  end
  for _, pool in ipairs(common.sorted_keys(data.pool)) do
    if next(data.pool[pool]) == nil then
      kumo.cutover.lint(where .. ': [pool."' .. pool .. '"] has no sources, so kumod can send nothing of a queue '
        .. 'that uses it')
    end
    local entries = {}
    for _, member in ipairs(common.sorted_keys(data.pool[pool])) do
      if data.source[member] == nil then
        error('policy-extras.sources: pool "' .. pool .. '" names source "' .. member
          .. '", which no [source] table defines', 0)
      end
      table.insert(entries, { name = member, weight = data.pool[pool][member].weight or 1 })
    end
    local ok, err = pcall(kumo.make_egress_pool, { name = pool, entries = entries })
    if not ok then
      error('policy-extras.sources: ' .. where .. ': [pool."' .. pool .. '"]: ' .. tostring(err), 0)
    end
  end
  return data
end

-- Registers get_egress_source and get_egress_pool handlers answering from the files.
function sources:setup(files)
  if configured then
    error('policy-extras.sources: setup may be called only once', 2)
  end
  configured = true
  local data = load(files)

  kumo.on('get_egress_source', function(name)
    local params = data.source[name]
    if params == nil then
      error('policy-extras.sources: no source named "' .. tostring(name) .. '"', 0)
    end
    return kumo.make_egress_source(common.merged(params, { name = name }))
  end)

  kumo.on('get_egress_pool', function(name)
    local members = data.pool[name]
    if members == nil then
      error('policy-extras.sources: no pool named "' .. tostring(name) .. '"', 0)
    end
    local entries = {}
    for _, member in ipairs(common.sorted_keys(members)) do
      table.insert(entries, { name = member, weight = members[member].weight or 1 })
    end
    return kumo.make_egress_pool { name = name, entries = entries }
  end)
end

return sources
