local kumo = require 'kumo'

kumo.log_info('os.execute', select(2, pcall(os.execute, 'id')))
kumo.log_info('io', select(2, pcall(function() return io.open('/etc/passwd') end)))
kumo.log_info('luajava', tostring(luajava))
kumo.log_info('debug', tostring(debug))
kumo.log_info('getenv', tostring(os.getenv('HOME')))
kumo.log_info('dofile', tostring(pcall(dofile, '/etc/passwd')))
kumo.log_info('require', tostring(pcall(require, 'helper')))
