-- =empsh/Groups: what list:group_by(key) returns: a sequence of {key=, rows=} in order
-- of first appearance, with count each map keys show render chart to_json.
local catalog, P = ...
local isnull, describe, wrap = P.isnull, P.describe, P.wrap
local methods = {}
local Groups = { __index = methods, __name = "empsh.groups" }
local names = setmetatable({}, { __mode = "k" })

function P.groups(list, name)
  names[list] = name
  return setmetatable(list, Groups)
end
Groups.__tostring = function(g) return ("%d group%s by %s"):format(#g, #g == 1 and "" or "s", names[g] or "key") end

local function label(key)
  if key == nil or isnull(key) then return "(null)" end
  if type(key) == "table" then
    local json = rawget(_G, "json")
    if type(json) == "table" and type(json.encode) == "function" then return json.encode(key) end
  end
  return tostring(key)
end

--- A list of {key=, count=}, one per group, in the groups' order.
function methods:count()
  local out = {}
  for i, g in ipairs(self) do out[i] = { key = g.key, count = #g.rows } end
  return wrap(out, { "key", "count" })
end

function methods:keys()
  local out = {}
  for i, g in ipairs(self) do out[i] = g.key end
  return wrap(out)
end

function methods:each(fn)
  if type(fn) ~= "function" then error("each expects a function(key, rows), got " .. describe(fn), 2) end
  for i, g in ipairs(self) do fn(g.key, g.rows, i) end
  return self
end

function methods:map(fn)
  if type(fn) ~= "function" then error("map expects a function(key, rows), got " .. describe(fn), 2) end
  local out = {}
  for i, g in ipairs(self) do
    local v = fn(g.key, g.rows, i)
    if v ~= nil then out[#out + 1] = v end
  end
  return wrap(out)
end

-- json and ndjson: {key=, count=, rows=[...]} per group; csv: the rows with the key as first column.
local function encode(self, lines)
  local json = rawget(_G, "json")
  if type(json) ~= "table" or type(json.encode) ~= "function" then error("to_json needs json.encode", 3) end
  local out = {}
  for i, g in ipairs(self) do
    local rows = table.move(g.rows, 1, #g.rows, 1, {})
    local text = #rows == 0 and "[]" or json.encode(rows)
    out[i] = '{"key":' .. (g.key == nil and "null" or json.encode(g.key)) .. ',"count":' .. #rows .. ',"rows":' .. text .. "}"
  end
  if lines then return #out == 0 and "" or table.concat(out, "\n") .. "\n" end
  return "[" .. table.concat(out, ",") .. "]"
end

function methods:to_json() return encode(self, false) end

function methods:render(columns, format)
  columns = P.columns_arg(columns, "render")
  format = format or P.format()
  if format == "json" then return encode(self, false) .. "\n" end
  if format == "ndjson" then return encode(self, true) end
  if format == "csv" then
    local name, rows = names[self] or "key", {}
    for _, g in ipairs(self) do
      for _, row in ipairs(g.rows) do
        local copy = {}
        if type(row) == "table" then for k, v in pairs(row) do copy[k] = v end end
        copy[name] = g.key
        rows[#rows + 1] = copy
      end
    end
    local cols = columns
    if cols then cols = table.move(cols, 1, #cols, 2, { name }) end
    if not cols then
      cols = { name }
      for _, c in ipairs(P.columns(rows)) do if c ~= name then cols[#cols + 1] = c end end
    end
    return P.render(wrap(rows), cols, "csv")
  end
  local out = {}
  for i, g in ipairs(self) do
    out[i] = ("%s = %s\n"):format(names[self] or "key", label(g.key)) .. P.render(g.rows, columns, format == "line" and "line" or "table")
  end
  return table.concat(out, "\n")
end

--- A bar chart of the groups' sizes (see list:chart).
function methods:chart(...)
  if select("#", ...) > 0 then error("chart on groups takes no arguments: it charts how many rows each group has", 2) end
  self:count():chart()
end

function methods:show(columns)
  io.write(self:render(P.columns_arg(columns, "show")))
end
