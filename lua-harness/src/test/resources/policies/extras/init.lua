-- A policy built on the policy-extras helpers, as KumoMTA's example policy is, with no helper folder: cutover's
-- own modules answer the requires.
local shaping = require 'policy-extras.shaping'
local queue_module = require 'policy-extras.queue'
local sources = require 'policy-extras.sources'
local listener_domains = require 'policy-extras.listener_domains'

sources:setup { '/opt/kumomta/etc/policy/egress_sources.toml' }

local queue_helper = queue_module:setup { '/opt/kumomta/etc/policy/queues.toml' }

local shaper = shaping:setup_with_automation {
  no_default_files = true,
  extra_files = { '/opt/kumomta/etc/policy/shaping.toml' },
}
kumo.on('get_egress_path_config', shaper.get_egress_path_config)

kumo.on('get_listener_domain', listener_domains:setup { '/opt/kumomta/etc/policy/listener_domains.toml' })

kumo.on('init', function()
  kumo.start_esmtp_listener { listen = '0.0.0.0:25' }
end)

-- What the helper resolved, for the test to read back.
resolved = queue_helper:resolve_config('gmail.com', 'mytenant', 'mycampaign')

-- Helpers that do not change delivery load and do nothing.
local dkim_signer = (require 'policy-extras.dkim_sign'):setup { '/opt/kumomta/etc/policy/dkim_data.toml' }
local log_hooks = require 'policy-extras.log_hooks'
log_hooks:new_json { name = 'webhook', url = 'http://127.0.0.1:4242/log' }
kumo.on('smtp_server_message_received', function(msg)
  queue_helper:apply(msg)
  dkim_signer(msg)
end)
