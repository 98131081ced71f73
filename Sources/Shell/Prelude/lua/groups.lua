-- =empsh/groups: list:group_by(keys) and list:count_by(keys). Both return ordinary lists: rows
-- {key=, count=, rows=} (count_by: {key=, count=}); grouping by several keys puts each value
-- under the key's own name instead of `key`: group_by{"status", "schedule_name"} gives
-- {status=, schedule_name=, count=, rows=}.
local catalog, P = ...
local null, describe, missing, compare_keys, wrap, hints = P.null, P.describe, P.missing, P.compare_keys, P.wrap, P.hints
local methods = P.ListMT.__index

-- The getters and column names of a key spec: a name, a dotted path or a function gives one
-- column `key`; a table of several gives their names (a function at place i: `key<i>`).
local function key_spec(spec, label)
  if type(spec) == "table" and not P.isnull(spec) then
    if #spec == 0 then error(label .. " expects at least one key", 3) end
    if #spec == 1 then return key_spec(spec[1], label) end
    local gets, names, seen = {}, {}, {}
    for i, k in ipairs(spec) do
      local get, err = P.getter(k, label)
      if not get then error(err, 3) end
      local name = type(k) == "string" and k or "key" .. i
      if seen[name] then error(label .. ": key " .. describe(name) .. " is given twice", 3) end
      seen[name] = true
      gets[i], names[i] = get, name
    end
    return gets, names
  end
  local get, err = P.getter(spec, label)
  if not get then error(err, 3) end
  return { get }, { "key" }
end

-- Rows with the same key values, in order of first appearance: {values, rows} each, missing
-- values (nil, json.null) as json.null and all NaNs as one key.
local function partition(list, gets)
  local out, index, NIL, NAN, LEAF = {}, {}, {}, {}, {}
  for _, row in ipairs(list) do
    local node, values = index, {}
    for j, get in ipairs(gets) do
      local k = get(row)
      local slot = k
      if missing(k) then slot, k = NIL, null() elseif k ~= k then slot = NAN end
      values[j] = k
      local next_node = node[slot]
      if not next_node then next_node = {}; node[slot] = next_node end
      node = next_node
    end
    local g = node[LEAF]
    if not g then
      g = { values = values, rows = {} }
      node[LEAF] = g
      out[#out + 1] = g
    end
    g.rows[#g.rows + 1] = row
  end
  return out
end

local function group_row(names, values, count)
  local row = { count = count }
  for j, name in ipairs(names) do row[name] = values[j] end
  return row
end

--- group_by(keys): a list of {key=, count=, rows=} in order of first appearance.
function methods:group_by(spec)
  local gets, names = key_spec(spec, "group_by")
  local out = {}
  for i, g in ipairs(partition(self, gets)) do
    local row = group_row(names, g.values, #g.rows)
    row.rows = wrap(g.rows, hints[self])
    out[i] = row
  end
  local columns = table.move(names, 1, #names, 1, {})
  columns[#columns + 1], columns[#columns + 2] = "count", "rows"
  return wrap(out, columns)
end

--- count_by(keys): a list of {key=, count=}, largest count first, then by the keys (nulls last).
function methods:count_by(spec)
  local gets, names = key_spec(spec, "count_by")
  local out = {}
  for i, g in ipairs(partition(self, gets)) do out[i] = group_row(names, g.values, #g.rows) end
  table.sort(out, function(a, b)
    if a.count ~= b.count then return a.count > b.count end
    for _, name in ipairs(names) do
      local c = compare_keys(a[name], b[name])
      if c ~= 0 then return c < 0 end
    end
    return false
  end)
  local columns = table.move(names, 1, #names, 1, {})
  columns[#columns + 1] = "count"
  return wrap(out, columns)
end

-- The key columns of a group_by or count_by result (those before "count" in its columns), or nil.
function P.key_columns(list)
  local h = hints[list]
  if not h then return nil end
  for i, c in ipairs(h) do
    if c == "count" then return i > 1 and table.move(h, 1, i - 1, 1, {}) or nil end
  end
  return nil
end
