local kumo = require 'kumo'

kumo.on('init', function()
  kumo.start_esmtp_listener { listen = '0.0.0.0:25' }
  kumo.frobnicate_spool { name = 'x' }
end)
