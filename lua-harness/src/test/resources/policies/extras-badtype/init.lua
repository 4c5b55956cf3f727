local queue_module = require 'policy-extras.queue'
queue_module:setup { 'queues.toml' }
