-- =empsh/names: "did you mean …?" for a name that employees, json, api, jsquery or lists do not
-- have: reading one (`employees.al{}`, `rows:wher(...)`) raises an error naming the closest
-- that exists, or listing them all, instead of Lua's "attempt to call a nil value".
local catalog, P = ...

local function names_of(t)
  local out = {}
  for k in next, t do if type(k) == "string" and k:sub(1, 1) ~= "_" then out[#out + 1] = k end end
  table.sort(out)
  return out
end

local function strict(t, label, sep)
  if type(t) ~= "table" or getmetatable(t) ~= nil then return end
  setmetatable(t, {
    __index = function(_, k)
      if type(k) ~= "string" or k:sub(1, 2) == "__" then return nil end
      local names = names_of(t)
      local near = P.suggest(k, names)
      error(label .. sep .. k .. " does not exist; "
        .. (near and ("did you mean %s%s%s?"):format(label, sep, near) or label .. " has " .. table.concat(names, ", ")), 2)
    end,
  })
end

for _, name in ipairs { "employees", "json", "api", "jsquery" } do strict(rawget(_G, name), name, ".") end
strict(P.ListMT.__index, "list", ":")
