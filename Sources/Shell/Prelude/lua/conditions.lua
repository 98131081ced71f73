-- =empsh/conditions: &, |, ~ and tostring on conditions, and F.normalize / F.try_normalize,
-- which check a filter written by hand in the API's shape.
local catalog, P = ...
local Cond, F, build, refs, describe, isnull = P.Cond, P.F, P.build, P.refs, P.describe, P.isnull
-- The API's operators, the builder of each and the one ~ turns it into: from the catalogue.
local operators, builder_of, complement = catalog.operators.order, catalog.operators.builder, catalog.operators.complement
local null_test = catalog.operators.null_test

-- Checks a filter (an F condition, or a table in the API's shape) and returns a checked copy.
local function normalize(x, path)
  if type(x) ~= "table" or isnull(x) then return nil, path .. ": a filter must be a table, got " .. describe(x) end
  if x.filters ~= nil or x.condition ~= nil then
    for k in pairs(x) do
      if k ~= "filters" and k ~= "condition" then
        return nil, path .. ": unexpected key " .. describe(k) .. " in a group (a group has filters and condition)"
      end
    end
    if x.condition ~= "and" and x.condition ~= "or" then
      return nil, path .. '.condition: expected "and" or "or", got ' .. describe(x.condition)
    end
    if type(x.filters) ~= "table" or #x.filters == 0 then
      return nil, path .. ".filters: expected a non-empty list of filters, got " .. describe(x.filters)
    end
    local out = {}
    for i = 1, #x.filters do
      local y, err = normalize(x.filters[i], path .. ".filters[" .. i .. "]")
      if not y then return nil, err end
      out[i] = y
    end
    return setmetatable({ filters = out, condition = x.condition }, Cond)
  end
  if x[1] ~= nil then
    return nil, path .. ': a list of filters needs a group: {filters = {...}, condition = "and"}'
  end
  for k in pairs(x) do
    if k ~= "field" and k ~= "operator" and k ~= "value" then
      return nil, path .. ": unexpected key " .. describe(k) .. " (a condition has field, operator and value)"
    end
  end
  if type(x.field) ~= "string" then return nil, path .. ".field: missing field name (a string), got " .. describe(x.field) end
  local r = refs[x.field]
  if not r then
    return nil, path .. ".field: unknown field " .. describe(x.field) .. "; fields: " .. table.concat(catalog.order, ", ")
  end
  if x.operator == nil then
    return nil, path .. ".operator: missing operator; one of " .. table.concat(operators, " ")
  end
  local m = builder_of[x.operator]
  if not m then
    return nil, path .. ".operator: unknown operator " .. describe(x.operator) .. "; one of " .. table.concat(operators, " ")
  end
  local label = path .. " (" .. x.field .. " " .. x.operator .. ")"
  local operand = catalog.builders[m].operand
  -- = and != with null test for null on every field, even where the builder does not apply (Swift's
  -- OperatorTable.nullComparisons, through the catalogue).
  if null_test[x.operator] and isnull(x.value) then return setmetatable({ field = x.field, operator = x.operator, value = x.value }, Cond) end
  if not r.can[m] then return nil, label .. ": operator " .. x.operator .. " does not apply to " .. x.field .. " (" .. r.spec.kind_name .. ")" end
  if operand == "none" and not (x.value == nil or isnull(x.value)) then
    return nil, label .. " takes no value, got " .. describe(x.value)
  end
  return build(r, m, x.value, label)
end
P.normalize = normalize

rawset(F, "try_normalize", function(x) return normalize(x, "filter") end)
rawset(F, "normalize", function(x)
  local y, err = normalize(x, "filter")
  if not y then error(err, 2) end
  return y
end)

local function operand(x)
  if getmetatable(x) == Cond then return x end
  if x == nil then return nil, "cannot combine a condition with nil" end
  return normalize(x, "operand")
end

local function join(how, a, b)
  local fa, ea = operand(a)
  if not fa then return nil, ea end
  local fb, eb = operand(b)
  if not fb then return nil, eb end
  local filters = {}
  for _, x in ipairs({ fa, fb }) do
    if x.filters and x.condition == how then
      table.move(x.filters, 1, #x.filters, #filters + 1, filters)
    else
      filters[#filters + 1] = x
    end
  end
  return setmetatable({ filters = filters, condition = how }, Cond)
end

Cond.__band = function(a, b)
  local c, err = join("and", a, b)
  if not c then error(err, 2) end
  return c
end
Cond.__bor = function(a, b)
  local c, err = join("or", a, b)
  if not c then error(err, 2) end
  return c
end

local function invert(c)
  if c.filters then
    local out = {}
    for i, x in ipairs(c.filters) do
      local y, err = invert(x)
      if not y then return nil, err end
      out[i] = y
    end
    return setmetatable({ filters = out, condition = c.condition == "and" and "or" or "and" }, Cond)
  end
  if c.operator == "jsquery" then
    return setmetatable({ field = c.field, operator = "jsquery", value = "NOT (" .. c.value .. ")" }, Cond)
  end
  local op = complement[c.operator]
  if not op then
    return nil, "~ cannot negate " .. c.field .. " " .. tostring(c.operator) .. " " .. describe(c.value)
      .. ": the API has no inverse of " .. tostring(c.operator) .. "; filter locally instead, e.g. list:where(function(e) return not (e."
      .. c.field .. " or \"\"):find(...) end)"
  end
  return setmetatable({ field = c.field, operator = op, value = c.value }, Cond)
end

Cond.__bnot = function(a)
  local fa, err = operand(a)
  local c
  if fa then c, err = invert(fa) end
  if not c then error(err, 2) end
  return c
end

local function literal(v)
  if isnull(v) then return "null" end
  if type(v) == "string" then return ("%q"):format(v) end
  if type(v) == "table" then
    local out = {}
    for i, x in ipairs(v) do out[i] = literal(x) end
    return "{" .. table.concat(out, ", ") .. "}"
  end
  return tostring(v)
end

local function show(c, inner)
  if c.filters then
    local parts = {}
    for i, x in ipairs(c.filters) do parts[i] = show(x, true) end
    local s = table.concat(parts, " " .. c.condition .. " ")
    return (inner and #parts > 1) and "(" .. s .. ")" or s
  end
  if c.operator == "is_null" then return c.field .. " is null" end
  if c.operator == "is_not_null" then return c.field .. " is not null" end
  if c.operator == "jsquery" then return c.field .. " jsquery " .. c.value end
  return c.field .. " " .. c.operator .. " " .. literal(c.value)
end
Cond.__tostring = function(c) return show(c, false) end
