-- =empsh/F: conditions in the API's own shape ({field=, operator=, value=}, groups
-- {filters=, condition=}) built by F.<field>:<builder>(...). Called with the field catalogue
-- (Prelude.catalog) and the prelude's shared internal table P; sets the global F.
local catalog, P = ...
local Cond = { __name = "empsh.condition" }
P.Cond = Cond

local function null() local j = rawget(_G, "json") return type(j) == "table" and rawget(j, "null") or nil end
local function isnull(v) local n = null() return v ~= nil and n ~= nil and rawequal(v, n) end
P.null, P.isnull = null, isnull

local function describe(v)
  if isnull(v) then return "json.null" end
  if type(v) == "string" then return ("%q"):format(v) end
  if type(v) == "table" then return "a table" end
  return tostring(v)
end
P.describe = describe

local function quoted(list)
  local out = {}
  for i, v in ipairs(list) do out[i] = ("%q"):format(v) end
  return table.concat(out, ", ")
end

-- jsquery literals: JSON strings, numbers, booleans, null.
local escapes = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }
local function jstring(s)
  return '"' .. (s:gsub('[%c"\\]', function(c) return escapes[c] or ("\\u%04x"):format(c:byte()) end)) .. '"'
end
local function jliteral(v)
  if isnull(v) then return "null" end
  if type(v) == "string" then return jstring(v) end
  if math.type(v) == "integer" then return ("%d"):format(v) end
  if type(v) == "number" then return ("%.17g"):format(v) end
  return tostring(v)
end

local kindname = { number = "number", string = "string", boolean = "boolean", enum = "enum",
  enum_array = "array of enum", object = "object", object_array = "array of objects" }
P.kindname = kindname

local function cond(field, op, value)
  return setmetatable({ field = field, operator = op, value = value }, Cond)
end

-- Fields: kind is number string boolean enum enum_array object object_array.
local refs, names = {}, {}
local Ref = { __name = "empsh.field" }
Ref.__index = Ref
Ref.__tostring = function(r) return "F." .. r.name end

