-- cutover's own policy-extras.dkim_sign: the interface of KumoMTA's helper of that name, written from its
-- documentation (docs.kumomta.com, userguide/configuration/dkim). Signing does not change how mail is queued or
-- sent, so setup reads no key and returns a signer that leaves the message as it is.
local dkim_sign = {}

-- Returns the function a policy calls from smtp_server_message_received to sign a message.
function dkim_sign:setup(files)
  return function(msg)
  end
end

return dkim_sign
