-- A policy that calls every function cutover's kumo stand-in supports, each once, so one test shows them all
-- working together: loading data files, the constructors, shaping, DNS data, the utilities, the recording stubs
-- and the message object of the reception hook.
local kumo = require 'kumo'

local data = kumo.json_load('data.json')
local settings = kumo.toml_load('settings.toml')
local parsed = kumo.json_parse(kumo.json_encode { a = 1 })
local pretty = kumo.json_encode_pretty { b = 2 }
local toml = kumo.toml_parse('x = "y"')
local serde = kumo.serde.json_parse('[1, 2, 3]')
local shaping = kumo.shaping.load({ 'shaping.toml' })
local mx = kumo.dns.lookup_mx('gmail.com')
local regex = kumo.regex.compile('^(?!.*internal).*RL0+10')
local escaped = kumo.regex.escape('a.b')
local literal = kumo.regex.compile('^' .. kumo.regex.escape('x#&-~[1]') .. '$')
local map = kumo.domain_map.new { ['*.example.com'] = 'wild', ['example.com'] = 'apex' }
local memo = kumo.memoize(function(x) return x * 2 end, { name = 'double', ttl = '1 minute', capacity = 10 })
local frames = kumo.traceback(1)
local signer = kumo.dkim.rsa_sha256_signer { key = 'example.key' }
local client = kumo.http.build_client {}

results = {
  json = parsed.a, pretty = pretty:find('"b": 2') ~= nil, toml = toml.x, serde = #serde, site = mx.site_name,
  regex = regex:is_match('RL00010 throttled') and not regex:is_match('internal RL00010'), escaped = escaped,
  literal = literal:is_match('x#&-~[1]') and not literal:is_match('x#&-~1'),
  wild = map['mail.example.com'], apex = map['example.com'], memo = memo(21), frame = frames[1].curr_line,
}

kumo.on('init', function()
  kumo.start_esmtp_listener { listen = '0.0.0.0:25', relay_hosts = { '127.0.0.1' } }
  kumo.start_http_listener { listen = '127.0.0.1:8000' }
  kumo.define_spool { name = 'data', path = '/var/spool/kumomta/data' }
  kumo.configure_local_logs { log_dir = '/var/log/kumomta' }
  kumo.configure_log_hook { name = 'hook' }
  kumo.configure_bounce_classifier { files = {} }
  kumo.configure_accounting_db_path('/var/spool/kumomta/accounting.db')
  kumo.set_diskio_threads(4)
  kumo.spawn_task { event_name = 'background', args = {} }
  kumo.log_info('init ran with ' .. #data.pools.bulk .. ' sources')
end)

kumo.on('pre_init', function()
  kumo.set_config_monitor_globs { '/opt/kumomta/etc/**/*.lua' }
end)

kumo.on('validate_config', function()
  if #shaping:get_errors() > 0 then kumo.validation_failed() end
end)

kumo.on('smtp_server_message_received', function(msg, conn_meta)
  msg:import_x_headers { 'x-campaign' }
  msg:set_meta('campaign', msg:get_meta('x_campaign'))
  msg:remove_all_named_headers('X-Campaign')
  msg:append_header('X-Relayed', 'yes')
  msg:dkim_sign(signer)
  if msg:sender().domain == 'blocked.example' then
    kumo.reject(550, 'sender blocked')
  end
  if conn_meta:get_meta('reception_protocol') ~= 'ESMTP' then
    error('unexpected protocol')
  end
  results.queue_seen = msg:queue_name()
  results.recipients = #msg:recipient_list()
end)

kumo.on('get_queue_config', function(domain, tenant, campaign, routing_domain)
  return kumo.make_queue_config {
    egress_pool = 'bulk',
    retry_interval = '15m',
    max_message_rate = data.rates[domain],
  }
end)

kumo.on('get_egress_pool', function(name)
  local entries = {}
  for i, source in ipairs(data.pools[name]) do
    entries[i] = { name = source, weight = i }
  end
  return kumo.make_egress_pool { name = name, entries = entries }
end)

kumo.on('get_egress_source', function(name)
  local source = settings.sources[name]
  return kumo.make_egress_source { name = name, source_address = source.address, ehlo_domain = source.ehlo }
end)

kumo.on('get_egress_path_config', function(domain, source, site)
  local params = shaping:get_egress_path_config(domain, source, site)
  results.invoked = true
  return kumo.make_egress_path(params)
end)

kumo.on('get_listener_domain', function(domain, listener, conn_meta)
  return kumo.make_listener_domain { relay_to = domain == 'example.com' }
end)
