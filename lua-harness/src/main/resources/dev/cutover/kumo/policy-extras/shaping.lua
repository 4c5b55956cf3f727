-- cutover's own policy-extras.shaping: the interface of KumoMTA's helper of that name, written from its
-- documentation (docs.kumomta.com, userguide/configuration/trafficshaping). The merging of shaping files is
-- kumo.shaping.load's, in Java; this module builds the file list and hands get_egress_path_config the result.
-- The file list: KumoMTA's default shaping.toml (from the helper folder, as /opt/kumomta/share/policy-extras/
-- shaping.toml) unless no_default_files is true, then extra_files in order; a later file overrides an earlier
-- one. Traffic Shaping Automation (publish, subscribe): nothing is fetched or sent; publishing registers the log
-- hook kumod would, which tells the replay to model TSA acting on the rules of these files.
local shaping = {}
local configured = false

local DEFAULT_FILE = '/opt/kumomta/share/policy-extras/shaping.toml'

function shaping:setup_with_automation(options)
  if configured then
    error('policy-extras.shaping: setup_with_automation may be called only once', 2)
  end
  configured = true
  options = options or {}
  local files = {}
  if not options.no_default_files then
    table.insert(files, DEFAULT_FILE)
  end
  for _, file in ipairs(options.extra_files or {}) do
    table.insert(files, file)
  end

  local data = nil
  local function load_shaping_data()
    if data == nil then
      data = kumo.shaping.load(files, options.load_validation_options)
    end
    return data
  end

  local function get_egress_path_config(domain, egress_source, site_name)
    local params = load_shaping_data():get_egress_path_config(domain, egress_source, site_name)
    if params.refresh_strategy == nil then
      params.refresh_strategy = 'Epoch'
    end
    return kumo.make_egress_path(params)
  end

  kumo.on('validate_config', function()
    local loaded = load_shaping_data()
    for _, problem in ipairs(loaded:get_errors()) do
      kumo.log_error('policy-extras.shaping: ' .. problem)
      kumo.validation_failed()
    end
  end)

  -- Publishing to a TSA daemon: only the log hook registration is recorded.
  local function setup_publish()
    for _, url in ipairs(options.publish or {}) do
      kumo.configure_log_hook { name = url .. '.tsa.kumomta' }
    end
  end

  -- Loaded now rather than at the first delivery, so that a missing or broken file is reported with the policy.
  load_shaping_data()

  return {
    get_egress_path_config = get_egress_path_config,
    setup_publish = setup_publish,
    load_shaping_data = load_shaping_data,
  }
end

function shaping:setup(extra_files)
  return self:setup_with_automation({ extra_files = extra_files, publish = {}, subscribe = {} })
    .get_egress_path_config
end

return shaping
