-- =empsh/conditions: &, |, ~ and tostring on conditions, and F.normalize / F.try_normalize,
-- which take a filter written by hand in the API's shape. Swift checks it (P.check_filter: the API's
-- rules as the client applies them, and their error texts); Lua only marks the checked copy.
local catalog, P = ...
local Cond, F, describe, isnull, check = P.Cond, P.F, P.describe, P.isnull, P.check_filter
-- The operator ~ turns each into: from the catalogue.
local complement = catalog.operators.complement

-- Marks a checked filter, and each of its members, as a condition.
local function mark(c)
  if c.filters then for _, x in ipairs(c.filters) do mark(x) end end
  return setmetatable(c, Cond)
end

-- A filter (an F condition, or a table in the API's shape) → a checked copy, or nil and what is wrong.
local function normalize(x, path)
  local c, err = check(x, path)
  if c == nil then return nil, err end
  return mark(c)
end

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
