-- The shaping helper with KumoMTA's default shaping file, which only an installation's helper folder holds.
local shaping = require 'policy-extras.shaping'
kumo.on('get_egress_path_config', shaping:setup { '/opt/kumomta/etc/policy/shaping.toml' })
