local kumo = require 'kumo'

-- Falls through: returns no values.
kumo.on('get_queue_config', function(domain)
  if domain == 'first.example' then
    return kumo.make_queue_config { retry_interval = '1m' }
  end
end)

-- Stops the chain for nil.example with an explicit nil.
kumo.on('get_queue_config', function(domain)
  if domain == 'nil.example' then
    return nil
  end
end)

kumo.on('get_queue_config', function(domain)
  return kumo.make_queue_config { retry_interval = '3m' }
end)
