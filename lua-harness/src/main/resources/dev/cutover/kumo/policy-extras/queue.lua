-- cutover's own policy-extras.queue: the interface of KumoMTA's helper of that name, written from its
-- documentation (docs.kumomta.com, userguide/configuration/queuemanagement). A queue.toml (or JSON) file holds:
--   scheduling_header, tenant_header, remove_tenant_header, campaign_header, remove_campaign_header,
--   default_tenant                        at the top level
--   [tenant.'name']                       queue options, require_authz, overall_max_message_rate, campaigns
--   [queue.default] [queue.'domain'] [queue.'domain'.'tenant'] [queue.'domain'.'tenant'.'campaign']
--                                         queue options, routing_domain, overall_max_message_rate
-- A queue's config is built in this order, a later step overriding an earlier one: refresh_strategy = 'Epoch',
-- queue.default, queue.'domain' (looked up through kumo.domain_map, so wildcard keys work), tenant.'name',
-- queue.'domain'.'tenant', queue.'domain'.'tenant'.'campaign'. A key under a queue table that
-- kumo.make_queue_config does not know names a tenant (or, one level down, a campaign). When provider_name is
-- still unset, it is taken from the egress path config of the 'unspecified' source for the domain's site.
local common = require 'policy-extras.cutover_common'

local queue_module = {}
local configured = false

local TOP_LEVEL = {
  scheduling_header = true, tenant_header = true, remove_tenant_header = true, campaign_header = true,
  remove_campaign_header = true, default_tenant = true,
}
local NOT_OPTIONS = { routing_domain = true, overall_max_message_rate = true }
local TENANT_ONLY = { require_authz = true, overall_max_message_rate = true, campaigns = true }

-- Splits a queue table into its options and its nested tables (tenants, or campaigns one level down). A key
-- kumo.make_queue_config accepts is an option; one whose value it refuses by type is an error; any other key
-- holding a table names a tenant or campaign.
local function split(tbl, where)
  local nested, nested_keys = {}, {}
  for _, key in ipairs(common.sorted_keys(tbl or {})) do
    local value = tbl[key]
    if NOT_OPTIONS[key] or common.is_option(kumo.make_queue_config, key, value, 'invalid type', where) then
      -- an option: kept below with where it came from
    elseif type(value) == 'table' then
      nested[key] = value
      nested_keys[key] = true
    else
      error('policy-extras.queue: ' .. where .. ': "' .. key .. '" is no queue option', 0)
    end
  end
  return common.without(tbl, nested_keys), nested
end

local function load(files)
  local data = { top = {}, tenant = {}, queue = {} }
  for _, file in ipairs(files) do
    local one = common.load_data(file)
    for key, value in pairs(one) do
      if TOP_LEVEL[key] then
        data.top[key] = value
      elseif key == 'tenant' then
        for name, params in pairs(value) do
          data.tenant[name] = common.merged(data.tenant[name], params)
        end
      elseif key == 'queue' then
        for name, params in pairs(value) do
          data.queue[name] = common.merged(data.queue[name], params)
        end
      else
        error('policy-extras.queue: ' .. file .. ': unknown key "' .. key .. '"', 0)
      end
    end
  end
  local queues = {}
  for _, domain in ipairs(common.sorted_keys(data.queue)) do
    local options, tenants = split(data.queue[domain], 'queue.' .. domain)
    local entry = { options = options, tenants = {} }
    for _, tenant in ipairs(common.sorted_keys(tenants)) do
      local tenant_options, campaigns = split(tenants[tenant], 'queue.' .. domain .. '.' .. tenant)
      local campaign_options = {}
      for _, campaign in ipairs(common.sorted_keys(campaigns)) do
        local where = 'queue.' .. domain .. '.' .. tenant .. '.' .. campaign
        campaign_options[campaign] = split(campaigns[campaign], where)
      end
      entry.tenants[tenant] = { options = tenant_options, campaigns = campaign_options }
    end
    queues[domain] = entry
  end
  local tenants = {}
  for _, name in ipairs(common.sorted_keys(data.tenant)) do
    for key, value in pairs(data.tenant[name]) do
      if not TENANT_ONLY[key] then
        common.is_option(kumo.make_queue_config, key, value, 'invalid type', 'tenant.' .. name)
      end
    end
    tenants[name] = { options = common.without(data.tenant[name], TENANT_ONLY), params = data.tenant[name] }
  end
  return { top = data.top, tenants = tenants, default = queues.default, by_domain = kumo.domain_map.new(queues),
    where = table.concat(files, ', ') }
