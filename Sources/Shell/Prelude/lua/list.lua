-- =empsh/List: result lists (List.new(rows)) with where map sort_by unnest pluck first count
-- each show render to_json to_csv (group_by, count_by: groups.lua; chart: chart.lua); sets the global List.
local catalog, P = ...
local isnull, null, describe = P.isnull, P.null, P.describe
local methods = {}
local List = { __index = methods, __name = "empsh.list" }
local hints = setmetatable({}, { __mode = "k" })
P.ListMT, P.hints = List, hints

local function wrap(rows, columns)
  setmetatable(rows, List)
  if columns then hints[rows] = columns end
  return rows
end
P.wrap = wrap

-- A key: a field name, a dotted path ("operator.operator_login", "groups.1.group_id") or a function.
local function getter(key, label)
  if type(key) == "function" then return key end
  if type(key) ~= "string" or key == "" then return nil, label .. " expects a field name, a dotted path or a function, got " .. describe(key) end
  if not key:find(".", 1, true) then
    return function(row) if type(row) == "table" and not isnull(row) then return row[key] end end
  end
  local parts = {}
  for p in key:gmatch("[^.]+") do parts[#parts + 1] = math.tointeger(tonumber(p)) or p end
  return function(row)
    local v = row
    for _, p in ipairs(parts) do
      if type(v) ~= "table" or isnull(v) then return nil end
      v = v[p]
    end
    return v
  end
end
P.getter = getter

local function need(key, label)
  local get, err = getter(key, label)
  if not get then error(err, 3) end
  return get
end

-- Total order for sorting: numbers, then strings, then booleans, then anything else; nil and null
-- are handled by the callers (always last).
local rank = { number = 1, string = 2, boolean = 3 }
local function compare(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return (rank[ta] or 4) < (rank[tb] or 4) and -1 or ((rank[ta] or 4) > (rank[tb] or 4) and 1 or 0) end
  if ta == "number" or ta == "string" then return a < b and -1 or (a > b and 1 or 0) end
  if ta == "boolean" then return a == b and 0 or (a and 1 or -1) end
  return 0
end
local function missing(v) return v == nil or isnull(v) end
-- How two sort keys compare, a missing one (nil or null) after every value: 0 when they are equal,
-- else negative or positive, and whether a missing key decided it (a descending sort keeps those last).
local function compare_keys(a, b)
  local ma, mb = missing(a), missing(b)
  if ma ~= mb then return ma and 1 or -1, true end
  if ma then return 0, false end
  return compare(a, b), false
end
P.compare, P.missing, P.compare_keys = compare, missing, compare_keys

function List.new(rows, options)
  if rows == nil then rows = {} end
  if type(rows) ~= "table" then error("List.new expects a table of rows, got " .. describe(rows), 2) end
  local columns = type(options) == "table" and options.columns or hints[rows]
  return wrap(table.move(rows, 1, #rows, 1, {}), columns)
end
List.__tostring = function(l) return ("list of %d row%s"):format(#l, #l == 1 and "" or "s") end

function methods:count() return #self end

function methods:where(pred)
  local test
  if type(pred) == "function" then
    test = pred
  elseif type(pred) == "table" then
    local checks = {}
    for k, want in pairs(pred) do checks[#checks + 1] = { need(k, "where"), want } end
    test = function(row)
      for _, c in ipairs(checks) do
        local v = c[1](row)
        if not (v == c[2] or (missing(v) and missing(c[2]))) then return false end
      end
      return true
    end
  else
    error("where expects a function or a table of field = value, got " .. describe(pred), 2)
  end
  local out = {}
  for i, row in ipairs(self) do if test(row, i) then out[#out + 1] = row end end
  return wrap(out, hints[self])
end

function methods:map(fn)
  if type(fn) ~= "function" then error("map expects a function, got " .. describe(fn), 2) end
  local out = {}
  for i, row in ipairs(self) do
    local v = fn(row, i)
    if v ~= nil then out[#out + 1] = v end
  end
  return wrap(out)
end

function methods:each(fn)
  if type(fn) ~= "function" then error("each expects a function, got " .. describe(fn), 2) end
  for i, row in ipairs(self) do fn(row, i) end
  return self
end

function methods:first(n)
  if n == nil then return self[1] end
  if math.type(n) ~= "integer" or n < 0 then error("first expects a count (an integer ≥ 0), got " .. describe(n), 2) end
  return wrap(table.move(self, 1, math.min(n, #self), 1, {}), hints[self])
end

function methods:pluck(key)
  local get = need(key, "pluck")
  local out, n = {}, null()
  for i, row in ipairs(self) do
    local v = get(row)
    if v == nil then v = n end
    if v ~= nil then out[#out + 1] = v end
  end
  return wrap(out)
end

function methods:sort_by(spec)
  local keys = {}
  local function add(k)
    if type(k) == "string" and k:sub(1, 1) == "-" then
      keys[#keys + 1] = { need(k:sub(2), "sort_by"), true }
    else
      keys[#keys + 1] = { need(k, "sort_by"), false }
    end
  end
  if type(spec) == "table" then
    for _, k in ipairs(spec) do add(k) end
    if #keys == 0 then error("sort_by expects at least one key", 2) end
  else
    add(spec)
  end
  local items = {}
  for i, row in ipairs(self) do
    local item = { row = row, i = i }
    for j, k in ipairs(keys) do item[j] = k[1](row) end
    items[i] = item
  end
  table.sort(items, function(a, b)
    for j, k in ipairs(keys) do
      local c, by_missing = compare_keys(a[j], b[j])
      if c ~= 0 then
        if k[2] and not by_missing then return c > 0 end
        return c < 0
      end
    end
    return a.i < b.i
  end)
  local out = {}
  for i, item in ipairs(items) do out[i] = item.row end
  return wrap(out, hints[self])
end

-- The keys of the elements of the arrays at `path`: those of every element in the list, else the
-- catalogue's (a list where no row has one); nil for arrays of scalars, which go under `last`.
local function element_keys(self, get, path)
  local keys, seen, tables = {}, {}, false
  for _, row in ipairs(self) do
    local items = get(row)
    if type(items) == "table" and not isnull(items) then
      for _, item in ipairs(items) do
        if type(item) == "table" and not isnull(item) then
          tables = true
          for k in pairs(item) do if not seen[k] then seen[k] = true; keys[#keys + 1] = k end end
        end
      end
    end
  end
  if tables then return keys end
  local spec, first = nil, true
  for name in path:gmatch("[^.]+") do
    if first then spec = catalog.fields[name] elseif spec and spec.nested then spec = spec.nested.fields[name] else spec = nil end
    first = false
  end
  if spec and spec.nested then return table.move(spec.nested.order, 1, #spec.nested.order, 1, {}) end
  return nil
end

-- unnest(path[, {drop_empty = true}]): one row per element of the array at path; a row whose
-- array is empty, null or missing stays once, the elements' keys null (as pandas' explode),
-- unless drop_empty.
function methods:unnest(path, options)
  if type(path) ~= "string" then error("unnest expects a dotted path such as \"operator.operator_sites\", got " .. describe(path), 2) end
  if options ~= nil and (type(options) ~= "table" or isnull(options)) then
    error("unnest expects options such as {drop_empty = true}, got " .. describe(options), 2)
  end
  local drop = false
  for k, v in pairs(options or {}) do
    if k ~= "drop_empty" then
      local near = type(k) == "string" and P.suggest(k, { "drop_empty" })
      error("unnest: unknown option " .. describe(k) .. (near and ("; did you mean %q?"):format(near) or "; options: drop_empty"), 2)
    end
    if type(v) ~= "boolean" then error("unnest: drop_empty expects true or false, got " .. describe(v), 2) end
    drop = v
  end
  local get = need(path, "unnest")
  local last = path:match("([^.]+)$")
  local keys = not drop and element_keys(self, get, path)
  local out = {}
  local function add(row, item)
    local copy = {}
    for k, v in pairs(row) do copy[k] = v end
    if type(item) == "table" and not isnull(item) then
      -- An element's key that the row already has keeps both: the element's goes under the path
      -- (`phone_numbers.status` beside the row's `status`).
      for k, v in pairs(item) do
        if row[k] ~= nil then copy[path .. "." .. k] = v else copy[k] = v end
      end
    else
      copy[last] = item
    end
    out[#out + 1] = copy
  end
  for _, row in ipairs(self) do
    local items = get(row)
    local n = 0
    if type(items) == "table" and not isnull(items) then
      for _, item in ipairs(items) do n = n + 1; add(row, item) end
    end
    if n == 0 and not drop and type(row) == "table" and not isnull(row) then
      if keys then
        local nulls = {}
        for _, k in ipairs(keys) do nulls[k] = null() end
        add(row, nulls)
      else
        add(row, null())
      end
    end
  end
  return wrap(out)
end

local function columns_arg(columns, label)
  if columns == nil then return nil end
  if type(columns) == "string" then return { columns } end
  if type(columns) ~= "table" then error(label .. " expects a list of columns, got " .. describe(columns), 3) end
  for i, c in ipairs(columns) do
    if type(c) ~= "string" then error(label .. ": column " .. i .. " must be a field name, got " .. describe(c), 3) end
  end
  return columns
end
P.columns_arg = columns_arg

-- The output formats' names come from Swift (OutputFormat): P.formats lists them, P.format_set holds them.
function methods:render(columns, format)
  columns = columns_arg(columns, "render")
  if format ~= nil and not P.format_set[format] then
    error("render: unknown format " .. describe(format) .. "; formats: " .. table.concat(P.formats, ", "), 2)
  end
  return P.render(self, columns or hints[self], format)
end

function methods:show(columns)
  io.write(P.render(self, columns_arg(columns, "show") or hints[self]))
end

function methods:to_csv(columns)
  return P.render(self, columns_arg(columns, "to_csv") or hints[self], "csv")
end

function methods:to_json()
  if #self == 0 then return "[]" end
  local json = rawget(_G, "json")
  if type(json) ~= "table" or type(json.encode) ~= "function" then error("to_json needs json.encode", 2) end
  return json.encode(table.move(self, 1, #self, 1, {}))
end

rawset(_G, "List", setmetatable({ new = List.new, methods = methods }, { __call = function(_, rows, o) return List.new(rows, o) end }))
