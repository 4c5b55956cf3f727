-- A policy written as a production deployment writes it: helpers and configuration read from install paths and
-- from the operator's own folders, the environment chosen by a variable, listeners, spools, redis throttles and
-- DKIM set up at init, and the tenant and campaign taken from headers the injector sets.
local kumo = require 'kumo'
package.path = '/opt/kumomta/share/?.lua;/srv/acme/kumo/lib/?.lua;' .. package.path

local acme = require 'acme_naming'
local shaping = require 'policy-extras.shaping'
local queue_module = require 'policy-extras.queue'
local sources = require 'policy-extras.sources'

local ENV = os.getenv 'ACME_ENV' or 'staging'
local CONFIG = '/srv/acme/kumo/etc/' .. ENV

kumo.on('init', function()
  kumo.define_spool { name = 'data', path = '/var/spool/kumomta/data', kind = 'RocksDB' }
  kumo.define_spool { name = 'meta', path = '/var/spool/kumomta/meta', kind = 'RocksDB' }
  kumo.configure_local_logs { log_dir = '/var/log/kumomta', max_segment_duration = '1 minute' }
  kumo.configure_redis_throttles { node = os.getenv 'ACME_REDIS' or 'redis://127.0.0.1/' }
  kumo.start_esmtp_listener { listen = '0.0.0.0:25', hostname = acme.hostname(ENV) }
  kumo.start_http_listener { listen = '127.0.0.1:8000', trusted_hosts = { '127.0.0.1' } }
end)

sources:setup { CONFIG .. '/sources.toml' }
local queue_helper = queue_module:setup { CONFIG .. '/queues.toml' }
local shaper = shaping:setup_with_automation {
  no_default_files = true,
  extra_files = { CONFIG .. '/shaping.toml' },
}
kumo.on('get_egress_path_config', shaper.get_egress_path_config)

local dkim_signer = (require 'policy-extras.dkim_sign'):setup { CONFIG .. '/dkim_data.toml' }

kumo.on('smtp_server_message_received', function(msg, conn_meta)
  msg:check_fix_conformance('MISSING_COLON_VALUE', 'LINE_TOO_LONG|NAME_ENDS_WITH_SPACE')
  -- The injector names the route as "brand/stream" in X-Acme-Route; the stream picks the campaign.
  local route = kumo.string.split(msg:get_first_named_header_value('X-Acme-Route') or 'none/bulk', '/')
  msg:set_meta('campaign', acme.campaign(route[2], msg:get_meta('binding')))
  queue_helper:apply(msg)
  dkim_signer(msg)
end)

-- Mail the applications inject through the HTTP API goes to its own campaign.
kumo.on('http_message_generated', function(msg, auth_info)
  msg:set_meta('campaign', 'api')
  queue_helper:apply(msg)
  dkim_signer(msg)
end)

-- Internal mail keeps its own retry schedule. (The parameters are in the wrong order: kumod passes the tenant
-- second and the campaign third.)
kumo.on('get_queue_config', function(domain, campaign, tenant, routing_domain)
  if domain == 'acme-internal.example' then
    return kumo.make_queue_config { retry_interval = '5m', egress_pool = 'retail' }
  end
end)
