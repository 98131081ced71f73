-- =empsh/chart: list:chart(label, value), a horizontal bar chart drawn by empsh.chart; with no
-- arguments on a count_by or group_by result (rows {key=, count=, ...}) it charts the counts.
local catalog, P = ...
local null, describe, missing, wrap, hints = P.null, P.describe, P.missing, P.wrap, P.hints
local methods = P.ListMT.__index

local function need(key)
  local get, err = P.getter(key, "chart")
  if not get then error(err, 3) end
  return get
end

-- A chart label: "(null)" for nil and json.null, tables as JSON, the rest through tostring.
local function label_text(v)
  if missing(v) then return "(null)" end
  if type(v) == "table" then
    local json = rawget(_G, "json")
    if type(json) == "table" and type(json.encode) == "function" then return json.encode(v) end
  end
  return tostring(v)
end

-- chart(label, value): one bar per row; with no arguments on a count_by result, its counts.
-- Under a format written for programs (json, csv…: OutputFormat.isForPeople false, P.for_people here)
-- the label and value columns are printed instead of bars.
function methods:chart(label, value)
  if label == nil and value == nil then
    local keys = P.key_columns(self)
    if not keys then
      error("chart expects a label and a value (field names, dotted paths or functions); only count_by and group_by results chart without them", 2)
    end
    label, value = keys[1], "count"
    if #keys > 1 then
      -- Several keys: one label "a / b" per row, under the column name "key".
      label = function(row)
        local parts = {}
        for i, k in ipairs(keys) do parts[i] = label_text(row[k]) end
        return table.concat(parts, " / ")
      end
    end
  end
  local get_label, get_value = need(label), need(value)
  local labels, values = {}, {}
  for i, row in ipairs(self) do
    local v = get_value(row)
    if type(v) ~= "number" then error(("chart: the value of row %d must be a number, got %s"):format(i, describe(v)), 2) end
    labels[i], values[i] = label_text(get_label(row)), v
  end
  local format = P.format()
  if P.for_people[format] then
    io.write(P.chart(labels, values))
  else
    local ln = type(label) == "string" and label or "label"
    local vn = type(value) == "string" and value or "value"
    if vn == ln then vn = "value" end
    local rows = {}
    for i, row in ipairs(self) do
      local l = get_label(row)
      rows[i] = { [ln] = l == nil and null() or l, [vn] = values[i] }
    end
    io.write(P.render(wrap(rows), { ln, vn }, format))
  end
end
