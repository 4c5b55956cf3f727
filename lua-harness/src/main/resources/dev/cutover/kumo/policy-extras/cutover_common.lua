-- cutover's stand-in for the shared parts of KumoMTA's policy-extras helpers: reading a data file by its
-- extension, and telling a constructor's option keys from the names of nested tables.
local common = {}

-- Reads a TOML or JSON data file (by extension, as the shipped helpers do).
function common.load_data(file)
  if string.match(file, '%.toml$') then
    return kumo.toml_load(file)
  end
  return kumo.json_load(file)
end

-- Says whether key is an option of the constructor: the constructor accepts it alone (true), or rejects its
-- value's type (an error naming the key). Any other error means an unknown field: the key names a nested table.
function common.is_option(constructor, key, value, type_error_text, where)
  local ok, err = pcall(constructor, { [key] = value })
  if ok then
    return true
  end
  local text = tostring(err)
  if string.find(text, type_error_text, 1, true) and not string.find(text, 'unknown field', 1, true) then
    error(where .. ': ' .. key .. ': ' .. text, 0)
  end
  return false
end

-- The keys of t, sorted, so that results never depend on table order.
function common.sorted_keys(t)
  local keys = {}
  for k in pairs(t) do
    table.insert(keys, k)
  end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  return keys
end

-- A shallow copy of t with the entries of over written on top; each value keeps the file and section it came
-- from, for cutover explain.
function common.merged(t, over)
  return kumo.cutover.merged(t or {}, over or {})
end

-- A shallow copy of t less the keys that are true in drop, each value keeping where it came from.
function common.without(t, drop)
  return kumo.cutover.without(t or {}, drop)
end

return common
