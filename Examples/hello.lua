-- The smallest empsh script: run it with `scripts/empsh Examples/hello.lua [name]`.
local name = arg[1] or "мир"
print(("Привет, %s! This is empsh on %s."):format(name, _VERSION))
