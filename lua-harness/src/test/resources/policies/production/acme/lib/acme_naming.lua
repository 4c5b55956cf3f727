-- The operator's own helper module, kept beside their configuration.
local M = {}

function M.hostname(env)
  return env == 'production' and 'mta.acme.example' or 'mta.' .. env .. '.acme.example'
end

-- Campaign names: the stream, and for bulk mail the IP it went out of, so each gets its own queue.
function M.campaign(stream, binding)
  if stream == 'bulk' and binding then
    return 'bulk-' .. binding
  end
  return stream
end

return M