local scalar = { "eq", "ne", "lt", "le", "gt", "ge", "in_", "not_in", "is_null", "is_not_null" }
local text = { "like", "ilike", "not_like", "not_ilike", "regexp" }
local methods = {
  number = scalar, boolean = scalar,
  string = table.move(text, 1, #text, #scalar + 1, table.move(scalar, 1, #scalar, 1, {})),
  enum_array = { "has", "overlap", "not_overlap", "exists", "is_null", "is_not_null", "jsquery" },
  object = { "has", "exists", "is_null", "is_not_null", "jsquery" },
}
methods.enum, methods.object_array = methods.string, methods.object

local function prepare(spec)
  spec.set = {}
  for _, v in ipairs(spec.values or {}) do spec.set[v] = true end
  if spec.nested then for _, n in ipairs(spec.nested.order) do prepare(spec.nested.fields[n]) end end
  return spec
end
for _, name in ipairs(catalog.order) do
  local spec = prepare(catalog.fields[name])
  local can = {}
  for _, m in ipairs(methods[spec.kind]) do can[m] = true end
  refs[name] = setmetatable({ name = name, spec = spec, can = can }, Ref)
  names[#names + 1] = name
end
P.refs = refs

-- A value of a scalar kind; returns an error message or nil.
local function check(spec, v, label)
  local k = spec.kind
  if k == "number" then
    if type(v) ~= "number" or v ~= v or v == math.huge or v == -math.huge then
      return label .. " expects a number, got " .. describe(v)
    end
  elseif k == "string" then
    if type(v) ~= "string" then return label .. " expects a string, got " .. describe(v) end
  elseif k == "boolean" then
    if type(v) ~= "boolean" then return label .. " expects true or false, got " .. describe(v) end
  elseif k == "enum" or k == "enum_array" then
    if type(v) ~= "string" or not spec.set[v] then
      return label .. ": " .. describe(v) .. " is not a valid " .. spec.name .. "; valid values: " .. quoted(spec.values)
    end
  else
    return label .. ": " .. spec.name .. " is an " .. kindname[k] .. ", not a value to compare"
  end
end

local function list_of(spec, v, label, check_each)
  if type(v) ~= "table" or isnull(v) or getmetatable(v) == Cond then
    return nil, label .. " expects a list such as {" .. (spec.values and ("%q"):format(spec.values[1]) or "...") .. "}, got " .. describe(v)
  end
  local out = {}
  for i = 1, #v do
    local err = check_each(spec, v[i], label .. " (item " .. i .. ")")
    if err then return nil, err end
    out[i] = v[i]
  end
  for k in pairs(v) do
    if math.type(k) ~= "integer" or k < 1 or k > #v then return nil, label .. " expects a list, got a table with key " .. describe(k) end
  end
  return out
end

-- has{key = value, ...} on an object (or one element of an array) → a jsquery expression.
local function has_keys(spec, t, label)
  if type(t) ~= "table" or isnull(t) or getmetatable(t) == Cond or next(t) == nil then
    return nil, label .. " expects a table of " .. table.concat(spec.nested.order, "/") .. " values, got " .. describe(t)
  end
  for k in pairs(t) do
    if not spec.nested.fields[k] then
      return nil, label .. ": " .. describe(k) .. " is not a key of " .. spec.name .. "; keys: " .. table.concat(spec.nested.order, ", ")
    end
  end
  local parts = {}
  for _, key in ipairs(spec.nested.order) do
    local v, sub = t[key], spec.nested.fields[key]
    if v ~= nil then
      local part, err
      if sub.kind == "object_array" or sub.kind == "object" then
        local inner
        inner, err = has_keys(sub, v, label .. " (" .. key .. ")")
        part = inner and key .. (sub.kind == "object_array" and ".#(" or "(") .. inner .. ")"
      elseif isnull(v) then
        part = key .. " = null"
      elseif type(v) == "table" then
        local items
        items, err = list_of(sub, v, label .. " (" .. key .. ")", check)
        if items then
          for i, x in ipairs(items) do items[i] = jliteral(x) end
          part = key .. " IN (" .. table.concat(items, ", ") .. ")"
        end
      else
        err = check(sub, v, label .. " (" .. key .. ")")
        part = key .. " = " .. jliteral(v)
      end
      if err then return nil, err end
      parts[#parts + 1] = part
    end
  end
  return table.concat(parts, " AND ")
end

-- Builders: (ref, value, label) → condition, or nil and a message.
local B = {}
local ops = { eq = "=", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">=" }
for m, op in pairs(ops) do
  B[m] = function(r, v, label)
    if v == nil then return nil, label .. " needs a value (for a null test use :is_null())" end
    if isnull(v) then
      if op == "=" or op == "!=" then return cond(r.name, op, v) end
      return nil, label .. " cannot compare with null"
    end
    local err = check(r.spec, v, label)
    if err then return nil, err end
    return cond(r.name, op, v)
  end
end
for _, m in ipairs(text) do
  B[m] = function(r, v, label)
    if type(v) ~= "string" then return nil, label .. " expects a pattern (a string), got " .. describe(v) end
    return cond(r.name, m, v)
  end
end
for m, op in pairs({ in_ = "in", not_in = "not_in", overlap = "overlap", not_overlap = "not_overlap" }) do
  B[m] = function(r, v, label)
    local items, err = list_of(r.spec, v, label, check)
    if not items then return nil, err end
    return cond(r.name, op, items)
  end
end
B.is_null = function(r) return cond(r.name, "is_null") end
B.is_not_null = function(r) return cond(r.name, "is_not_null") end
B.exists = B.is_not_null
B.jsquery = function(r, v, label)
  if type(v) ~= "string" then return nil, label .. " expects a jsquery expression (a string), got " .. describe(v) end
  return cond(r.name, "jsquery", v)
end
B.has = function(r, v, label)
  local spec = r.spec
  if spec.kind == "enum_array" then
    if type(v) == "table" and not isnull(v) then
      local items, err = list_of(spec, v, label, check)
      if not items then return nil, err end
      for i, x in ipairs(items) do items[i] = jliteral(x) end
      return cond(r.name, "jsquery", "$ @> [" .. table.concat(items, ", ") .. "]")
    end
    local err = check(spec, v, label)
    if err then return nil, err end
    return cond(r.name, "jsquery", "# = " .. jliteral(v))
  end
  local expr, err = has_keys(spec, v, label)
  if not expr then return nil, err end
  return cond(r.name, "jsquery", spec.kind == "object_array" and "#(" .. expr .. ")" or expr)
end
P.builders = B

local all_methods = {}
for m in pairs(B) do all_methods[#all_methods + 1] = m end
for _, m in ipairs(all_methods) do
  Ref[m] = function(self, v, ...)
    if getmetatable(self) ~= Ref then error("call it with a colon: F.<field>:" .. m .. "(...)", 2) end
    local label = "F." .. self.name .. ":" .. m
    if not self.can[m] then
      error(label .. " does not apply to " .. self.name .. " (" .. kindname[self.spec.kind] .. "); use :"
        .. table.concat(methods[self.spec.kind], ", :"), 2)
    end
    local c, err = B[m](self, v, label)
    if not c then error(err, 2) end
    return c
  end
end

local F = setmetatable({}, {
  __index = function(_, k)
    local r = refs[k]
    if r then return r end
    error("F." .. tostring(k) .. ": unknown field; fields: " .. table.concat(names, ", "), 2)
  end,
  __newindex = function() error("F is read-only", 2) end,
})
P.F = F
rawset(_G, "F", F)
