-- =empsh/testcase: `empsh test`'s Lua side, run in a state where a test file has just run.
-- Called as (nil, source): returns the names of the file's test_* global functions, in the order
-- they are defined. Called as (name, source, path): runs that test under a handler and returns nil
-- when it passed, or "path:line: message", line being where the failure passed through the file.
local name, source, path = ...
local getinfo = debug.getinfo

if name == nil then
  local found = {}
  for key, value in pairs(_G) do
    if type(key) == "string" and key:match("^test_") and type(value) == "function" then
      local info = getinfo(value, "S")
      if info.source == source then found[#found + 1] = { name = key, line = info.linedefined } end
    end
  end
  table.sort(found, function(a, b) return a.line < b.line end)
  local names = {}
  for i, test in ipairs(found) do names[i] = test.name end
  return names
end

local function locate(err)
  local ok, text = pcall(tostring, err)
  local message = ok and type(text) == "string" and text or "(error object is a " .. type(err) .. " value)"
  for level = 2, 200 do
    local info = getinfo(level, "Sl")
    if not info then break end
    if info.source == source and info.currentline > 0 then
      local located = path .. ":" .. info.currentline .. ":"
      -- error() in the test file already located it (under Lua's short name for the file).
      for _, prefix in ipairs({ located, info.short_src .. ":" .. info.currentline .. ":" }) do
        if message:sub(1, #prefix) == prefix then return located .. message:sub(#prefix + 1) end
      end
      return located .. " " .. message
    end
  end
  return message
end

local test = rawget(_G, name)
if type(test) ~= "function" then return path .. ": " .. name .. " is not a function" end
local ok, failure = xpcall(test, locate)
if ok then return nil end
return failure
