local kumo = require 'kumo'

kumo.log_info('os.execute', tostring(os.execute))
kumo.log_info('io', tostring(io))
kumo.log_info('luajava', tostring(luajava))
kumo.log_info('debug', tostring(debug))
kumo.log_info('getenv', tostring(os.getenv('HOME')))
kumo.log_info('dofile', tostring(pcall(dofile, '/etc/passwd')))
kumo.log_info('require', tostring(pcall(require, 'helper')))
