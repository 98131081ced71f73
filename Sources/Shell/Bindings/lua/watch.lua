-- =employees.watch: employees.watch{filter=, fields=, every=SECONDS, ...} returns an iterator; each
-- step waits `every` seconds (not before the first), fetches the matching rows past the cache and
-- yields {added=List, removed=List, changed={ {before=, after=, fields={...}}, ... }, rows=List, poll=n},
-- rows matched by id (the first step: everything added). The first poll says what a poll costs on
-- stderr and refuses an `every` whose polls would spend more than the account's minute budget.
local poll, sleep = ...
local null = json and json.null

local function describe(v) return type(v) == "string" and ("%q"):format(v) or tostring(v) end

local function equal(a, b)
  if a == b then return true end
  if type(a) ~= "table" or type(b) ~= "table" or a == null or b == null then return false end
  for k, v in pairs(a) do if not equal(v, b[k]) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end

-- The fields whose values differ between two versions of a row, sorted.
local function differences(before, after)
  local out, seen = {}, {}
  for k, v in pairs(after) do
    seen[k] = true
    if not equal(v, before[k]) then out[#out + 1] = k end
  end
  for k in pairs(before) do if not seen[k] then out[#out + 1] = k end end
  table.sort(out, function(x, y) return tostring(x) < tostring(y) end)
  return out
end

return function(options)
  if type(options) ~= "table" then error("employees.watch expects an options table {filter=, fields=, every=SECONDS}, got " .. describe(options), 2) end
  local every = options.every == nil and 5 or options.every
  if type(every) ~= "number" or not (every > 0) or every ~= every then
    error("employees.watch: every must be a number of seconds above 0, got " .. describe(every), 2)
  end
  local query = {}
  for k, v in pairs(options) do if k ~= "every" then query[k] = v end end
  if type(query.fields) == "table" then
    local fields, has_id = {}, false
    for i, f in ipairs(query.fields) do fields[i] = f; has_id = has_id or f == "id" end
    if not has_id then table.insert(fields, 1, "id") end
    query.fields = fields
  end
  local previous, polls = nil, 0
  return function()
    if polls > 0 then sleep(every) end
    local rows, cost, per_minute = poll(query)
    polls = polls + 1
    if polls == 1 then
      local spend = cost * 60 / every
      if per_minute and spend > per_minute then
        error(("employees.watch: each poll costs %d point%s, so every %g s spends %g points a minute, more than the account's %d; use every = %g or more")
          :format(cost, cost == 1 and "" or "s", every, spend, per_minute, math.ceil(cost * 60 / per_minute)), 2)
      end
      io.stderr:write(("watch: each poll costs %d point%s, %g a minute%s; Ctrl-C stops\n")
        :format(cost, cost == 1 and "" or "s", spend, per_minute and (" of the account's %d"):format(per_minute) or ""))
    end
    local added, removed, changed = {}, {}, {}
    local now = {}
    for _, row in ipairs(rows) do if row.id ~= nil then now[row.id] = row end end
    local before = {}
    for _, row in ipairs(previous or {}) do if row.id ~= nil then before[row.id] = row end end
    for _, row in ipairs(rows) do
      local old = before[row.id]
      if old == nil then
        added[#added + 1] = row
      else
        local fields = differences(old, row)
        if #fields > 0 then changed[#changed + 1] = { before = old, after = row, fields = fields } end
      end
    end
    for _, row in ipairs(previous or {}) do if now[row.id] == nil then removed[#removed + 1] = row end end
    previous = rows
    local columns = type(query.fields) == "table" and { columns = query.fields } or nil
    return { added = List.new(added, columns), removed = List.new(removed, columns), changed = changed, rows = rows, poll = polls }
  end
end
