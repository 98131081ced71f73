-- =empsh/F: conditions in the API's own shape ({field=, operator=, value=}, groups
-- {filters=, condition=}) built by F.<field>:<builder>(...). Called with the field catalogue
-- (Prelude.catalog) and the prelude's shared internal table P; sets the global F.
-- Which builders a field has, the operator each builds and what it takes all come from the
-- catalogue (spec.builders, catalog.builders), which Swift derives from the method's rules.
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

-- jsquery literals: JSON strings (quoted by the contract's escaper), numbers, booleans, null.
local quote = P.quote
local function jliteral(v)
  if isnull(v) then return "null" end
  if type(v) == "string" then return quote(v) end
  if math.type(v) == "integer" then return ("%d"):format(v) end
  if type(v) == "number" then return ("%.17g"):format(v) end
  return tostring(v)
end

local function cond(field, op, value)
  return setmetatable({ field = field, operator = op, value = value }, Cond)
end

-- Fields: spec.kind is number string boolean enum enum_array object object_array.
local refs, names = {}, {}
local Ref = { __name = "empsh.field" }
Ref.__index = Ref
Ref.__tostring = function(r) return "F." .. r.name end

local function prepare(spec)
  spec.set = {}
  for _, v in ipairs(spec.values or {}) do spec.set[v] = true end
  if spec.nested then for _, n in ipairs(spec.nested.order) do prepare(spec.nested.fields[n]) end end
  return spec
end
for _, name in ipairs(catalog.order) do
  local spec = prepare(catalog.fields[name])
  local can = {}
  for _, m in ipairs(spec.builders) do can[m] = true end
  refs[name] = setmetatable({ name = name, spec = spec, can = can }, Ref)
  names[#names + 1] = name
end

-- A value to compare with a field (or an element of an enum array): one of spec.values where the
-- catalogue lists them, else of spec.scalar_type; returns an error message or nil.
local expects = { number = "a number", string = "a string", boolean = "true or false" }
local function check(spec, v, label)
  if spec.values then
    if type(v) ~= "string" or not spec.set[v] then
      local near = type(v) == "string" and P.suggest(v, spec.values)
      return label .. ": " .. describe(v) .. " is not a valid " .. spec.name .. (near and ("; did you mean %q?"):format(near) or ";") .. " valid values: " .. quoted(spec.values)
    end
  elseif not spec.scalar_type then
    return label .. ": " .. spec.name .. " is an " .. spec.kind_name .. ", not a value to compare"
  elseif type(v) ~= spec.scalar_type or (type(v) == "number" and (v ~= v or v == math.huge or v == -math.huge)) then
    return label .. " expects " .. expects[spec.scalar_type] .. ", got " .. describe(v)
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

-- Builders by what they take (catalog.builders[name].operand):
-- (ref, operator, value, label) → condition, or nil and a message.
local B = {}
function B.value(r, op, v, label)
  if v == nil then return nil, label .. " needs a value (for a null test use :is_null())" end
  if isnull(v) then return nil, label .. " cannot compare with null" end
  local err = check(r.spec, v, label)
  if err then return nil, err end
  return cond(r.name, op, v)
end
function B.value_or_null(r, op, v, label)
  if isnull(v) then return cond(r.name, op, v) end
  return B.value(r, op, v, label)
end
function B.pattern(r, op, v, label)
  if type(v) ~= "string" then return nil, label .. " expects a pattern (a string), got " .. describe(v) end
  return cond(r.name, op, v)
end
function B.list(r, op, v, label)
  local items, err = list_of(r.spec, v, label, check)
  if not items then return nil, err end
  return cond(r.name, op, items)
end
function B.none(r, op) return cond(r.name, op) end
function B.jsquery(r, op, v, label)
  if type(v) ~= "string" then return nil, label .. " expects a jsquery expression (a string), got " .. describe(v) end
  return cond(r.name, op, v)
end
-- has "value" / has{"a", "b"} on an array of enums; has{key = value, ...} on objects.
function B.has(r, op, v, label)
  local spec = r.spec
  if spec.kind == "enum_array" then
    if type(v) == "table" and not isnull(v) then
      local items, err = list_of(spec, v, label, check)
      if not items then return nil, err end
      for i, x in ipairs(items) do items[i] = jliteral(x) end
      return cond(r.name, op, "$ @> [" .. table.concat(items, ", ") .. "]")
    end
    local err = check(spec, v, label)
    if err then return nil, err end
    return cond(r.name, op, "# = " .. jliteral(v))
  end
  local expr, err = has_keys(spec, v, label)
  if not expr then return nil, err end
  return cond(r.name, op, spec.kind == "object_array" and "#(" .. expr .. ")" or expr)
end

-- Builds with builder m of field ref r; the caller has checked that r has it.
local function build(r, m, v, label)
  local b = catalog.builders[m]
  return B[b.operand](r, b.operator, v, label)
end

for m in pairs(catalog.builders) do
  Ref[m] = function(self, v)
    if getmetatable(self) ~= Ref then error("call it with a colon: F.<field>:" .. m .. "(...)", 2) end
    local label = "F." .. self.name .. ":" .. m
    if not self.can[m] then
      error(label .. " does not apply to " .. self.name .. " (" .. self.spec.kind_name .. "); use :"
        .. table.concat(self.spec.builders, ", :"), 2)
    end
    local c, err = build(self, m, v, label)
    if not c then error(err, 2) end
    return c
  end
end

local F = setmetatable({}, {
  __index = function(_, k)
    local r = refs[k]
    if r then return r end
    local near = type(k) == "string" and P.suggest(k, names)
    error("F." .. tostring(k) .. ": unknown field" .. (near and "; did you mean F." .. near .. "?" or ";") .. " fields: " .. table.concat(names, ", "), 2)
  end,
  __newindex = function() error("F is read-only", 2) end,
})
P.F = F
rawset(_G, "F", F)
