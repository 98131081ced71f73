-- =empsh/safe: what --safe changes in a state: running programs, writing files, loading C code
-- and debug are refused with an error naming what was refused.
local function refuse(name)
  return function() error(name .. " is disabled by --safe", 2) end
end
os.execute = refuse("os.execute")
os.remove = refuse("os.remove")
os.rename = refuse("os.rename")
os.tmpname = refuse("os.tmpname")
io.popen = refuse("io.popen")
package.loadlib = refuse("package.loadlib")
package.cpath = ""
-- Keep the preload and Lua-file searchers; drop the C-library ones.
package.searchers[4] = nil
package.searchers[3] = nil
local open, output, lines = io.open, io.output, io.lines
function io.open(name, mode)
  local m = mode == nil and "r" or tostring(mode)
  if not m:match("^r[b]?$") then
    error("io.open in mode '" .. m .. "' is disabled by --safe (files cannot be written)", 2)
  end
  return open(name, mode)
end
function io.output(file)
  if file ~= nil and io.type(file) == nil then
    error("io.output to a file is disabled by --safe (files cannot be written)", 2)
  end
  return output(file)
end
local base_load = load
function load(chunk, name, mode, env)
  return base_load(chunk, name, "t", env)
end
loadfile = function(name, mode, env)
  local f, err = open(name or "", "r")
  if not f then return nil, err end
  local text = f:read("a"); f:close()
  text = text:gsub("^#[^\n]*", "")
  return base_load(text, "@" .. name, "t", env or _G)
end
dofile = function(name) local f = assert(loadfile(name)); return f() end
-- The Lua-file searcher loads text only too: the stock one would run precompiled bytecode.
local searchpath = package.searchpath
package.searchers[2] = function(name)
  local file, err = searchpath(name, package.path)
  if not file then return err end
  local chunk, lerr = loadfile(file)
  if not chunk then
    error(("error loading module '%s' from file '%s':\n\t%s"):format(name, file, lerr), 0)
  end
  return chunk, file
end
local refused_debug = setmetatable({}, {
  __index = function(_, key) error("debug." .. tostring(key) .. " is disabled by --safe", 2) end,
})
debug = refused_debug
package.loaded.debug = refused_debug