end

local Helper = {}
Helper.__index = Helper

-- The merged queue options for (domain, tenant, campaign), routing_domain and overall_max_message_rate included.
function Helper:resolve_config(domain, tenant, campaign)
  local data = self.data
  local params = common.merged({ refresh_strategy = 'Epoch' }, {})
  if data.default then
    params = common.merged(params, data.default.options)
  end
  local by_domain = domain and data.by_domain[domain]
  if by_domain and by_domain ~= data.default then
    params = common.merged(params, by_domain.options)
  end
  if tenant and data.tenants[tenant] then
    params = common.merged(params, data.tenants[tenant].options)
  end
  local per_tenant = by_domain and tenant and by_domain.tenants[tenant]
  if per_tenant then
    params = common.merged(params, per_tenant.options)
    if campaign and per_tenant.campaigns[campaign] then
      params = common.merged(params, per_tenant.campaigns[campaign])
    end
  end
  if params.provider_name == nil then
    local mx = kumo.dns.lookup_mx(params.routing_domain or domain)
    local path = kumo.invoke_get_egress_path_config(params.routing_domain or domain, 'unspecified', mx.site_name)
    params.provider_name = path and path.provider_name or nil
  end
  return params
end

-- Sets the message's tenant, campaign and routing domain as the helper does at reception.
function Helper:apply(msg)
  local top = self.data.top
  if top.scheduling_header then
    msg:import_scheduling_header(top.scheduling_header, true)
  end
  local tenant = top.tenant_header and msg:get_first_named_header_value(top.tenant_header) or nil
  if top.tenant_header and top.remove_tenant_header then
    msg:remove_all_named_headers(top.tenant_header)
  end
  tenant = tenant or top.default_tenant
  if tenant then
    if self.data.tenants[tenant] == nil and next(self.data.tenants) ~= nil then
      kumo.cutover.lint(self.data.where .. ": tenant '" .. tenant .. "' of the traffic has no [tenant.'" .. tenant
        .. "'], so kumod refuses its messages (500 unknown tenant)")
      kumo.reject(500, 'unknown tenant ' .. tenant)
    end
    msg:set_meta('tenant', tenant)
  end
  local campaign = top.campaign_header and msg:get_first_named_header_value(top.campaign_header) or nil
  if top.campaign_header and top.remove_campaign_header then
    msg:remove_all_named_headers(top.campaign_header)
  end
  if campaign then
    msg:set_meta('campaign', campaign)
  end
  local params = self:resolve_config(msg:recipient().domain, tenant, campaign)
  if params.routing_domain then
    msg:set_meta('routing_domain', params.routing_domain)
  end
end

-- setup_with_options{file_names, skip_queue_config_hook = false}: loads the files and, unless told not to,
-- answers get_queue_config from them.
function queue_module:setup_with_options(options)
  if configured then
    error('policy-extras.queue: setup may be called only once', 2)
  end
  configured = true
  local helper = setmetatable({ data = load(options.file_names or {}) }, Helper)
  for _, name in ipairs(common.sorted_keys(helper.data.tenants)) do
    if helper.data.tenants[name].params.overall_max_message_rate then
      kumo.log_warn('policy-extras.queue: overall_max_message_rate of tenant ' .. name
        .. ' is applied through kumo.make_throttle, which cutover does not model')
    end
  end
  if not options.skip_queue_config_hook then
    kumo.on('get_queue_config', function(domain, tenant, campaign, routing_domain)
      local params = helper:resolve_config(domain, tenant, campaign)
      return kumo.make_queue_config(common.without(params, NOT_OPTIONS))
    end)
  end
  return helper
end

function queue_module:setup(files)
  return self:setup_with_options { file_names = files }
end

return queue_module
