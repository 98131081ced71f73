-- =empsh/repl: the REPL's Lua side, loaded once per REPL: printing results (lists and groups
-- through their show, the rest as one line each) and finding completions.
local write, concat, sort, rep = io.write, table.concat, table.sort, string.rep
local null = json and json.null

local keywords = { "and", "break", "do", "else", "elseif", "end", "false", "for", "function",
  "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while" }

local function is_ident(s) return type(s) == "string" and s:match("^[%a_][%w_]*$") ~= nil end

local function mt_name(v)
  local mt = getmetatable(v)
  return type(mt) == "table" and rawget(mt, "__name") or nil
end

-- A value as one line of text: strings quoted, json.null as null.
local function scalar(v)
  if v == nil then return "nil" end
  if null ~= nil and v == null then return "null" end
  if type(v) == "string" then return (("%q"):format(v):gsub("\\\n", "\\n")) end
  return tostring(v)
end

local function keys_of(t)
  local n, ks = #t, {}
  local array = true
  for k in next, t do
    if not (math.type(k) == "integer" and k >= 1 and k <= n) then array = false; ks[#ks + 1] = k end
  end
  sort(ks, function(a, b)
    local ta, tb = type(a), type(b)
    if ta ~= tb then return ta < tb end
    if ta == "string" or ta == "number" then return a < b end
    return tostring(a) < tostring(b)
  end)
  return n, ks, array and n > 0
end

-- A table as JSON-like text; cycles print as <cycle>, deep nesting as {…}.
local function pretty(v, indent, seen)
  if type(v) ~= "table" or (null ~= nil and v == null) then return scalar(v) end
  local mt = getmetatable(v)
  if mt ~= nil and rawget(mt, "__tostring") then return tostring(v) end
  if seen[v] then return "<cycle>" end
  if #indent > 16 then return "{…}" end
  seen[v] = true
  local n, ks, is_array = keys_of(v)
  local parts = {}
  local inner = indent .. "  "
  for i = 1, n do parts[#parts + 1] = pretty(rawget(v, i), inner, seen) end
  for _, k in ipairs(ks) do
    local key = is_ident(k) and k or "[" .. scalar(k) .. "]"
    parts[#parts + 1] = key .. " = " .. pretty(rawget(v, k), inner, seen)
  end
  seen[v] = nil
  if #parts == 0 then return "{}" end
  local open, close = "{", "}"
  if is_array and #ks == 0 then open, close = "[", "]" end
  local flat = open .. " " .. concat(parts, ", ") .. " " .. close
  if #flat + #indent <= 80 and not flat:find("\n") then return flat end
  return open .. "\n" .. inner .. concat(parts, ",\n" .. inner) .. "\n" .. indent .. close
end

-- Prints a command's results: lists and groups through their show, the rest tab-separated.
local function print_results(...)
  local n = select("#", ...)
  if n == 0 then return end
  local texts = {}
  for i = 1, n do
    local v = select(i, ...)
    local name = mt_name(v)
    if (name == "empsh.list" or name == "empsh.groups") and n == 1 then
      v:show()
      return
    end
    texts[i] = pretty(v, "", {})
  end
  write(concat(texts, "\t"), "\n")
end

-- The text print_results would write, for the REPL to page: with `cap`, a single list shows at most
-- its first `cap` rows. Returns the text, the list's row count (nil when the results are not one
-- list) and the rows the text shows.
local function results_text(cap, ...)
  local n = select("#", ...)
  if n == 0 then return "" end
  local v = ...
  if mt_name(v) == "empsh.list" and n == 1 then
    local total = #v
    if cap ~= nil and cap < total then return v:first(cap):render(), total, cap end
    return v:render(), total, total
  end
  local texts = {}
  for i = 1, n do texts[i] = pretty((select(i, ...)), "", {}) end
  return concat(texts, "\t") .. "\n"
end

-- .watch: rows keyed by id (or, in count_by and group_by results, by their key columns), marked
-- against the previous run in a first column "Δ": "+" appeared, "~" changed, "×" disappeared
-- (not "-", which the table's rule is drawn with).
local function same(a, b)
  if a == b then return true end
  if type(a) ~= "table" or type(b) ~= "table" or a == null or b == null then return false end
  for k, v in pairs(a) do if not same(v, b[k]) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end

-- The key of a row of an aggregate ({key=, count=, rows=}, or several key columns): its other
-- fields, as text.
local function aggregate_key(row)
  local names = {}
  for k in pairs(row) do if k ~= "count" and k ~= "rows" then names[#names + 1] = tostring(k) end end
  sort(names)
  local parts = {}
  for i, k in ipairs(names) do parts[i] = k .. "=" .. pretty(row[k], "", {}) end
  return concat(parts, "\0")
end

-- How rows of a list are matched between runs, or nil when they cannot be: by id, or for an
-- aggregate by its key columns; with the columns to show.
local function keyed(v)
  if mt_name(v) ~= "empsh.list" then return nil end
  local by_id, by_key = true, true
  for _, row in ipairs(v) do
    if type(row) ~= "table" or row == null then return nil end
    if row.id == nil then by_id = false end
    if math.type(row.count) ~= "integer" then by_key = false end
  end
  local columns = empsh.columns(v)
  if by_id then return function(row) return row.id end, columns end
  if not by_key or #v == 0 then return nil end
  local ordered = {}
  for _, c in ipairs(columns) do if c ~= "count" and c ~= "rows" then ordered[#ordered + 1] = c end end
  ordered[#ordered + 1] = "count"
  for _, c in ipairs(columns) do if c == "rows" then ordered[#ordered + 1] = c end end
  return aggregate_key, ordered
end

-- The rows with their Δ column, and the marks empsh.render highlights in colour: "+", "-",
-- the list of changed fields, or "" for a row as it was.
local function marked(rows, previous, key)
  local before, now, out, marks = {}, {}, {}, {}
  for _, row in ipairs(previous or {}) do before[key(row)] = row end
  for _, row in ipairs(rows) do now[key(row)] = true end
  local function copy(row, mark)
    local c = { ["Δ"] = mark }
    for k, v in pairs(row) do c[k] = v end
    return c
  end
  for _, row in ipairs(rows) do
    local old, mark = before[key(row)], ""
    if previous ~= nil and old == nil then
      mark = "+"
    elseif old ~= nil and not same(old, row) then
      local fields = { "Δ" }
      for k, v in pairs(row) do if not same(v, old[k]) then fields[#fields + 1] = k end end
      for k in pairs(old) do if row[k] == nil then fields[#fields + 1] = k end end
      mark = fields
    end
    out[#out + 1] = copy(row, mark == "" and "" or type(mark) == "table" and "~" or mark)
    marks[#marks + 1] = mark
  end
  for _, row in ipairs(previous or {}) do
    if not now[key(row)] then
      out[#out + 1] = copy(row, "×")
      marks[#marks + 1] = "-"
    end
  end
  return out, marks
end

-- Runs fn with print and io.write going into a buffer (a chart, a show inside the expression),
-- so that the screen is cleared only when the new frame is ready; returns the text and fn's value.
local function captured(fn)
  local parts, real_print, real_write = {}, print, io.write
  print = function(...)
    local n, texts = select("#", ...), {}
    for i = 1, n do texts[i] = tostring((select(i, ...))) end
    parts[#parts + 1] = concat(texts, "\t") .. "\n"
  end
  io.write = function(...)
    for i = 1, select("#", ...) do parts[#parts + 1] = tostring((select(i, ...))) end
    return io.stdout
  end
  local ok, value = pcall(fn)
  print, io.write = real_print, real_write
  if not ok then error(value, 0) end
  return concat(parts), value
end

-- Runs fn every `seconds`, redrawing its value (and whatever it printed: a chart) under a
-- header; stops only by an error or Ctrl-C.
local function watch(seconds, fn, text, clear, sleep, fresh)
  local previous
  while true do
    fresh()
    local printed, value = captured(fn)
    if clear then write("\27[H\27[2J") end
    write(("Every %gs: %s    %s\n\n"):format(seconds, text, os.date("%H:%M:%S")))
    write(printed)
    local key, columns = keyed(value)
    if key then
      table.insert(columns, 1, "Δ")
      local out, marks = marked(value, previous, key)
      write(empsh.render(List.new(out), columns, nil, marks))
      previous = value
    elseif value ~= nil or printed == "" then
      print_results(value)
    end
    io.stdout:flush()
    sleep(seconds)
  end
end

local function add(out, seen, k, prefix)
  if type(k) == "string" and is_ident(k) and k:sub(1, #prefix) == prefix and not k:match("^__") and not seen[k] then
    seen[k] = true
    out[#out + 1] = k
  end
end

local function resolve(path)
  local v = _G
  for name in path:gmatch("[^%.]+") do
    if type(v) ~= "table" then return nil end
    local ok, value = pcall(function() return v[name] end)
    if not ok then return nil end
    v = value
  end
  return v
end

-- The catalogue's spec of the field whose builder a string is an argument of (`F.status:eq "`,
-- `F.call_recording:in{"a", "`, `F.operator.x:eq("`), from the text before the string's word.
local function builder_field(fields, before)
  local path = before and before:match("F%.([%w_%.]+)%s*:%s*[%a_]+%s*[%(%{]?[%s%w_,\"'%-%.]*[\"']$")
  if not path then return nil end
  local spec, table_ = nil, fields
  for name in path:gmatch("[^%.]+") do
    spec = table_ and table_.fields[name]
    if not spec then return nil end
    table_ = spec.nested
  end
  return spec
end

-- Completions of `word` (the text before the cursor, back to a separator); `before` is the line
-- before the word.
local function complete(word, in_string, before)
  local out, seen = {}, {}
  local fields = empsh and empsh.fields
  local spec = in_string and fields and builder_field(fields, before)
  if spec then
    -- A field's values: its enumeration in the catalogue, or nothing (not the field names).
    for _, value in ipairs(spec.values or {}) do
      if value:sub(1, #word) == word and not seen[value] then seen[value] = true; out[#out + 1] = value end
    end
    sort(out)
    return out
  end
  if in_string then
    if fields then
      for _, name in ipairs(fields.order) do
        add(out, seen, name, word)
        local spec = fields.fields[name]
        if spec.nested then
          for _, sub in ipairs(spec.nested.order) do
            local full = name .. "." .. sub
            if full:sub(1, #word) == word and not seen[full] then seen[full] = true; out[#out + 1] = full end
          end
        end
      end
    end
    sort(out)
    return out
  end
  local path, sep, partial = word:match("^([%a_][%w_%.]*)([%.:])([%w_]*)$")
  if not path then
    if not word:match("^[%a_]?[%w_]*$") then return out end
    for k in pairs(_G) do add(out, seen, k, word) end
    for _, k in ipairs(keywords) do add(out, seen, k, word) end
    sort(out)
    return out
  end
  local v = resolve(path)
  if v == nil then return out end
  -- F.<field>: the builders the catalogue lists for that field, and nothing after a dot.
  if mt_name(v) == "empsh.field" and fields and fields.fields[v.name] then
    if sep == ":" then
      for _, m in ipairs(fields.fields[v.name].builders) do add(out, seen, m, partial) end
    end
    sort(out)
    for i, k in ipairs(out) do out[i] = path .. sep .. k end
    return out
  end
  if sep == "." and v == F and fields then
    for _, name in ipairs(fields.order) do add(out, seen, name, partial) end
  end
  if sep == "." and type(v) == "table" then
    for k in next, v do add(out, seen, k, partial) end
  end
  local mt = getmetatable(v)
  local index = type(mt) == "table" and rawget(mt, "__index")
  if type(index) == "table" then
    for k, f in next, index do
      if sep == "." or type(f) == "function" then add(out, seen, k, partial) end
    end
  end
  if sep == ":" and type(v) == "table" then
    for k, f in next, v do if type(f) == "function" then add(out, seen, k, partial) end end
  end
  sort(out)
  for i, k in ipairs(out) do out[i] = path .. sep .. k end
  return out
end

return { print = print_results, text = results_text, complete = complete, pretty = function(v) return pretty(v, "", {}) end, watch = watch }
