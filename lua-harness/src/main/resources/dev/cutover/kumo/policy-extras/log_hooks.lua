-- cutover's own policy-extras.log_hooks: the interface of KumoMTA's helper of that name, written from its
-- documentation (docs.kumomta.com, userguide/operation/webhooks). A log hook delivers log records elsewhere and
-- does not change how mail is queued or sent: the hook is registered with kumo.configure_log_hook, which records
-- its arguments, and nothing is ever sent.
local log_hooks = {}

-- new{name, constructor, ...}: a hook whose records a custom constructor delivers.
function log_hooks:new(options)
  kumo.configure_log_hook { name = options.name, per_record = options.per_record, headers = options.headers }
end

-- new_json{name, url, log_parameters, ...}: a hook that posts each record as JSON to url.
function log_hooks:new_json(options)
  kumo.configure_log_hook { name = options.name, per_record = options.per_record, headers = options.headers }
end

return log_hooks
